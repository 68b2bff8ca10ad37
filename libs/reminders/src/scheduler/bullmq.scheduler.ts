import { Logger } from '@nestjs/common';
import { DelayedError, Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Clock } from '@zw/clock';
import { RedisOutageLog } from './redis-outage.log';
import {
  DeferDelivery,
  type FailedJob,
  type JobProcessor,
  type ReminderJob,
  type ReminderScheduler,
  type RetryPolicy,
} from './reminder-scheduler.port';

export interface BullMqSchedulerOptions {
  readonly redisUrl: string;
  /** Key prefix of every Redis key of the queue (`<prefix>:reminders:*`); tests use one per test. */
  readonly prefix: string;
  readonly clock: Clock;
  readonly retry: RetryPolicy;
  /** Jobs one worker runs at the same time. */
  readonly concurrency: number;
  /** BullMQ lock of a running job (ms); a killed worker's job is taken over after it expires. Default 30000. */
  readonly lockDurationMs?: number;
  /** How long completed jobs are kept (seconds), so a duplicate add in that time is refused by id. */
  readonly keepCompletedSeconds: number;
  /** How long failed jobs stay visible (seconds). */
  readonly keepFailedSeconds: number;
}

type JobData = ReminderJob & { readonly notBefore?: string };
const QUEUE = 'reminders';
const PAGE = 1000;

/** BullMQ measures delays in wall-clock ms of the Redis server; only delays cross this line. */
const wallClockMs = () => performance.timeOrigin + performance.now();

/**
 * Reminders on BullMQ in Redis: one delayed job per reminder, id = `reminderJobId` (so a
 * planner replaying events adds nothing twice), `attempts` + exponential `backoff` for
 * retries, failed jobs kept in the failed set for `keepFailedSeconds`. Several workers may
 * run it: BullMQ hands each job to one of them and the task stream's expected revision keeps
 * a delivery recorded once even if two ran it.
 */
export class BullMqScheduler implements ReminderScheduler {
  private readonly logger = new Logger('BullMqScheduler');
  private readonly connections: Redis[] = [];
  private readonly outage = new RedisOutageLog(this.logger);
  private readonly queue: Queue<JobData>;
  private worker?: Worker<JobData>;

  constructor(private readonly options: BullMqSchedulerOptions) {
    this.queue = new Queue<JobData>(QUEUE, { connection: this.connect(), prefix: options.prefix });
  }

  /** Own connections (closed in `close`); `maxRetriesPerRequest: null` is what BullMQ workers require. */
  private connect(): Redis {
    const connection = new Redis(this.options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    this.outage.watch(connection);
    this.connections.push(connection);
    return connection;
  }

  private jobOptions(job: ReminderJob): JobsOptions {
    const { retry, keepCompletedSeconds, keepFailedSeconds, clock } = this.options;
    return {
      jobId: job.jobId,
      delay: Math.max(0, Date.parse(job.reminder.fireAt) - clock.now().getTime()),
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.backoffMs },
      removeOnComplete: { age: keepCompletedSeconds },
      removeOnFail: { age: keepFailedSeconds },
    };
  }

  async schedule(jobs: readonly ReminderJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += PAGE) {
      await this.queue.addBulk(
        jobs.slice(i, i + PAGE).map((job) => ({ name: job.reminder.rule, data: job, opts: this.jobOptions(job) })),
      );
    }
  }

  async cancel(jobIds: readonly string[]): Promise<void> {
    await Promise.all(
      jobIds.map((id) =>
        // A locked (running) job is not removed: its processor re-checks the task before sending.
        this.queue
          .remove(id)
          .catch((error: unknown) => this.logger.warn({ jobId: id, error: String(error) }, 'reminder job not removed')),
      ),
    );
  }

  async start(processor: JobProcessor): Promise<void> {
    this.worker = new Worker<JobData>(QUEUE, (job, token) => this.process(job, token, processor), {
      connection: this.connect(),
      prefix: this.options.prefix,
      concurrency: this.options.concurrency,
      ...(this.options.lockDurationMs
        ? { lockDuration: this.options.lockDurationMs, stalledInterval: this.options.lockDurationMs }
        : {}),
    });
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        this.logger.error(
          {
            jobId: job.id,
            streamId: job.data.streamId,
            key: job.data.reminder.key,
            attempts: job.attemptsMade,
            error: error.message,
          },
          'reminder job failed after every attempt',
        );
      }
    });
    // The worker's own errors during an outage are the connection's: said once by the outage log.
    this.worker.on('error', (error) => this.outage.failed(error));
    await this.worker.waitUntilReady();
    await this.runDue();
  }

  private async process(job: Job<JobData>, token: string | undefined, processor: JobProcessor): Promise<void> {
    const attempt = job.attemptsMade + 1;
    try {
      await processor({ job: job.data, attempt, final: attempt >= (job.opts.attempts ?? 1) });
    } catch (error) {
      if (!(error instanceof DeferDelivery)) throw error;
      await job.updateData({ ...job.data, notBefore: error.until });
      await job.moveToDelayed(
        wallClockMs() + Math.max(0, Date.parse(error.until) - this.options.clock.now().getTime()),
        token,
      );
      throw new DelayedError();
    }
  }

  /**
   * Promotes delayed jobs that are due by the injected clock although Redis's wall clock says
   * not yet: after a restart with a clock that moved (CLOCK_START drills), and in tests with a
   * ManualClock. With the system clock this finds nothing BullMQ would not run by itself.
   * Retries waiting out their backoff are left alone.
   */
  async runDue(): Promise<void> {
    const now = this.options.clock.now().getTime();
    for (let start = 0; ; start += PAGE) {
      const page = await this.queue.getDelayed(start, start + PAGE - 1);
      const due = page.filter(
        (job) => job.attemptsMade === 0 && Date.parse(job.data.notBefore ?? job.data.reminder.fireAt) <= now,
      );
      // Another worker may promote the same job first: that is fine.
      await Promise.all(due.map((job) => job.promote().catch(() => undefined)));
      if (page.length < PAGE) return;
      start -= due.length;
    }
  }

  async failed(): Promise<FailedJob[]> {
    const jobs = await this.queue.getFailed(0, PAGE - 1);
    return jobs.map((job) => ({
      jobId: job.id ?? '',
      streamId: job.data.streamId,
      reminder: job.data.reminder,
      attempts: job.attemptsMade,
      error: job.failedReason,
    }));
  }

  async retry(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId);
    if (!job || (await job.getState()) !== 'failed') return false;
    await job.retry('failed');
    return true;
  }

  async pending(): Promise<number> {
    const counts = await this.queue.getJobCounts(
      'waiting',
      'delayed',
      'active',
      'prioritized',
      'paused',
      'waiting-children',
    );
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  async waitingJobIds(): Promise<string[]> {
    const ids: string[] = [];
    // Ids only (no job data), one state at a time so paging by range stays exact.
    for (const state of ['waiting', 'delayed', 'prioritized', 'paused'] as const) {
      for (let start = 0; ; start += PAGE) {
        const page = await this.queue.getRanges([state], start, start + PAGE - 1);
        ids.push(...page);
        if (page.length < PAGE) break;
      }
    }
    return ids;
  }

  private closing?: Promise<void>;

  /** Idempotent: a second close (a test's afterAll after the test closed it) reopens nothing. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.worker?.close();
      await this.queue.close();
      await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
    })();
    return this.closing;
  }
}
