import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, Put, Req, Res } from '@nestjs/common';
import { decideIndicator, indicatorStreamId, type IndicatorCommand, type IndicatorDefinition } from '@zw/domain';
import type { Plan } from '@zw/plan';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { validationFailed } from '../errors/validation.pipe';
import { canonicalDepartments } from '../tasks/departments';
import {
  ConfirmReportDto,
  LinkTasksDto,
  NameDepartmentsDto,
  RejectReportDto,
  ReportIndicatorDto,
} from './dto/indicator.dtos';
import { EvidenceFiles } from '../files/evidence-files';
import { ItemCommandSender } from './item-command.sender';
import { PlanItemsService } from './plan-items';

type Data<T extends IndicatorCommand['type']> = Extract<IndicatorCommand, { type: T }>['data'];

/** 指标报送 by the responsible departments; 确认 / 退回, task links and who reports by the office. */
@ApiTags('指标')
@Controller('indicators/:indicatorId')
export class IndicatorCommandsController {
  constructor(
    private readonly items: PlanItemsService,
    private readonly sender: ItemCommandSender,
    private readonly files: EvidenceFiles,
  ) {}

  @Post('reports')
  @Policy('indicator.report')
  async report(
    @Param('indicatorId') id: string,
    @Body() b: ReportIndicatorDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data: Data<'ReportIndicator'> = {
      period: b.period,
      source: b.source,
      evidence: await this.files.resolve(actor, b.evidence),
      ...(b.value !== undefined ? { value: b.value } : {}),
      ...(b.unit !== undefined ? { unit: b.unit } : {}),
      ...(b.met !== undefined ? { met: b.met } : {}),
      ...(b.note !== undefined ? { note: b.note } : {}),
    };
    const answer = await this.send(req, res, actor, id, 'ReportIndicator', data);
    return { ...answer, reportId: answer.data[0]?.['reportId'] ?? null };
  }

  @Post('reports/:reportId/confirmation')
  @Policy('indicator.review')
  confirm(
    @Param('indicatorId') id: string,
    @Param('reportId') reportId: string,
    @Body() b: ConfirmReportDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(req, res, actor, id, 'ConfirmIndicatorReport', {
      reportId,
      ...(b.note !== undefined ? { note: b.note } : {}),
    });
  }

  @Post('reports/:reportId/rejection')
  @Policy('indicator.review')
  reject(
    @Param('indicatorId') id: string,
    @Param('reportId') reportId: string,
    @Body() b: RejectReportDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(req, res, actor, id, 'RejectIndicatorReport', { reportId, reason: b.reason });
  }

  /** Replaces the tasks linked to the indicator (the plan's defaults until the office changes them). */
  @Put('tasks')
  @Policy('indicator.link-tasks')
  async link(
    @Param('indicatorId') id: string,
    @Body() b: LinkTasksDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { items } = await this.items.indicator(req, id);
    requireKnownTasks(items.plan, b.tasks);
    return this.send(req, res, actor, id, 'LinkIndicatorTasks', {
      tasks: b.tasks,
      ...(b.reason !== undefined ? { reason: b.reason } : {}),
    });
  }

  /** Names who reports the indicator (the plan's 责任部门/数据来源 until then; 32, 33, 35, 39, 48–50 name no department). */
  @Put('responsible')
  @Policy('indicator.set-responsible')
  async setResponsible(
    @Param('indicatorId') id: string,
    @Body() b: NameDepartmentsDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { items } = await this.items.indicator(req, id);
    const departments = canonicalDepartments(items.plan, b.departments, 'departments');
    return this.send(req, res, actor, id, 'SetIndicatorResponsibility', { departments, reason: b.reason });
  }

  private async send<T extends IndicatorCommand['type']>(
    req: Request,
    res: Response,
    actor: Actor,
    id: string,
    type: T,
    data: Data<T>,
  ) {
    const { def, items } = await this.items.indicator(req, id);
    const decide = (state: Parameters<typeof decideIndicator>[1], metadata: IndicatorCommand['metadata']) =>
      decideIndicator({ type, data, metadata } as IndicatorCommand, state, def as IndicatorDefinition);
    const answer = await this.sender.send(
      req,
      res,
      actor,
      'indicator',
      indicatorStreamId(items.plan.id, def.id),
      decide,
    );
    return { indicatorId: def.id, ...answer };
  }
}

/** Task codes must be tasks of the plan: a link to nothing would mislead. */
function requireKnownTasks(plan: Plan, tasks: readonly string[]): void {
  const known = new Set(plan.tasks.map((t) => t.code));
  const problems = tasks.flatMap((code, i) =>
    known.has(code) ? [] : [{ field: `tasks[${i}]`, reason: `“${code}”不是本计划任务清单中的任务` }],
  );
  if (problems.length > 0) throw validationFailed(problems);
}
