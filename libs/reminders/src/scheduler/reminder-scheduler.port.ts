import type { PlannedReminder } from '@zw/domain';

/**
 * The one contract of both schedulers (in-process for the embedded default, BullMQ on Redis
 * in production); `testing/reminder-scheduler.contract.ts` runs the same suite against both.
 */
export interface ReminderJob {
  /** Deterministic (`reminderJobId`): scheduling the same reminder twice keeps one job. No ':' (BullMQ refuses it). */
  readonly jobId: string;
  readonly streamId: string;
  readonly reminder: PlannedReminder;
}

export interface JobRun {
  readonly job: ReminderJob;
  /** 1-based; a retry after a failure is the next attempt. */
  readonly attempt: number;
  /** True on the last attempt the scheduler will make. */
  readonly final: boolean;
}

/** Runs one job. Throwing fails the attempt (retried with backoff); `DeferDelivery` moves it without using an attempt. */
export type JobProcessor = (run: JobRun) => Promise<void>;

/** Thrown by a processor in quiet hours: run the job again at `until` (ISO instant), same attempt. */
export class DeferDelivery extends Error {
  override readonly name = 'DeferDelivery';
  constructor(readonly until: string) {
    super(`deferred until ${until}`);
  }
}

export interface FailedJob {
  readonly jobId: string;
  readonly streamId: string;
  readonly reminder: PlannedReminder;
  readonly attempts: number;
  readonly error: string;
}

export interface ReminderScheduler {
  /** Adds jobs not yet known; a job id already scheduled is left as it is. */
  schedule(jobs: readonly ReminderJob[]): Promise<void>;
  /** Removes jobs by id; unknown ids (already run or never scheduled) are ignored. */
  cancel(jobIds: readonly string[]): Promise<void>;
  /** Starts running due jobs; jobs that fell due while nothing ran are run now (catch-up). */
  start(processor: JobProcessor): Promise<void>;
  /**
   * Runs (or hands to the workers) every job due by the injected clock's now. Called on a
   * timer and at start; tests call it after moving a ManualClock instead of sleeping.
   */
  runDue(): Promise<void>;
  /** Jobs that used every attempt; they stay until retried or expired. */
  failed(): Promise<FailedJob[]>;
  /** Puts a failed job back to run now, for one more attempt (numbered on); false when there is no such failed job. */
  retry(jobId: string): Promise<boolean>;
  /** Jobs scheduled and not yet finished (waiting, delayed, running, retrying). */
  pending(): Promise<number>;
  /** Ids of the jobs waiting for their time or a free worker (not running, not failed): what reconciling may add to or drop. */
  waitingJobIds(): Promise<string[]>;
  /** Stops taking jobs, waits for running ones, closes every connection and timer. */
  close(): Promise<void>;
}

export const REMINDER_SCHEDULER = 'REMINDER_SCHEDULER';

/** Retries: `attempts` in all, the n-th retry after `backoffMs * 2^(n-1)` (exponential). */
export interface RetryPolicy {
  readonly attempts: number;
  readonly backoffMs: number;
}
