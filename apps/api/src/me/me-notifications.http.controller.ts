import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { audienceOf, type InboxModel, type Notification } from '@zw/projections';
import type { Request } from 'express';
import { CurrentActor, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { UserAccounts } from '../auth/users/user-accounts';
import { correlationOf, plainRequest } from '../commands/command-request';
import { send, stream } from '../commands/commands';
import { OrganisationAccess } from '../organisations/organisation-access';
import { InboxService } from './inbox.service';
import { MarkReadAnswerDto, MarkReadDto, NotificationsPageDto, NotificationsQueryDto } from './notification.dtos';

/**
 * 消息: the in-app channel's 催办/督办 and what needs the user's attention. What was read is an
 * event in the user's own stream (NotificationsRead), so it survives restarts and replicas.
 */
@ApiTags('我的')
@Controller('me/notifications')
export class MeNotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly accounts: UserAccounts,
    private readonly organisations: OrganisationAccess,
    private readonly bus: CommandBus,
  ) {}

  /**
   * The audience's notifications of plans in the caller's reach, newest first: audiences are
   * named by department or role, which two districts share (both have a 区城管局 and an office),
   * so the model keeps them per plan and another district's are left out (organisation-scope.ts).
   */
  private async visible(model: InboxModel, actor: Actor): Promise<Notification[]> {
    const audience = audienceOf(actor);
    if (!audience) return [];
    const tree = await this.organisations.tree();
    return model.newestFirst(audience, (planId) => this.organisations.reachesPlan(tree, actor, planId));
  }

  @Policy('me.read')
  @Get()
  @ApiOperation({
    summary: '我的消息（分页，最新在前，含未读数）',
    description:
      '部门：发给本单位的催办（站内渠道）、交办/改派给本单位、退回本单位、延期申请的审批结果；无废办：督办（到无废办）与会签异议；领导：督办（到领导小组）。',
  })
  @ApiOkResponse({ type: NotificationsPageDto })
  async list(@Query() query: NotificationsQueryDto, @CurrentActor() actor: Actor): Promise<NotificationsPageDto> {
    const [model, readUpTo] = await Promise.all([this.inbox.current(), this.readUpTo(actor)]);
    const limit = query.limit ?? 20;
    const before = query.before ? BigInt(query.before) : undefined;
    const visible = await this.visible(model, actor);
    const page = visible.filter((n) => before === undefined || BigInt(n.position) < before).slice(0, limit);
    const items = page.map((n) => ({ ...n, read: readUpTo !== undefined && BigInt(n.position) <= readUpTo }));
    return {
      items,
      unread: visible.filter((n) => readUpTo === undefined || BigInt(n.position) > readUpTo).length,
      readUpTo: readUpTo?.toString() ?? null,
      nextBefore: page.length === limit ? page.at(-1)!.position : null,
    };
  }

  @Policy('me.read')
  @Post('read')
  @HttpCode(200)
  @ApiOperation({
    summary: '标记消息已读（到某一位置为止）',
    description: '记录为本人账号事件流中的事件；位置只前进不后退，超过最新一条时按最新一条记录。',
  })
  @ApiOkResponse({ type: MarkReadAnswerDto })
  async read(@Body() body: MarkReadDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<MarkReadAnswerDto> {
    const model = await this.inbox.current();
    const visible = await this.visible(model, actor);
    const latest = visible[0] === undefined ? undefined : BigInt(visible[0].position);
    // Never beyond the newest notification: a later one must still arrive unread.
    const upTo = latest !== undefined && BigInt(body.upTo) > latest ? latest : BigInt(body.upTo);
    const request = plainRequest(actor, correlationOf(req));
    if (latest !== undefined)
      await send(this.bus, request, stream.user(actor.id), 'MarkNotificationsRead', { upTo: upTo.toString() });
    const readUpTo = await this.readUpTo(actor);
    return {
      readUpTo: readUpTo?.toString() ?? null,
      unread: visible.filter((n) => readUpTo === undefined || BigInt(n.position) > readUpTo).length,
    };
  }

  private async readUpTo(actor: Actor): Promise<bigint | undefined> {
    const state = await this.accounts.load(actor.id);
    const upTo = state.status === 'absent' ? undefined : state.user.notificationsReadUpTo;
    return upTo === undefined ? undefined : BigInt(upTo);
  }
}
