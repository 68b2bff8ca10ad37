import {
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseIndicatorStreamId, parseTaskStreamId } from '@zw/domain';
import type { FailedJob, ReminderScheduler } from '@zw/reminders';
import { CurrentActor, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { OrganisationAccess } from '../organisations/organisation-access';

/** The scheduler whose failed jobs this process can see (null: none), made on first use. */
export const FAILED_REMINDERS = 'FAILED_REMINDERS';
export interface FailedRemindersSource {
  scheduler(): ReminderScheduler | null;
}

/** Reminder jobs that used every attempt (失败的催办), for the office to look at and retry. */
@ApiTags('催办')
@Controller('reminders/failed')
export class FailedRemindersController {
  constructor(
    @Inject(FAILED_REMINDERS) private readonly source: FailedRemindersSource,
    private readonly organisations: OrganisationAccess,
  ) {}

  /** Failed jobs with the task, rule, department and the last error. */
  @Policy('reminder.read')
  @Get()
  async list(@CurrentActor() actor: Actor) {
    return { jobs: (await this.reachable(actor)).map(view) };
  }

  /** Runs a failed job again now, for one more attempt (numbered on). */
  @Policy('reminder.retry')
  @Post(':jobId/retry')
  @HttpCode(202)
  async retry(@Param('jobId') jobId: string, @CurrentActor() actor: Actor) {
    // Another district's job is answered as one that did not fail.
    const ours = (await this.reachable(actor)).some((job) => job.jobId === jobId);
    if (!ours || !(await this.available().retry(jobId))) {
      throw new NotFoundException({
        code: 'REMINDER.NOT_FAILED',
        message: `没有失败的催办任务“${jobId}”`,
      });
    }
    return { jobId, retried: true };
  }

  /** Failed jobs of the plans in the caller's reach (a task's or an indicator's). */
  private async reachable(actor: Actor): Promise<FailedJob[]> {
    const jobs = await this.available().failed();
    const tree = await this.organisations.tree();
    return jobs.filter((job) => {
      const planId = parseTaskStreamId(job.streamId)?.planId ?? parseIndicatorStreamId(job.streamId)?.planId;
      return planId === undefined || this.organisations.reachesPlan(tree, actor, planId);
    });
  }

  private available(): ReminderScheduler {
    const scheduler = this.source.scheduler();
    if (scheduler) return scheduler;
    throw new ServiceUnavailableException({
      code: 'REMINDER.NO_SCHEDULER',
      message: '本进程不运行催办任务，且未配置 Redis',
    });
  }
}

function view(job: FailedJob) {
  const task = parseTaskStreamId(job.streamId);
  const { rule, department, dueDate, fireAt, target } = job.reminder;
  return {
    jobId: job.jobId,
    planId: task?.planId,
    taskCode: task?.code,
    rule,
    department,
    target,
    dueDate,
    fireAt,
    attempts: job.attempts,
    error: job.error,
  };
}
