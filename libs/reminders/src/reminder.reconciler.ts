import { Logger } from '@nestjs/common';
import { isReminderEvent, type ReminderPolicy } from '@zw/domain';
import type { EventStore, RecordedEvent } from '@zw/event-store';
import { ReminderPlanner, type JobSink } from './reminder.planner';
import type { ReminderJob, ReminderScheduler } from './scheduler/reminder-scheduler.port';

export interface ReconcilerOptions {
  readonly policy: ReminderPolicy;
  /** A job whose delivery failed on this attempt was given up: it is not owed any more. */
  readonly attempts: number;
  readonly pageSize?: number;
}

export interface Reconciliation {
  /** Jobs the log calls for and that are not yet settled. */
  readonly owed: number;
  readonly added: number;
  readonly dropped: number;
}

/** Planning into memory: the jobs the whole log calls for, as the live planner would leave them. */
class CollectedJobs implements JobSink {
  readonly jobs = new Map<string, ReminderJob>();
  async schedule(jobs: readonly ReminderJob[]): Promise<void> {
    for (const job of jobs) if (!this.jobs.has(job.jobId)) this.jobs.set(job.jobId, job);
  }
  async cancel(jobIds: readonly string[]): Promise<void> {
    for (const id of jobIds) this.jobs.delete(id);
  }
}

/** Per job id, what the streams record of its deliveries (the processor's correlation id is the job id). */
class Settlements {
  private readonly sent = new Map<string, Set<string>>();
  /** job id → delivery id → the last attempt that failed */
  private readonly failed = new Map<string, Map<string, number>>();
  constructor(private readonly attempts: number) {}

  see(event: RecordedEvent): void {
    if (!isReminderEvent(event)) return;
    const jobId = event.metadata.correlationId;
    const { deliveryId } = event.data;
    if (event.type === 'ReminderFailed') {
      const failures = this.failed.get(jobId) ?? new Map<string, number>();
      failures.set(deliveryId, Math.max(failures.get(deliveryId) ?? 0, event.data.attempt));
      this.failed.set(jobId, failures);
    } else {
      this.sent.set(jobId, (this.sent.get(jobId) ?? new Set()).add(deliveryId));
    }
  }

  /** Something recorded, and every failed route either sent later or given up after the last attempt. */
  settled(jobId: string): boolean {
    const sent = this.sent.get(jobId) ?? new Set<string>();
    const failures = this.failed.get(jobId);
    if (!failures) return sent.size > 0;
    return [...failures].every(([deliveryId, attempt]) => sent.has(deliveryId) || attempt >= this.attempts);
  }
}

/**
 * Redis holds a cache of the plan of reminders; the event log is the truth. The reconciler
 * replays the log into memory (the same planning as the live planner, no checkpoint), keeps
 * the jobs whose deliveries the streams do not record as settled, and makes the scheduler
 * match: adds the missing ones (deterministic ids: a job still there is left alone, BullMQ
 * refuses an id it completed) and drops waiting jobs the log no longer calls for. A Redis
 * flush or a lost AOF therefore loses nothing that is still owed.
 *
 * It only drops jobs that were already waiting before the replay began, so a job the live
 * planner adds meanwhile (from an event after the replay's end) is never taken away; a job
 * re-added although an event after the replay cancelled it is dropped by the processor's
 * re-check when it runs, and by the next reconciliation.
 */
export class ReminderReconciler {
  private readonly logger = new Logger('ReminderReconciler');
  private running?: Promise<Reconciliation>;

  constructor(
    private readonly store: EventStore,
    private readonly scheduler: ReminderScheduler,
    private readonly options: ReconcilerOptions,
  ) {}

  /** One at a time: a call while one runs gets that one's answer. */
  reconcile(): Promise<Reconciliation> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Resolves once no reconciliation runs (before the scheduler is closed). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<Reconciliation> {
    const before = new Set(await this.scheduler.waitingJobIds());
    const collected = new CollectedJobs();
    const settlements = new Settlements(this.options.attempts);
    const planner = new ReminderPlanner(this.store, collected, { policy: this.options.policy });
    const pageSize = this.options.pageSize ?? 1000;
    for (let position: bigint | undefined; ;) {
      const page = await this.store.readAll(position, pageSize);
      for (const event of page) {
        settlements.see(event);
        await planner.handle(event);
      }
      if (page.length === 0) break;
      position = page.at(-1)!.position;
      await planner.flush(position);
      if (page.length < pageSize) break;
    }
    const owed = [...collected.jobs.values()].filter((job) => !settlements.settled(job.jobId));
    const owedIds = new Set(owed.map((job) => job.jobId));
    const waiting = new Set(await this.scheduler.waitingJobIds());
    // `added` counts ids handed over: one running right now is refused by id and changes nothing.
    const add = owed.filter((job) => !waiting.has(job.jobId));
    const drop = [...waiting].filter((id) => before.has(id) && !owedIds.has(id));
    if (drop.length > 0) await this.scheduler.cancel(drop);
    if (add.length > 0) await this.scheduler.schedule(add);
    const result = { owed: owed.length, added: add.length, dropped: drop.length };
    if (add.length > 0 || drop.length > 0)
      this.logger.warn(result, 'reminders reconciled: the scheduler had drifted from the log');
    else this.logger.log(result, 'reminders reconciled: scheduler matches the log');
    return result;
  }
}
