import { randomBytes, randomUUID } from 'node:crypto';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { hashToken } from '@zw/auth';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { feedByKeyHash, feedsOf, type CalendarFeed } from '@zw/domain';
import { calendarView } from '@zw/projections';
import type { Request, Response } from 'express';
import { commandMetadata, CurrentActor, eventMetadata, type Actor } from '../../actor/actor';
import { Policy } from '../../auth/policy.decorator';
import { calendarIcs } from '../exports/calendar.ics';
import { ViewContext } from '../view-context';
import { ViewQueryDto } from '../view-query.dtos';
import { CalendarFeedStore } from './calendar-feed.store';
import { FEED_STATUS_LABELS, FeedAccess } from './feed-access';

/** 256 random bits, base64url: the whole capability. Only its SHA-256 is stored. */
const KEY = /^[A-Za-z0-9_-]{43}$/;
export const FEED_PATH_PREFIX = '/calendar/feeds/';

/** Subscribable iCal feeds of a department's deadlines, as revocable capabilities (docs/security.md). */
@ApiTags('视图')
@Controller()
export class CalendarFeedsController {
  constructor(
    private readonly feeds: CalendarFeedStore,
    private readonly access: FeedAccess,
    private readonly context: ViewContext,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('departments/:department/calendar-feeds')
  @Policy('calendar-feed.manage')
  @HttpCode(201)
  @ApiOperation({ summary: '创建本单位期限日历的订阅链接（链接只显示这一次，可随时单独停用）' })
  async issue(
    @Param('department') department: string,
    @Query() _q: ViewQueryDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const input = await this.context.input(req, res);
    if (!input.departments.includes(department)) throw departmentNotFound();
    const key = randomBytes(32).toString('base64url');
    const feedId = randomUUID();
    const { position } = await this.feeds.execute(
      {
        type: 'IssueCalendarFeed',
        data: { feedId, planId: input.planId, department, keyHash: hashToken(key) },
        metadata: commandMetadata(actor, this.clock),
      },
      eventMetadata(actor, req, this.clock),
    );
    const path = `${FEED_PATH_PREFIX}${key}.ics`;
    // Behind a TLS proxy the request says http and an internal host: the configured address wins.
    const base = this.config.publicBaseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const url = `${base}${path}`;
    const feed = feedsOf(await this.feeds.load(), input.planId, department).find((f) => f.feedId === feedId)!;
    return {
      ...(await this.describe(feed)),
      path,
      url,
      webcal: url.replace(/^https?:/, 'webcal:'),
      position: position?.toString() ?? null,
    };
  }

  @Get('departments/:department/calendar-feeds')
  @Policy('calendar-feed.read')
  @ApiOperation({ summary: '单位的日历订阅：创建人、时间、状态（不含链接本身）' })
  async list(
    @Param('department') department: string,
    @Query() _q: ViewQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { planId } = await this.context.plan(req, res);
    const feeds = feedsOf(await this.feeds.load(), planId, department);
    return Promise.all(feeds.map((f) => this.describe(f)));
  }

  @Delete('departments/:department/calendar-feeds/:feedId')
  @Policy('calendar-feed.manage')
  @HttpCode(204)
  @ApiOperation({ summary: '停用一个日历订阅：其链接立即失效，其他订阅不受影响' })
  async revoke(
    @Param('department') department: string,
    @Param('feedId') feedId: string,
    @Query() _q: ViewQueryDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const { planId } = await this.context.plan(req, res);
    await this.feeds.execute(
      {
        type: 'RevokeCalendarFeed',
        data: { feedId, planId, department },
        metadata: commandMetadata(actor, this.clock),
      },
      eventMetadata(actor, req, this.clock),
    );
  }

  /** Public: the random key in the URL is the proof (calendar apps send no token). */
  @Get('calendar/feeds/:key.ics')
  @Policy('view.calendar-feed')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: '订阅的期限日历（iCal），无需登录：链接中的密钥即凭证' })
  async feed(@Param('key') key: string, @Res({ passthrough: true }) res: Response) {
    const feed = KEY.test(key) ? feedByKeyHash(await this.feeds.load(), hashToken(key)) : undefined;
    // Unknown, revoked and closed feeds answer alike: a key proves something or nothing.
    if (!feed || (await this.access.closure(feed)) !== undefined)
      throw new NotFoundException({
        code: 'CALENDAR_FEED.NOT_FOUND',
        message: '日历订阅链接无效或已停用',
        details: {},
      });
    const rows = this.context.liveRows(feed.planId);
    const today = this.context.today();
    const organisation = await this.context.organisationName(feed.planId);
    // Set here, not by decorator: a refusal above must still answer as JSON.
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, max-age=300');
    return calendarIcs(feed.department, organisation, calendarView(rows, today, {}, feed.department), this.clock.now());
  }

  private async describe(feed: CalendarFeed) {
    const closure = await this.access.closure(feed);
    const status = closure === undefined ? 'open' : closure === 'revoked' ? 'revoked' : 'closed';
    return {
      feedId: feed.feedId,
      planId: feed.planId,
      department: feed.department,
      issuedAt: feed.issuedAt,
      issuedBy: { actorId: feed.issuedBy.actorId, role: feed.issuedBy.role },
      status,
      statusLabel: FEED_STATUS_LABELS[status],
      ...(feed.revoked ? { revokedAt: feed.revoked.at, revokedBy: feed.revoked.by.actorId } : {}),
    };
  }
}

function departmentNotFound(): NotFoundException {
  return new NotFoundException({ code: 'NOT_FOUND', message: '该单位不在计划中', details: {} });
}
