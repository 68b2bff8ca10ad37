import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandIn, type CommandRequest } from '../commands/command-request';
import { sendTask } from '../commands/commands';
import {
  AddMilestoneDto,
  CompleteMilestoneDto,
  PeriodicReportDto,
  ProgressReportDto,
  ReasonDto,
} from './dto/task-command.dtos';
import { EvidenceFiles } from '../files/evidence-files';
import { requirePlan } from '../http/request-conventions';
import { PlanCatalogueCache } from '../plans/plan-catalogue.cache';
import { milestonePlan } from './task-assignment.http.controller';
import { Policy } from '../auth/policy.decorator';

/** 签收, 进展报送 and 里程碑: a department's work on a task it was given. */
@ApiTags('签收与办理')
@Controller('tasks/:code')
export class TaskWorkController {
  constructor(
    private readonly bus: CommandBus,
    private readonly plans: PlanCatalogueCache,
    private readonly files: EvidenceFiles,
  ) {}

  /** 签收: the acting department acknowledges its part. */
  @Policy('task.acknowledge')
  @Post('acknowledgements')
  acknowledge(@Param('code') code: string, @CommandIn() c: CommandRequest) {
    return sendTask(this.bus, c, code, 'AcknowledgeTask', {});
  }

  @Policy('task.report-progress')
  @Post('progress-reports')
  async progress(@Param('code') code: string, @Body() b: ProgressReportDto, @CommandIn() c: CommandRequest) {
    return sendTask(this.bus, c, code, 'ReportProgress', {
      percent: b.percent,
      text: b.text,
      difficulties: b.difficulties ?? '',
      nextSteps: b.nextSteps ?? '',
      ...(b.evidence ? { evidence: await this.files.resolve(c.actor, b.evidence) } : {}),
    });
  }

  /** Ongoing (持续开展) tasks report per period instead of completing. */
  @Policy('task.submit-periodic-report')
  @Post('periodic-reports')
  async periodic(@Param('code') code: string, @Body() b: PeriodicReportDto, @CommandIn() c: CommandRequest) {
    return sendTask(this.bus, c, code, 'SubmitPeriodicReport', {
      period: b.period,
      text: b.text,
      difficulties: b.difficulties ?? '',
      nextSteps: b.nextSteps ?? '',
      ...(b.evidence ? { evidence: await this.files.resolve(c.actor, b.evidence) } : {}),
    });
  }

  @Policy('task.complete-milestone')
  @Post('milestones/:milestoneId/completion')
  async complete(
    @Param('code') code: string,
    @Param('milestoneId') milestoneId: string,
    @Body() b: CompleteMilestoneDto,
    @CommandIn() c: CommandRequest,
  ) {
    return sendTask(this.bus, c, code, 'CompleteMilestone', {
      milestoneId,
      evidence: await this.files.resolve(c.actor, b.evidence),
      ...(b.note ? { note: b.note } : {}),
    });
  }

  @Policy('task.reopen-milestone')
  @Post('milestones/:milestoneId/reopening')
  reopen(
    @Param('code') code: string,
    @Param('milestoneId') milestoneId: string,
    @Body() b: ReasonDto,
    @CommandIn() c: CommandRequest,
  ) {
    return sendTask(this.bus, c, code, 'ReopenMilestone', { milestoneId, reason: b.reason });
  }

  @Policy('task.add-milestone')
  @Post('milestones')
  async add(@Param('code') code: string, @Body() b: AddMilestoneDto, @CommandIn() c: CommandRequest) {
    const plan = await requirePlan(this.plans, c.planId);
    return sendTask(this.bus, c, code, 'AddMilestone', {
      milestone: milestonePlan(plan, b.milestone, 'milestone.owner'),
      reason: b.reason,
    });
  }

  @Policy('task.remove-milestone')
  @Delete('milestones/:milestoneId')
  remove(
    @Param('code') code: string,
    @Param('milestoneId') milestoneId: string,
    @Body() b: ReasonDto,
    @CommandIn() c: CommandRequest,
  ) {
    return sendTask(this.bus, c, code, 'RemoveMilestone', { milestoneId, reason: b.reason });
  }
}
