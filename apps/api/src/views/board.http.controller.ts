import { Controller, Get, Inject, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { filterBoard, overviewView, type LightRules } from '@zw/projections';
import { BoardCache } from './board.cache';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { boardXlsx } from './exports/board.xlsx';
import { attachment, XLSX_TYPE } from './exports/sheet';
import { LIGHT_RULES } from './light-rules.provider';
import { confinedDepartment } from './scope';
import { badRequest } from '../http/request-conventions';
import { ViewContext, type ViewInput } from './view-context';
import { BoardQueryDto, ViewQueryDto } from './view-query.dtos';

/** 任务台账: every task with its light, the rule and the events behind it; and the plan overview. */
@ApiTags('视图')
@Controller()
export class BoardController {
  constructor(
    private readonly context: ViewContext,
    private readonly boards: BoardCache,
    @Inject(LIGHT_RULES) private readonly rules: LightRules,
  ) {}

  @Get('board')
  @Policy('view.board')
  @ApiOperation({ summary: '任务台账（红黄绿灯、签收、里程碑、当前责任方），支持 asOf 与筛选' })
  async board(
    @Query() query: BoardQueryDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const input = await this.context.input(req, res);
    return { planId: input.planId, asOf: input.today, rules: this.rules, tasks: this.items(input, query, actor) };
  }

  @Get('board.xlsx')
  @Policy('view.board')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '任务台账导出 .xlsx（与台账相同的筛选）' })
  async boardXlsx(
    @Query() query: BoardQueryDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const input = await this.context.input(req, res);
    res.setHeader('Content-Disposition', attachment(`board-${input.today}.xlsx`, `任务台账-${input.today}.xlsx`));
    return new StreamableFile(await boardXlsx(this.items(input, query, actor), input.today), { type: XLSX_TYPE });
  }

  @Get('overview')
  @Policy('view.overview')
  @ApiOperation({ summary: '计划总览：按体系、领域、年度的数量与完成率，各单位逾期数' })
  async overview(
    @Query() _query: ViewQueryDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const input = await this.context.input(req, res);
    const items = this.boards.board(input);
    const overview = overviewView(items, input.rows, input.departments, input.today);
    // Other departments' overdue counts are the ranking's first key, which departments do not see.
    const own = confinedDepartment(actor, undefined);
    const overdueByDepartment =
      own === undefined
        ? overview.overdueByDepartment
        : overview.overdueByDepartment.filter((d) => d.department === own);
    return { planId: input.planId, ...overview, overdueByDepartment };
  }

  private items(input: ViewInput, query: BoardQueryDto, actor: Actor) {
    // 牵头/配合 is a role of a department: without one (a department user's is implied) it means nothing.
    if (query.role && !query.department && actor.role !== 'department')
      throw badRequest('role', '按角色筛选时须同时指定单位（department）');
    const department = confinedDepartment(actor, query.department);
    return filterBoard(this.boards.board(input), {
      department,
      role: query.role,
      system: query.system,
      status: query.status,
      light: query.light,
      year: query.year,
    });
  }
}
