import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Req, Res, StreamableFile } from '@nestjs/common';
import {
  indicatorStreamId,
  summarizeIndicator,
  type IndicatorDefinition,
  type IndicatorSummary,
  type Light,
} from '@zw/domain';
import type { Request, Response } from 'express';
import { Policy } from '../auth/policy.decorator';
import { indicatorTableXlsx } from './indicator-table.xlsx';
import { indicatorRow, indicatorView } from './indicator.view';
import { StreamCache } from '../commands/stream-cache';
import { PlanItemsService, type PlanItems } from './plan-items';
import { asOfOf } from '../http/request-conventions';

/**
 * 目标清单 reads, folded per request from the 50 indicator streams (small: a few reports a year
 * each). `?asOf=YYYY-MM-DD` shows them as they stood at the end of that day, lights judged on it.
 */
@ApiTags('指标')
@ApiQuery({ name: 'asOf', required: false, description: '截至日期 YYYY-MM-DD（上海时间当日结束时）' })
@Controller()
export class IndicatorsController {
  constructor(
    private readonly items: PlanItemsService,
    private readonly streams: StreamCache,
  ) {}

  @Get('indicators')
  @Policy('indicator.read')
  async list(@Req() req: Request) {
    const { items, asOf, day } = await this.context(req);
    const rows = (await this.summaries(items, items.indicators, asOf, day)).map(indicatorRow);
    const lights: Record<Light, number> = { green: 0, yellow: 0, red: 0, none: 0 };
    for (const r of rows) lights[r.light]++;
    return { planId: items.plan.id, asOf: day, lights, indicators: rows };
  }

  /** The 目标清单 in the plan's own column layout. */
  @Get('indicators.xlsx')
  @Policy('indicator.read')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async xlsx(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { items, asOf, day } = await this.context(req);
    const buffer = await indicatorTableXlsx(items.plan, await this.summaries(items, items.indicators, asOf, day), day);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="indicators-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`目标清单-${day}.xlsx`)}`,
    );
    return new StreamableFile(buffer, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  }

  @Get('indicators/:indicatorId')
  @Policy('indicator.read')
  async one(@Param('indicatorId') indicatorId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { def, items } = await this.items.indicator(req, indicatorId);
    const asOf = asOfOf(req);
    const { state, revision } = await this.streams.at('indicator', indicatorStreamId(items.plan.id, def.id), asOf);
    if (revision !== undefined) res.setHeader('ETag', `"${revision}"`);
    return {
      ...indicatorView(summarizeIndicator(def, state, this.items.day(asOf))),
      revision: revision?.toString() ?? null,
    };
  }

  private async context(req: Request) {
    const asOf = asOfOf(req);
    return { items: await this.items.of(req), asOf, day: this.items.day(asOf) };
  }

  private summaries(
    items: PlanItems,
    defs: readonly IndicatorDefinition[],
    asOf: string | undefined,
    day: string,
  ): Promise<IndicatorSummary[]> {
    return Promise.all(
      defs.map(async (def) => {
        const { state } = await this.streams.at('indicator', indicatorStreamId(items.plan.id, def.id), asOf);
        return summarizeIndicator(def, state, day);
      }),
    );
  }
}
