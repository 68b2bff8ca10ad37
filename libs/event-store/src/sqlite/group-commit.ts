import type { ExpectedRevision } from '../event-store.port';
import type { PreparedEvent } from '../validate-append';

export interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expected: ExpectedRevision;
  resolve(result: { nextExpectedRevision: bigint; position: bigint }): void;
  reject(error: unknown): void;
}

/**
 * Collects appends and commits them in batches: every append that arrives while a batch
 * is waiting for (or running) its commit goes into the next single transaction, so one
 * fsync serves many callers. `commit` settles each pending append itself: one caller's
 * ConcurrencyError does not fail the others in its batch.
 */
export class GroupCommitQueue {
  private queue: PendingAppend[] = [];
  private scheduled = false;

  constructor(
    /** Commits a batch and returns how to settle each caller, to run once COMMIT succeeded. */
    private readonly commit: (batch: PendingAppend[]) => Array<() => void>,
    /** Upper bound on appends per transaction, to bound the time the event loop is held. */
    private readonly maxBatch: number,
    /**
     * Runs `settle` once the batch is durable, or `fail` if it cannot be made so. Default: at
     * once (SQLite synced inside COMMIT, or the mode does not sync).
     */
    private readonly whenDurable: (
      batch: PendingAppend[],
      settle: () => void,
      fail: (error: unknown) => void,
    ) => void = (_batch, settle) => settle(),
  ) {}

  enqueue(append: PendingAppend): void {
    this.queue.push(append);
    if (!this.scheduled) {
      this.scheduled = true;
      // setImmediate rather than a microtask: callers that await their previous append
      // resume first and join this batch instead of each forcing a commit of their own.
      setImmediate(() => this.drain());
    }
  }

  /** Commits everything queued now; used on close so that no accepted append is dropped. */
  drain(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
      this.queue = this.queue.length <= this.maxBatch ? [] : this.queue.slice(this.maxBatch);
      let settle: Array<() => void>;
      try {
        settle = this.commit(batch);
      } catch (error) {
        // The transaction rolled back as a whole: nobody in it was acknowledged.
        for (const append of batch) append.reject(error);
        continue;
      }
      this.whenDurable(
        batch,
        () => {
          for (const fn of settle) fn();
        },
        (error) => {
          for (const append of batch) append.reject(error);
        },
      );
    }
  }

  get size(): number {
    return this.queue.length;
  }
}
