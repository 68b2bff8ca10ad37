import { ApiTags } from '@nestjs/swagger';
import { BadRequestException, Body, Controller, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, shanghaiDate, type Clock } from '@zw/clock';
import {
  acknowledgementDeadline,
  assignmentDefaults,
  type AssignmentRequest,
  type MilestonePlan,
  type NotAssigned,
} from '@zw/domain';
import { parseTimeWindow, type Plan, type PlanTask } from '@zw/plan';
import { randomUUID } from 'node:crypto';
import { CommandIn, type CommandRequest } from '../commands/command-request';
import { sendTask } from '../commands/commands';
import { requirePlan } from '../http/request-conventions';
import { PlanCatalogueCache } from '../plans/plan-catalogue.cache';
import { canonicalDepartments } from './departments';
import { AssignTaskDto, CreateTaskDto, ReasonDto, ReassignTaskDto, type MilestoneDto } from './dto/task-command.dtos';
import { Policy } from '../auth/policy.decorator';

/** 交办 / 改派 / 撤销: the office puts a task in departments' hands, changes them, or cancels it. */
@ApiTags('任务交办')
@Controller('tasks')
export class TaskAssignmentController {
  constructor(
    private readonly bus: CommandBus,
    private readonly plans: PlanCatalogueCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Assigns a task of the plan; what the body leaves out comes from the plan's row. */
  @Policy('task.assign')
  @Post(':code/assignment')
  async assign(@Param('code') code: string, @Body() body: AssignTaskDto, @CommandIn() c: CommandRequest) {
    const plan = await requirePlan(this.plans, c.planId);
    const row = plan.tasks.find((t) => t.code === code);
    if (!row)
      throw new NotFoundException({
        code: 'NOT_FOUND',
        message: `任务 ${code} 不在计划任务清单中；清单外任务请用 POST /tasks 新建`,
      });
    const { request, notAssigned } = assignmentDefaults(plan, row, this.today());
    const answer = await sendTask(this.bus, c, code, 'AssignTask', this.override(plan, request, body));
    return { ...answer, notAssigned: fromDefaults(notAssigned, body) };
  }

  /** Creates (and assigns) a task the plan's appendix lacks. */
  @Policy('task.create')
  @Post()
  async create(@Body() body: CreateTaskDto, @CommandIn() c: CommandRequest) {
    const plan = await requirePlan(this.plans, c.planId);
    const row: PlanTask = {
      code: body.code,
      system: body.system as PlanTask['system'],
      area: body.area,
      text: body.text,
      window: body.window,
      lead: body.lead,
      leadRaw: body.lead.join('、'),
      leadOpenEnded: false,
      cooperating: body.cooperating ?? [],
      cooperatingRaw: (body.cooperating ?? []).join('、') || '/',
      cooperatingOpenEnded: false,
    };
    const window = parseTimeWindow(row.window);
    if (!window.ok)
      throw new BadRequestException({
        code: 'VALIDATION',
        message: `时间：${window.error.message}`,
        details: { fields: [{ field: 'window', reason: `时间：${window.error.message}` }] },
      });
    const { request } = assignmentDefaults(plan, row, this.today());
    return sendTask(this.bus, c, body.code, 'CreateTask', this.override(plan, request, body));
  }

  @Policy('task.reassign')
  @Post(':code/reassignment')
  async reassign(@Param('code') code: string, @Body() body: ReassignTaskDto, @CommandIn() c: CommandRequest) {
    const plan = await requirePlan(this.plans, c.planId);
    return sendTask(this.bus, c, code, 'ReassignTask', {
      lead: canonicalDepartments(plan, body.lead, 'lead'),
      cooperating: canonicalDepartments(plan, body.cooperating, 'cooperating'),
      acknowledgeBy: body.acknowledgeBy ?? acknowledgementDeadline(plan, this.today()),
      reason: body.reason,
    });
  }

  @Policy('task.cancel')
  @Post(':code/cancellation')
  cancel(@Param('code') code: string, @Body() body: ReasonDto, @CommandIn() c: CommandRequest) {
    return sendTask(this.bus, c, code, 'CancelTask', { reason: body.reason });
  }

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  private override(plan: Plan, defaults: AssignmentRequest, body: AssignTaskDto): AssignmentRequest {
    const lead = body.lead ? canonicalDepartments(plan, body.lead, 'lead') : defaults.lead;
    return {
      ...defaults,
      lead,
      cooperating: body.cooperating
        ? canonicalDepartments(plan, body.cooperating, 'cooperating')
        : defaults.cooperating,
      dueDate: body.dueDate ?? defaults.dueDate,
      milestones: body.milestones
        ? body.milestones.map((m, i) => milestonePlan(plan, m, `milestones[${i}].owner`))
        : defaults.milestones.map((m) => ({ ...m, owner: lead[0]! })),
      acknowledgeBy: body.acknowledgeBy ?? defaults.acknowledgeBy,
      ...(body.reporting ? { reporting: body.reporting } : {}),
    };
  }
}

/** The plan row's names left out of the departments the office did not name itself. */
function fromDefaults(notAssigned: readonly NotAssigned[], body: AssignTaskDto): readonly NotAssigned[] {
  return notAssigned.filter((n) => (n.role === 'lead' ? !body.lead : !body.cooperating));
}

export function milestonePlan(plan: Plan, m: MilestoneDto, field: string): MilestonePlan {
  return {
    milestoneId: m.milestoneId ?? `m-${randomUUID().slice(0, 8)}`,
    title: m.title,
    dueDate: m.dueDate,
    owner: canonicalDepartments(plan, [m.owner], field)[0]!,
  };
}
