import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ORGANISATION_KIND_LABELS, organisationError, type OrganisationTree } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { planStreamId } from '@zw/plan';
import { CurrentActor, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { viewAnswer } from '../commands/command-answer';
import { CommandBy, type StreamRequest } from '../commands/command-request';
import { send, stream } from '../commands/commands';
import type { CommandResult } from '../commands/execute-command.handler';
import { planNotFound } from '../http/request-conventions';
import { OrganisationAccess } from './organisation-access';
import { AttachPlanDto, CreateOrganisationDto, MoveOrganisationDto, RenameOrganisationDto } from './organisation.dtos';

/**
 * The organisation tree over HTTP. Everyone sees the part of the tree they reach; admins build
 * it below their own organisation (a root is made from the shell, `npm run organisations`). The
 * access guard has already answered 404 for an `:organisationId` outside the caller's reach; a
 * parent or plan out of reach is answered as if it did not exist.
 */
@ApiTags('组织')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly access: OrganisationAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Policy('organisation.read')
  @Get()
  @ApiOperation({ summary: '本账号可及的组织（本组织，领导和管理员另含下级）及其计划' })
  async list(@CurrentActor() actor: Actor) {
    const tree = await this.access.tree();
    return [...tree.nodes.values()]
      .filter((node) => this.access.reaches(tree, actor, node.id))
      .map((node) => view(tree, node.id));
  }

  @Policy('organisation.manage')
  @Post()
  @ApiOperation({ summary: '建立组织（本组织之下）' })
  async create(@Body() body: CreateOrganisationDto, @CommandBy() c: StreamRequest) {
    const tree = await this.access.tree();
    if (body.parentId === undefined || !this.access.reaches(tree, c.actor, body.parentId))
      throw organisationError('ORGANISATION.PARENT_NOT_FOUND', { parentId: body.parentId ?? null });
    const { organisationId, name, kind, parentId } = body;
    const result = await send(this.bus, c, stream.organisations(), 'CreateOrganisation', {
      organisationId,
      name,
      kind,
      parentId,
    });
    return answer(result, organisationId, 201);
  }

  @Policy('organisation.manage')
  @Put(':organisationId/name')
  @ApiOperation({ summary: '组织更名' })
  async rename(
    @Param('organisationId') organisationId: string,
    @Body() body: RenameOrganisationDto,
    @CommandBy() c: StreamRequest,
  ) {
    const result = await send(this.bus, c, stream.organisations(), 'RenameOrganisation', {
      organisationId,
      name: body.name,
    });
    return answer(result, organisationId, 200);
  }

  @Policy('organisation.manage')
  @Put(':organisationId/parent')
  @ApiOperation({ summary: '调整上级组织（如独立运行的区并入其市）' })
  async move(
    @Param('organisationId') organisationId: string,
    @Body() body: MoveOrganisationDto,
    @CommandBy() c: StreamRequest,
  ) {
    if (!this.access.reaches(await this.access.tree(), c.actor, body.parentId))
      throw organisationError('ORGANISATION.PARENT_NOT_FOUND', { parentId: body.parentId });
    const result = await send(this.bus, c, stream.organisations(), 'MoveOrganisation', {
      organisationId,
      parentId: body.parentId,
    });
    return answer(result, organisationId, 200);
  }

  @Policy('organisation.manage')
  @Post(':organisationId/plans')
  @HttpCode(200)
  @ApiOperation({ summary: '将已导入的计划归入组织（一个计划只属于一个组织）' })
  async attach(
    @Param('organisationId') organisationId: string,
    @Body() body: AttachPlanDto,
    @CommandBy() c: StreamRequest,
  ) {
    const tree = await this.access.tree();
    const owner = tree.planOwners.get(body.planId);
    // A plan another organisation holds, out of the caller's reach, is not revealed.
    if (owner !== undefined && !this.access.reaches(tree, c.actor, owner)) throw planNotFound(body.planId);
    if ((await this.store.readStream(planStreamId(body.planId))).length === 0) throw planNotFound(body.planId);
    const result = await send(this.bus, c, stream.organisations(), 'AttachPlan', {
      organisationId,
      planId: body.planId,
    });
    return answer(result, organisationId, 200);
  }
}

/** The organisation as the command left it, with the status the route has always answered. */
function answer(result: CommandResult, organisationId: string, status: 200 | 201) {
  return viewAnswer(view(result.state as OrganisationTree, organisationId), result, status);
}

function view(tree: OrganisationTree, organisationId: string) {
  const node = tree.nodes.get(organisationId);
  if (!node) throw new NotFoundException({ code: 'ORGANISATION.NOT_FOUND', message: '组织不存在' });
  return { ...node, kindLabel: ORGANISATION_KIND_LABELS[node.kind] };
}
