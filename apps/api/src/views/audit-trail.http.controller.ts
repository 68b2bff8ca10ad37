import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { taskStreamId } from '@zw/domain';
import { EVENT_STORE, verifyStream, type EventStore } from '@zw/event-store';
import { auditTrailView, eventsUpTo } from '@zw/projections';
import type { Request, Response } from 'express';
import { withBreak } from '../audit/audit.http.controller';
import { Policy } from '../auth/policy.decorator';
import { ViewContext } from './view-context';
import { ViewQueryDto } from './view-query.dtos';

/** 审计追溯: every event of one task with who, when and old → new values, and whether its hash chain verifies. */
@ApiTags('视图')
@Controller('tasks')
export class AuditTrailController {
  constructor(
    private readonly context: ViewContext,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':code/audit-trail')
  @Policy('view.audit-trail')
  @ApiOperation({ summary: '任务审计追溯：谁在何时做了什么，字段新旧值，哈希链校验结果' })
  async trail(
    @Param('code') code: string,
    @Query() _q: ViewQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const input = await this.context.plan(req, res);
    let streamId: string;
    try {
      streamId = taskStreamId(input.planId, code);
    } catch {
      throw new NotFoundException({ code: 'NOT_FOUND', message: `任务 ${code} 不存在` });
    }
    const all = await this.store.readStream(streamId);
    if (all.length === 0 && !input.lines.some((l) => l.code === code)) {
      throw new NotFoundException({ code: 'NOT_FOUND', message: `任务 ${code} 不存在` });
    }
    const events = input.asOf ? eventsUpTo(all, input.asOf) : all;
    // The chain is checked over the whole stream: a break after the as-of day still matters.
    const chain = withBreak(await verifyStream(this.store, streamId));
    return { planId: input.planId, code, asOf: input.today, chain, entries: auditTrailView(events) };
  }
}
