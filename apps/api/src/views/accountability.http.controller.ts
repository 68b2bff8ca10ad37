import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { accountabilityView, rankingView, type LightRules } from '@zw/projections';
import type { Request, Response } from 'express';
import { Policy } from '../auth/policy.decorator';
import { rankingXlsx } from './exports/ranking.xlsx';
import { attachment, XLSX_TYPE } from './exports/sheet';
import { LIGHT_RULES } from './light-rules.provider';
import { ViewContext } from './view-context';
import { ViewQueryDto } from './view-query.dtos';

/** 责任落实: one department's work, and the 考核 ranking of all. The guard confines a department user to its own. */
@ApiTags('视图')
@Controller()
export class AccountabilityController {
  constructor(
    private readonly context: ViewContext,
    @Inject(LIGHT_RULES) private readonly rules: LightRules,
  ) {}

  @Get('departments/:department/accountability')
  @Policy('view.accountability')
  @ApiOperation({
    summary: '单位责任视图：牵头/配合任务、待签收、临期与逾期里程碑、按时完成、签收用时、催办督办、当前待办',
  })
  async department(
    @Param('department') department: string,
    @Query() _q: ViewQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const input = await this.context.input(req, res);
    if (!input.departments.includes(department)) {
      throw new NotFoundException({
        code: 'NOT_FOUND',
        message: `单位“${department}”不在计划中`,
      });
    }
    return {
      planId: input.planId,
      ...accountabilityView(input.rows, department, input.today, this.rules.dueSoonDays, input.indicators),
    };
  }

  @Get('accountability/ranking')
  @Policy('view.ranking')
  @ApiOperation({ summary: '考核排名（排名规则随结果给出）' })
  async ranking(@Query() _q: ViewQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const input = await this.context.input(req, res);
    return {
      planId: input.planId,
      ...rankingView(input.rows, input.departments, input.today, this.rules.dueSoonDays, input.indicators),
    };
  }

  @Get('accountability/ranking.xlsx')
  @Policy('view.ranking')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '考核排名导出 .xlsx' })
  async rankingXlsx(@Query() _q: ViewQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const input = await this.context.input(req, res);
    const ranking = rankingView(input.rows, input.departments, input.today, this.rules.dueSoonDays, input.indicators);
    res.setHeader('Content-Disposition', attachment(`ranking-${input.today}.xlsx`, `考核排名-${input.today}.xlsx`));
    return new StreamableFile(await rankingXlsx(ranking), { type: XLSX_TYPE });
  }
}
