import { Controller, Get, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Policy } from '../auth/policy.decorator';
import { CityOverviewService } from './city-overview.service';
import { cityOverviewXlsx } from './exports/city-overview.xlsx';
import { attachment, XLSX_TYPE } from './exports/sheet';
import { ViewContext } from './view-context';
import { CityOverviewQueryDto } from './view-query.dtos';

/**
 * A city's (or province's) districts side by side, for its leaders and its office: the guard has
 * answered 404 already for an organisation outside the caller's reach (a district's leader does
 * not see its city, another city's leader not this one).
 */
@ApiTags('视图')
@Controller('organisations/:organisationId')
export class CityOverviewController {
  constructor(
    private readonly overviews: CityOverviewService,
    private readonly context: ViewContext,
  ) {}

  @Get('overview')
  @Policy('organisation.overview')
  @ApiOperation({
    summary:
      '城市总览：各区任务红黄绿灯、按区与按单位类别的逾期、同一指标各区并列、区间排名（排名规则随结果给出），支持 asOf',
  })
  async overview(
    @Param('organisationId') organisationId: string,
    @Query() _q: CityOverviewQueryDto,
    @Req() req: Request,
  ) {
    const { asOf, today } = this.context.day(req);
    return this.overviews.overview(organisationId, asOf, today);
  }

  @Get('overview.xlsx')
  @Policy('organisation.overview')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '城市总览导出 .xlsx（各区按排名，排名规则在表下）' })
  async overviewXlsx(
    @Param('organisationId') organisationId: string,
    @Query() _q: CityOverviewQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { asOf, today } = this.context.day(req);
    const overview = await this.overviews.overview(organisationId, asOf, today);
    res.setHeader(
      'Content-Disposition',
      attachment(`overview-${organisationId}-${today}.xlsx`, `城市总览-${overview.organisation.name}-${today}.xlsx`),
    );
    return new StreamableFile(await cityOverviewXlsx(overview), { type: XLSX_TYPE });
  }
}
