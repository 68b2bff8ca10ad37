import type { EventStore, RecordedEvent, Subscription } from '@zw/event-store';
import { TaskRowsModel, type LastEvent, type TaskRowsSnapshot } from '../rows/task-rows.model';
import { readSnapshot, writeSnapshot } from './snapshot.file';

/** Bump when TaskRow or its fold changes: an old snapshot is then ignored and the model rebuilt. */
export const PROJECTION_VERSION = 6;
const FORMAT = 'zw.task-rows';
export const PROJECTION_SUBSCRIBER_ID = 'projection-task-rows';

export interface ProjectionRuntimeOptions {
  /** Where the model and its position are stored; absent: memory only (rebuilt on every start). */
  readonly snapshotFile?: string;
  /**
   * Store a snapshot after this many events (default 5000) but not more often than every
   * `snapshotIntervalMs` (default 30 s: a catch-up over a million events writes one, not two
   * hundred; each write holds the event loop while it serialises), and when stopping.
   */
  readonly snapshotEvery?: number;
  readonly snapshotIntervalMs?: number;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

interface Waiter {
  readonly position: bigint;
  readonly resolve: (caughtUp: boolean) => void;
}

/**
 * Keeps the task rows up to date from the global log: resumes from the stored snapshot,
 * catches up, then follows live appends through the store's subscription. A stored
 * snapshot that does not match the store (another database, a newer model) is discarded.
 */
export class ProjectionRuntime {
  private subscription: Subscription | undefined;
  private waiters: Waiter[] = [];
  private sinceSnapshot = 0;
  private stopped = true;
  private snapshotAt = 0;
  private failure: string | undefined;
  private retries = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  model = new TaskRowsModel();

  constructor(
    private readonly store: EventStore,
    private readonly options: ProjectionRuntimeOptions = {},
  ) {}

  get position(): bigint | undefined {
    return this.model.position;
  }

  async start(): Promise<void> {
    this.model = await this.restore();
    this.stopped = false;
    this.follow();
  }

  /**
   * Subscribes after the model's position. If the subscription fails (the store went away), it
   * is retried with a growing pause, from the last folded event: views serve what they have
   * meanwhile, and `health()` says why they are not moving.
   */
  private follow(): void {
    const subscription = this.store.subscribe(this.model.position, (event) => this.handle(event));
    this.subscription = subscription;
    subscription.done.then(
      () => undefined,
      (error: unknown) => {
        if (this.stopped) return;
        this.failure = error instanceof Error ? error.message : String(error);
        this.retries += 1;
        const pause = Math.min(30_000, 500 * 2 ** Math.min(this.retries, 6));
        this.options.log?.('projection subscription failed; retrying', { error: this.failure, retryInMs: pause });
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          if (this.stopped) return;
          // Cleared optimistically: a store still down fails the new subscription again at once.
          this.failure = undefined;
          this.follow();
        }, pause);
        this.retryTimer.unref?.();
      },
    );
  }

  /** What an operator needs to know: how far the model is, what it could not fold, whether it follows the log. */
  health() {
    return {
      position: this.position?.toString() ?? null,
      tasks: this.model.size,
      skippedEvents: this.model.skippedCount,
      lastSkipped: this.model.skipped.at(-1) ?? null,
      subscriptionFailure: this.failure ?? null,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.subscription?.stop();
    this.subscription = undefined;
    await this.snapshot();
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters = [];
  }

  /** Resolves true once the model has folded `position`; false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if ((this.position ?? -1n) >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve: (caughtUp) => {
          clearTimeout(timer);
          resolve(caughtUp);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Stores the model and its position (atomically), then records the checkpoint in the store. */
  async snapshot(): Promise<void> {
    const { snapshotFile } = this.options;
    if (!snapshotFile || this.sinceSnapshot === 0) return;
    saveTaskRows(snapshotFile, this.model);
    this.sinceSnapshot = 0;
    this.snapshotAt = performance.now();
    if (this.model.position !== undefined)
      await this.store.checkpoints.store(PROJECTION_SUBSCRIBER_ID, this.model.position);
  }

  private handle(event: RecordedEvent): Promise<void> | void {
    const skippedBefore = this.model.skippedCount;
    this.model.apply(event);
    this.failure = undefined;
    this.retries = 0;
    if (this.model.skippedCount !== skippedBefore) {
      this.options.log?.('projection skipped an event it cannot fold', {
        ...this.model.skipped.at(-1),
        position: event.position.toString(),
      });
    }
    this.sinceSnapshot += 1;
    if (this.waiters.length > 0) this.release(event.position);
    if (
      this.sinceSnapshot >= (this.options.snapshotEvery ?? 5000) &&
      performance.now() - this.snapshotAt >= (this.options.snapshotIntervalMs ?? 30_000)
    ) {
      return this.snapshot();
    }
  }

  private release(position: bigint): void {
    const ready = this.waiters.filter((w) => w.position <= position);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.position > position);
    for (const waiter of ready) waiter.resolve(true);
  }

  private async restore(): Promise<TaskRowsModel> {
    const file = this.options.snapshotFile;
    const stored = file ? readSnapshot<TaskRowsSnapshot>(file, FORMAT, PROJECTION_VERSION) : undefined;
    if (!stored) return new TaskRowsModel();
    if (!(await this.matchesStore(stored.state.last))) {
      this.options.log?.('projection snapshot does not match the event store; rebuilding', { file });
      return new TaskRowsModel();
    }
    return TaskRowsModel.fromSnapshot(stored.state);
  }

  /** The snapshot's last event must be in this store, with the same id, at the same position. */
  private async matchesStore(last: LastEvent | undefined): Promise<boolean> {
    if (!last) return true;
    const [event] = await this.store.readStream(last.streamId, last.revision);
    return event !== undefined && event.id === last.id && event.position === last.position;
  }
}

/** Stores a model as the runtime's snapshot (the rebuild command writes the same file the api resumes from). */
export function saveTaskRows(file: string, model: TaskRowsModel): void {
  writeSnapshot(file, { format: FORMAT, version: PROJECTION_VERSION, state: model.toSnapshot() });
}

/**
 * Folds the whole log from the beginning, page by page: what `npm run projections:rebuild` does.
 * Pages of 1000 measured ~10% faster than 5000 (and 35% faster than 20000) on a 213k-event history: a page short-lived
 * enough to die young is collected by the cheap scavenger, not promoted.
 */
export async function rebuildTaskRows(store: EventStore, pageSize = 1000): Promise<TaskRowsModel> {
  const model = new TaskRowsModel();
  for (;;) {
    const page = await store.readAll(model.position, pageSize);
    for (const event of page) model.apply(event);
    if (page.length < pageSize) return model;
  }
}
