import { Logger } from '@nestjs/common';
import {
  canChangeReminderPlan,
  decodeTaskEvent,
  evolve,
  foldTask,
  initialTaskState,
  parseTaskStreamId,
  planDiff,
  planReminders,
  type PlannedReminder,
  type ReminderPolicy,
  type TaskState,
} from '@zw/domain';
import { decodeAllKnown, decodeKnown, type EventStore, type RecordedEvent, type Subscription } from '@zw/event-store';
import { IndicatorReminderPlanning, type PlanChange } from './indicators/indicator-reminders.planning';
import { PlanDefinitions } from './indicators/plan-definitions';
import { reminderJobId } from './scheduler/reminder-job.ids';
import type { ReminderJob, ReminderScheduler } from './scheduler/reminder-scheduler.port';
import { StateCache } from './state-cache';

export interface PlannerOptions {
  readonly policy: ReminderPolicy;
  /** Checkpoint name; undefined: replay the whole log on every start (the in-process scheduler keeps nothing). */
  readonly subscriberId?: string;
  /** Events read per page while catching up; scheduling is flushed once per page. */
  readonly pageSize?: number;
  /** Task states kept folded between events. */
  readonly cacheSize?: number;
}

/** A task's folded state with the reminders it calls for, so the next event's "before" plan costs nothing. */
interface PlannedState {
  readonly state: TaskState;
  readonly plan: readonly PlannedReminder[];
}

/** What planning needs of a scheduler: the reconciler hands it a collector instead. */
export type JobSink = Pick<ReminderScheduler, 'schedule' | 'cancel'>;

type Op =
  { readonly kind: 'schedule'; readonly job: ReminderJob } | { readonly kind: 'cancel'; readonly jobId: string };

/**
 * Turns the event log into scheduled reminders. For each task event it folds the state
 * before and after, asks the policy for both plans and schedules the difference: new
 * reminders (unless already past when the event happened) and cancellations of the ones the
 * event made moot. Plan imports and indicator events are planned the same way for 指标报送
 * (`IndicatorReminderPlanning`). Job ids are derived from the facts, so replaying an event —
 * after a crash before the checkpoint, or by a second worker — changes nothing.
 */
export class ReminderPlanner {
  private readonly logger = new Logger('ReminderPlanner');
  private readonly states: StateCache<PlannedState>;
  private readonly indicators: IndicatorReminderPlanning;
  private ops: Op[] = [];
  private subscription?: Subscription;
  private position?: bigint;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly scheduler: JobSink,
    private readonly options: PlannerOptions,
  ) {
    this.states = new StateCache(options.cacheSize);
    this.indicators = new IndicatorReminderPlanning(store, new PlanDefinitions(store), options.policy);
  }

  /** Catches up page by page (resolves once the log is read), then follows it live. */
  async start(): Promise<void> {
    const { subscriberId, pageSize = 1000 } = this.options;
    this.position = subscriberId ? await this.store.checkpoints.load(subscriberId) : undefined;
    let planned = 0;
    for (;;) {
      const page = await this.store.readAll(this.position, pageSize);
      for (const event of page) await this.handle(event);
      planned += this.ops.length;
      if (page.length > 0) await this.flush(page.at(-1)!.position);
      if (page.length < pageSize || this.stopped) break;
    }
    this.logger.log({ position: this.position?.toString() ?? null, operations: planned }, 'reminder planner caught up');
    this.follow();
  }

  private follow(): void {
    if (this.stopped) return;
    const subscription = this.store.subscribe(this.position, async (event) => {
      await this.handle(event);
      await this.flush(event.position);
    });
    this.subscription = subscription;
    subscription.done.catch((error: unknown) => {
      // Redis or the store went away: start again from the last flushed position; replays are harmless.
      this.logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'reminder planner stopped; resuming in 5 s',
      );
      setTimeout(() => this.follow(), 5000).unref();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
  }

  /** Planning of one event, queued until the next flush. Public for the benchmark. */
  async handle(event: RecordedEvent): Promise<void> {
    const changes = parseTaskStreamId(event.streamId)
      ? await this.taskChanges(event)
      : await this.indicators.changes(event);
    const happened = Date.parse(event.metadata.occurredAt);
    for (const { streamId, before, after } of changes) {
      const { schedule, cancel } = planDiff(before, after);
      for (const reminder of cancel) this.ops.push({ kind: 'cancel', jobId: reminderJobId(streamId, reminder) });
      for (const reminder of schedule) {
        // A reminder whose moment had passed when the facts arose is not sent late (e.g. a task assigned after its 30-day mark).
        if (Date.parse(reminder.fireAt) < happened) continue;
        this.ops.push({ kind: 'schedule', job: { jobId: reminderJobId(streamId, reminder), streamId, reminder } });
      }
    }
  }

  private async taskChanges(event: RecordedEvent): Promise<PlanChange[]> {
    const cached = this.states.at(event.streamId, event.revision - 1n);
    const decoded = decodeKnown(event, decodeTaskEvent);
    if (!decoded || !canChangeReminderPlan(decoded.type)) {
      // 进展报送, deliveries…: the plan stays as it was (reminder.triggers.ts). Keep the folded
      // state current so the next event needs no read; on a miss, that event reads the stream.
      if (cached)
        this.states.set(event.streamId, event.revision, {
          // An unknown type (a newer writer's) is skipped: the state and plan stay as they were.
          state: decoded ? evolve(cached.state, decoded) : cached.state,
          plan: cached.plan,
        });
      return [];
    }
    const before = cached ?? (await this.plannedBefore(event));
    const state = evolve(before.state, decoded);
    const after = { state, plan: planReminders(state, this.options.policy) };
    this.states.set(event.streamId, event.revision, after);
    return [{ streamId: event.streamId, before: before.plan, after: after.plan }];
  }

  /** Hands queued operations to the scheduler (the last one per job id wins), then stores the checkpoint. */
  async flush(position: bigint): Promise<void> {
    const last = new Map<string, Op>();
    for (const op of this.ops) {
      const id = op.kind === 'schedule' ? op.job.jobId : op.jobId;
      last.delete(id);
      last.set(id, op);
    }
    this.ops = [];
    const ops = [...last.values()];
    const cancel = ops.flatMap((op) => (op.kind === 'cancel' ? [op.jobId] : []));
    const schedule = ops.flatMap((op) => (op.kind === 'schedule' ? [op.job] : []));
    if (cancel.length > 0) await this.scheduler.cancel(cancel);
    if (schedule.length > 0) await this.scheduler.schedule(schedule);
    this.position = position;
    if (this.options.subscriberId) await this.store.checkpoints.store(this.options.subscriberId, position);
  }

  private async plannedBefore(event: RecordedEvent): Promise<PlannedState> {
    const earlier =
      event.revision === 0n
        ? []
        : (await this.store.readStream(event.streamId)).filter((e) => e.revision < event.revision);
    const state = earlier.length === 0 ? initialTaskState() : foldTask(decodeAllKnown(earlier, decodeTaskEvent));
    return { state, plan: planReminders(state, this.options.policy) };
  }
}
