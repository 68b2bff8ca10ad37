import { Controller, Get, Header, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, AUTH_SECRET, deriveKey, type AppConfig } from '@zw/config';
import { calendarView } from '@zw/projections';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { calendarIcs } from './exports/calendar.ics';
import { feedKey, verifyFeedKey } from './exports/feed-key';
import { confinedDepartment } from './scope';
import { badRequest } from '../http/request-conventions';
import { ViewContext } from './view-context';
import { CalendarQueryDto, ViewQueryDto } from './view-query.dtos';

/** 期限日历: deadlines in a date range, and a per-department iCal feed for calendar apps. */
@ApiTags('视图')
@Controller()
export class CalendarController {
  private readonly key: Buffer;

  constructor(
    private readonly context: ViewContext,
    @Inject(AUTH_SECRET) secret: string,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = deriveKey(secret, 'calendar-feed');
  }

  @Get('calendar')
  @Policy('view.calendar')
  @ApiOperation({ summary: '期限日历：区间内的签收、里程碑、任务期限' })
  async calendar(
    @Query() query: CalendarQueryDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (query.from && query.to && query.from > query.to) throw badRequest('to', 'must not be before from');
    const input = await this.context.input(req, res);
    const department = confinedDepartment(actor, query.department);
    return {
      planId: input.planId,
      asOf: input.today,
      deadlines: calendarView(input.rows, input.today, { from: query.from, to: query.to }, department),
    };
  }

  @Get('departments/:department/calendar-link')
  @Policy('view.calendar-link')
  @ApiOperation({ summary: '单位期限日历的订阅链接（iCal，可在 Outlook 或手机日历中订阅）' })
  async link(
    @Param('department') department: string,
    @Query() _q: ViewQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const input = await this.context.input(req, res);
    if (!input.departments.includes(department))
      throw new NotFoundException({
        code: 'NOT_FOUND',
        message: `单位“${department}”不在计划中 (department not found)`,
      });
    const path = `/calendar/feeds/${feedKey(this.key, { planId: input.planId, department })}.ics`;
    // Behind a TLS proxy the request says http and an internal host: the configured address wins.
    const base = this.config.publicBaseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const url = `${base}${path}`;
    return { department, path, url, webcal: url.replace(/^https?:/, 'webcal:') };
  }

  /** Public: the signed key in the URL is the proof (calendar apps send no token). */
  @Get('calendar/feeds/:key.ics')
  @Policy('view.calendar-feed')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  async feed(@Param('key') key: string) {
    const subject = verifyFeedKey(this.key, key);
    if (!subject) throw new NotFoundException({ code: 'NOT_FOUND', message: '日历订阅链接无效 (unknown feed)' });
    const rows = this.context.liveRows(subject.planId);
    const today = this.context.today();
    const organisation = await this.context.organisationName(subject.planId);
    const deadlines = calendarView(rows, today, {}, subject.department);
    return calendarIcs(subject.department, organisation, deadlines, this.clock.now());
  }
}
