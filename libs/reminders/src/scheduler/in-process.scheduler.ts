import { Logger } from '@nestjs/common';
import type { Clock } from '@zw/clock';
import {
  DeferDelivery,
  type FailedJob,
  type JobProcessor,
  type ReminderJob,
  type ReminderScheduler,
  type RetryPolicy,
} from './reminder-scheduler.port';

interface Entry {
  job: ReminderJob;
  dueAt: number;
  attempt: number;
  state: 'waiting' | 'running' | 'failed';
  error?: string;
}

export interface InProcessSchedulerOptions {
  readonly clock: Clock;
  readonly retry: RetryPolicy;
  /** How often due jobs are looked for (ms on the injected clock; a ManualClock never ticks). */
  readonly tickMs: number;
  /** Jobs run at the same time. */
  readonly concurrency: number;
}

const JOB_ID = /^[A-Za-z0-9_.-]{1,200}$/;

/**
 * The embedded default's scheduler: jobs in memory, due times on the injected clock. It keeps
 * nothing on disk because the event store already holds everything needed to rebuild it:
 * on start the planner replays the log from the beginning (RemindersService), jobs already
 * delivered are dropped by the processor (the stream says so), and everything that fell due
 * while the process was down runs at once.
 */
export class InProcessScheduler implements ReminderScheduler {
  private readonly logger = new Logger('InProcessScheduler');
  private readonly jobs = new Map<string, Entry>();
  /** Ids that ran to completion: scheduling them again adds nothing (as BullMQ's kept completed jobs). */
  private readonly done = new Set<string>();
  private processor?: JobProcessor;
  private stopTicks?: () => void;
  private running?: Promise<void>;
  private closed = false;

  constructor(private readonly options: InProcessSchedulerOptions) {}

  async schedule(jobs: readonly ReminderJob[]): Promise<void> {
    for (const job of jobs) {
      if (!JOB_ID.test(job.jobId))
        throw new Error(`job id "${job.jobId}" must be letters, digits, '_', '.', '-' (no ':')`);
      if (this.jobs.has(job.jobId) || this.done.has(job.jobId)) continue;
      this.jobs.set(job.jobId, { job, dueAt: Date.parse(job.reminder.fireAt), attempt: 1, state: 'waiting' });
    }
  }

  async cancel(jobIds: readonly string[]): Promise<void> {
    // A running job finishes; its processor re-checks the task before sending anyway.
    for (const id of jobIds) if (this.jobs.get(id)?.state !== 'running') this.jobs.delete(id);
  }

  async start(processor: JobProcessor): Promise<void> {
    this.processor = processor;
    await this.runDue();
    this.stopTicks = this.options.clock.every(this.options.tickMs, () => {
      this.runDue().catch((e: unknown) => this.logger.error(e));
    });
  }

  /** One pass at a time: a pass started while another runs waits for it and then looks again. */
  async runDue(): Promise<void> {
    while (this.running) await this.running;
    if (this.closed || !this.processor) return;
    this.running = this.pass(this.processor).finally(() => (this.running = undefined));
    await this.running;
  }

  private async pass(processor: JobProcessor): Promise<void> {
    const now = this.options.clock.now().getTime();
    const due = [...this.jobs.values()]
      .filter((e) => e.state === 'waiting' && e.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt);
    const lanes = Array.from({ length: Math.max(1, this.options.concurrency) }, async () => {
      for (let entry = due.shift(); entry && !this.closed; entry = due.shift()) await this.runOne(entry, processor);
    });
    await Promise.all(lanes);
  }

  private async runOne(entry: Entry, processor: JobProcessor): Promise<void> {
    const { attempts, backoffMs } = this.options.retry;
    entry.state = 'running';
    try {
      await processor({ job: entry.job, attempt: entry.attempt, final: entry.attempt >= attempts });
      this.jobs.delete(entry.job.jobId);
      this.done.add(entry.job.jobId);
    } catch (error) {
      const now = this.options.clock.now().getTime();
      if (error instanceof DeferDelivery) {
        Object.assign(entry, { state: 'waiting', dueAt: Date.parse(error.until) });
      } else if (entry.attempt < attempts) {
        Object.assign(entry, {
          state: 'waiting',
          dueAt: now + backoffMs * 2 ** (entry.attempt - 1),
          attempt: entry.attempt + 1,
        });
      } else {
        Object.assign(entry, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
        this.logger.error(
          { jobId: entry.job.jobId, streamId: entry.job.streamId, key: entry.job.reminder.key, error: entry.error },
          'reminder job failed after every attempt',
        );
      }
    }
  }

  async failed(): Promise<FailedJob[]> {
    return [...this.jobs.values()]
      .filter((e) => e.state === 'failed')
      .map((e) => ({
        jobId: e.job.jobId,
        streamId: e.job.streamId,
        reminder: e.job.reminder,
        attempts: e.attempt,
        error: e.error ?? '',
      }));
  }

  async retry(jobId: string): Promise<boolean> {
    const entry = this.jobs.get(jobId);
    if (entry?.state !== 'failed') return false;
    // One more attempt, numbered on (as BullMQ's retry without resetting attemptsMade): failures stay distinct.
    Object.assign(entry, {
      state: 'waiting',
      attempt: entry.attempt + 1,
      dueAt: this.options.clock.now().getTime(),
      error: undefined,
    });
    return true;
  }

  async pending(): Promise<number> {
    return [...this.jobs.values()].filter((e) => e.state !== 'failed').length;
  }

  async waitingJobIds(): Promise<string[]> {
    return [...this.jobs.values()].filter((e) => e.state === 'waiting').map((e) => e.job.jobId);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopTicks?.();
    await this.running;
  }
}
