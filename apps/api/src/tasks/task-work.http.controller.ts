import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '../actor/actor';
import {
  AddMilestoneDto,
  CompleteMilestoneDto,
  PeriodicReportDto,
  ProgressReportDto,
  ReasonDto,
} from './dto/task-command.dtos';
import { EvidenceFiles } from '../files/evidence-files';
import { milestonePlan } from './task-assignment.http.controller';
import { TaskCommandSender } from './task-command.sender';
import { Policy } from '../auth/policy.decorator';

/** 签收, 进展报送 and 里程碑: a department's work on a task it was given. */
@ApiTags('签收与办理')
@Controller('tasks/:code')
export class TaskWorkController {
  constructor(
    private readonly sender: TaskCommandSender,
    private readonly files: EvidenceFiles,
  ) {}

  /** 签收: the acting department acknowledges its part. */
  @Policy('task.acknowledge')
  @Post('acknowledgements')
  acknowledge(
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.sender.send(req, res, actor, code, 'AcknowledgeTask', {});
  }

  @Policy('task.report-progress')
  @Post('progress-reports')
  async progress(
    @Param('code') code: string,
    @Body() b: ProgressReportDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.sender.send(req, res, actor, code, 'ReportProgress', {
      percent: b.percent,
      text: b.text,
      difficulties: b.difficulties ?? '',
      nextSteps: b.nextSteps ?? '',
      ...(b.evidence ? { evidence: await this.files.resolve(actor, b.evidence) } : {}),
    });
  }

  /** Ongoing (持续开展) tasks report per period instead of completing. */
  @Policy('task.submit-periodic-report')
  @Post('periodic-reports')
  async periodic(
    @Param('code') code: string,
    @Body() b: PeriodicReportDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.sender.send(req, res, actor, code, 'SubmitPeriodicReport', {
      period: b.period,
      text: b.text,
      difficulties: b.difficulties ?? '',
      nextSteps: b.nextSteps ?? '',
      ...(b.evidence ? { evidence: await this.files.resolve(actor, b.evidence) } : {}),
    });
  }

  @Policy('task.complete-milestone')
  @Post('milestones/:milestoneId/completion')
  async complete(
    @Param('code') code: string,
    @Param('milestoneId') milestoneId: string,
    @Body() b: CompleteMilestoneDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.sender.send(req, res, actor, code, 'CompleteMilestone', {
      milestoneId,
      evidence: await this.files.resolve(actor, b.evidence),
      ...(b.note ? { note: b.note } : {}),
    });
  }

  @Policy('task.reopen-milestone')
  @Post('milestones/:milestoneId/reopening')
  reopen(
    @Param('code') code: string,
    @Param('milestoneId') milestoneId: string,
    @Body() b: ReasonDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.sender.send(req, res, actor, code, 'ReopenMilestone', { milestoneId, reason: b.reason });
  }

  @Policy('task.add-milestone')
  @Post('milestones')
  async add(
    @Param('code') code: string,
    @Body() b: AddMilestoneDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const plan = await this.sender.plan(req);
    return this.sender.send(req, res, actor, code, 'AddMilestone', {
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
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.sender.send(req, res, actor, code, 'RemoveMilestone', { milestoneId, reason: b.reason });
  }
}
