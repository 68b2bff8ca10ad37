import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { calendarView } from '@zw/projections';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { confinedDepartment } from './scope';
import { badRequest } from '../http/request-conventions';
import { ViewContext } from './view-context';
import { CalendarQueryDto } from './view-query.dtos';

/** 期限日历: deadlines in a date range (the subscribable feeds are in feeds/). */
@ApiTags('视图')
@Controller()
export class CalendarController {
  constructor(private readonly context: ViewContext) {}

  @Get('calendar')
  @Policy('view.calendar')
  @ApiOperation({ summary: '期限日历：区间内的签收、里程碑、任务期限' })
  async calendar(
    @Query() query: CalendarQueryDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (query.from && query.to && query.from > query.to) throw badRequest('to', '截止日期不能早于起始日期');
    const input = await this.context.input(req, res);
    const department = confinedDepartment(actor, query.department);
    return {
      planId: input.planId,
      asOf: input.today,
      deadlines: calendarView(input.rows, input.today, { from: query.from, to: query.to }, department),
    };
  }
}
