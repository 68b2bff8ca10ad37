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
import { milestonePlan } from './task-assignment.http.controller';
import { TaskCommandSender } from './task-command.sender';
import { Policy } from '../auth/policy.decorator';

/** 签收, 进展报送 and 里程碑: a department's work on a task it was given. */
@ApiTags('签收与办理')
@Controller('tasks/:code')
export class TaskWorkController {
  constructor(private readonly sender: TaskCommandSender) {}

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
  progress(
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
    });
  }

  /** Ongoing (持续开展) tasks report per period instead of completing. */
  @Policy('task.submit-periodic-report')
  @Post('periodic-reports')
  periodic(
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
    });
  }

  @Policy('task.complete-milestone')
  @Post('milestones/:milestoneId/completion')
  complete(
    @Param('code') code: string,
    @Param('milestoneId') milestoneId: string,
    @Body() b: CompleteMilestoneDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const evidence = b.evidence.map((e) => ({
      title: e.title,
      ...(e.url ? { url: e.url } : {}),
      ...(e.documentRef ? { documentRef: e.documentRef } : {}),
      ...(e.sha256 ? { sha256: e.sha256.toLowerCase() } : {}),
    }));
    return this.sender.send(req, res, actor, code, 'CompleteMilestone', {
      milestoneId,
      evidence,
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
