import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { CLOCK, shanghaiDate, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { assignmentDefaults, taskStreamId, type LocalDate } from '@zw/domain';
import type { Plan, PlanTask } from '@zw/plan';
import type { Request, Response } from 'express';
import { StreamCache } from '../commands/stream-cache';
import { planIdOf, requirePlan } from '../http/request-conventions';
import { PlanCatalogueCache } from '../plans/plan-catalogue.cache';
import { taskView } from './task.view';
import { Policy, ScopeRows } from '../auth/policy.decorator';
import { ProjectionService } from '../views/projection.service';

/**
 * Reads of one task, folded from its stream; the board and other read models over the global
 * log are in ../views. The ETag is the stream revision for If-Match.
 */
@ApiTags('任务查询')
@Controller('tasks')
export class TaskReadController {
  constructor(
    private readonly streams: StreamCache,
    private readonly plans: PlanCatalogueCache,
    private readonly projections: ProjectionService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every task of the plan's list, with its workflow status (待交办 when never assigned), then
   * the tasks the office created beyond the list (known from the projection of the log).
   */
  @Policy('task.read')
  @ScopeRows()
  @Get()
  async list(@Req() req: Request) {
    const plan = await requirePlan(this.plans, this.planIdOf(req));
    const listed = new Set(plan.tasks.map((t) => t.code));
    const created = this.projections.runtime.model
      .rows(plan.id)
      .filter((r) => !listed.has(r.code))
      .map((r) => r.code)
      .sort();
    return Promise.all([
      ...plan.tasks.map((row) =>
        this.load(plan.id, row.code).then(({ view, revision }) =>
          revision === undefined
            ? { ...view, ...planRow(plan, row, this.today()) }
            : { ...view, code: row.code, title: row.text },
        ),
      ),
      ...created.map((code) => this.load(plan.id, code).then(({ view }) => ({ ...view, code }))),
    ]);
  }

  @Policy('task.read')
  @Get(':code')
  @ApiOperation({
    summary: '查看一项任务',
    description:
      '已交办的任务：状态、各单位签收、里程碑、延期、进展等（ETag 为事件流版本）；尚未交办的任务：计划表中的一行（体系、领域、任务、牵头单位、配合单位、时间），状态为 待交办。',
  })
  async one(@Param('code') code: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const planId = this.planIdOf(req);
    const { view, revision } = await this.load(planId, code);
    if (revision !== undefined) {
      res.setHeader('ETag', `"${revision}"`);
      return { ...view, code };
    }
    const plan = await requirePlan(this.plans, this.planIdOf(req));
    const row = plan.tasks.find((t) => t.code === code);
    if (!row) throw new NotFoundException({ code: 'NOT_FOUND', message: `任务 ${code} 不存在` });
    return { ...view, ...planRow(plan, row, this.today()) };
  }

  private planIdOf(req: Request): string {
    return planIdOf(req, this.config.defaultPlanId);
  }

  private async load(planId: string, code: string) {
    const { state, revision } = await this.streams.load('task', taskStreamId(planId, code));
    // Labels that depend on the day (已逾期, 逾期未签收) read as on the board: Shanghai's today.
    return { view: taskView(state, revision, this.today()), revision };
  }

  private today(): LocalDate {
    return shanghaiDate(this.clock.now());
  }
}

/**
 * A task not yet assigned is its row of the plan's list (附件3), so a reader sees what 交办 will be
 * about, with the milestones 交办 gives when the office names none: the same assignmentDefaults
 * the command applies, on the same today, so the console prefills its form without a copy of the rule.
 */
function planRow(plan: Plan, row: PlanTask, today: LocalDate) {
  const { code, system, area, text, lead, cooperating, window } = row;
  const defaultMilestones = assignmentDefaults(plan, row, today).request.milestones;
  return { planId: plan.id, code, title: text, system, area, text, lead, cooperating, window, defaultMilestones };
}
