import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { IndicatorCommand, IndicatorDefinition } from '@zw/domain';
import type { Plan } from '@zw/plan';
import { Policy } from '../auth/policy.decorator';
import { CommandIn, type CommandRequest } from '../commands/command-request';
import { itemAnswer } from '../commands/command-answer';
import { send, stream, type Data as CommandData } from '../commands/commands';
import { validationFailed } from '../errors/validation.pipe';
import { EvidenceFiles } from '../files/evidence-files';
import { canonicalDepartments } from '../tasks/departments';
import {
  ConfirmReportDto,
  LinkTasksDto,
  NameDepartmentsDto,
  RejectReportDto,
  ReportIndicatorDto,
} from './dto/indicator.dtos';
import { PlanItemsService } from './plan-items';

type Data<T extends IndicatorCommand['type']> = CommandData<IndicatorCommand, T>;

/** 指标报送 by the responsible departments; 确认 / 退回, task links and who reports by the office. */
@ApiTags('指标')
@Controller('indicators/:indicatorId')
export class IndicatorCommandsController {
  constructor(
    private readonly items: PlanItemsService,
    private readonly bus: CommandBus,
    private readonly files: EvidenceFiles,
  ) {}

  @Post('reports')
  @Policy('indicator.report')
  async report(@Param('indicatorId') id: string, @Body() b: ReportIndicatorDto, @CommandIn() c: CommandRequest) {
    const data: Data<'ReportIndicator'> = {
      period: b.period,
      source: b.source,
      evidence: await this.files.resolve(c.actor, b.evidence),
      ...(b.value !== undefined ? { value: b.value } : {}),
      ...(b.unit !== undefined ? { unit: b.unit } : {}),
      ...(b.met !== undefined ? { met: b.met } : {}),
      ...(b.note !== undefined ? { note: b.note } : {}),
    };
    const { def } = await this.items.indicator(c.planId, id);
    const answer = await this.send(c, def, 'ReportIndicator', data);
    return { ...answer, reportId: answer.data[0]?.['reportId'] ?? null };
  }

  @Post('reports/:reportId/confirmation')
  @Policy('indicator.review')
  async confirm(
    @Param('indicatorId') id: string,
    @Param('reportId') reportId: string,
    @Body() b: ConfirmReportDto,
    @CommandIn() c: CommandRequest,
  ) {
    const { def } = await this.items.indicator(c.planId, id);
    return this.send(c, def, 'ConfirmIndicatorReport', { reportId, ...(b.note !== undefined ? { note: b.note } : {}) });
  }

  @Post('reports/:reportId/rejection')
  @Policy('indicator.review')
  async reject(
    @Param('indicatorId') id: string,
    @Param('reportId') reportId: string,
    @Body() b: RejectReportDto,
    @CommandIn() c: CommandRequest,
  ) {
    const { def } = await this.items.indicator(c.planId, id);
    return this.send(c, def, 'RejectIndicatorReport', { reportId, reason: b.reason });
  }

  /** Replaces the tasks linked to the indicator (the plan's defaults until the office changes them). */
  @Put('tasks')
  @Policy('indicator.link-tasks')
  async link(@Param('indicatorId') id: string, @Body() b: LinkTasksDto, @CommandIn() c: CommandRequest) {
    const { items, def } = await this.items.indicator(c.planId, id);
    requireKnownTasks(items.plan, b.tasks);
    return this.send(c, def, 'LinkIndicatorTasks', {
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
    @CommandIn() c: CommandRequest,
  ) {
    const { items, def } = await this.items.indicator(c.planId, id);
    const departments = canonicalDepartments(items.plan, b.departments, 'departments');
    return this.send(c, def, 'SetIndicatorResponsibility', { departments, reason: b.reason });
  }

  /** The definition comes from the caller, which has already looked it up for its own checks. */
  private async send<T extends IndicatorCommand['type']>(
    c: CommandRequest,
    def: IndicatorDefinition,
    type: T,
    data: CommandData<IndicatorCommand, T>,
  ) {
    return { indicatorId: def.id, ...itemAnswer(await send(this.bus, c, stream.indicator(def), type, data)) };
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
