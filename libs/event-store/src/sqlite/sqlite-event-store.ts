import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ConcurrencyError, InvalidAppendError } from '../event-store.errors';
import type {
  AppendResult,
  CheckpointStore,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
  Subscription,
} from '../event-store.port';
import { chainEvents } from '../hash-chain';
import { prepareAppend } from '../validate-append';
import { GroupCommitQueue, type PendingAppend } from './group-commit';
import { openSchema, type SynchronousMode } from './sqlite.schema';
import { prepareStatements, toRecorded, type Statements } from './sqlite.statements';
import { pollingSubscription } from '../polling-subscription';
import { WalDurability } from './wal-durability';

export interface SqliteEventStoreOptions {
  /** Database file, e.g. `${DATA_DIR}/events.db`; `:memory:` for throwaway stores. */
  readonly filename: string;
  /**
   * `FULL` (default): an acknowledged append survives power loss; the WAL is synced after COMMIT
   * on the thread pool, before callers are answered (wal-sync.ts). `EXTRA`: SQLite syncs inside
   * COMMIT itself, holding the event loop (the previous behaviour of `FULL`). `NORMAL`: no sync
   * per commit; an acknowledged append survives a killed process but not a power loss.
   */
  readonly synchronous?: SynchronousMode;
  /** Most appends one group commit may hold. Default 1000. */
  readonly maxBatch?: number;
  /** How often a live subscription looks for appends made by another process. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Source of `recordedAt`. Default: the system clock. */
  readonly now?: () => Date;
}

/** The embedded default: one SQLite file, WAL, durable group commits. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly sql: Statements;
  private readonly queue: GroupCommitQueue;
  private readonly appended = new EventEmitter();
  private readonly subscriptions = new Set<Subscription>();
  private readonly now: () => Date;
  private readonly pollIntervalMs: number;
  private closed = false;
  /** On a file: the WAL sync (in `FULL` mode) and checkpoints, off the event loop. */
  private readonly durability: WalDurability | undefined;
  /** Inserts one append's events; nested in the batch transaction it runs as a savepoint. */
  private readonly insertEvents: Database.Transaction<
    (append: PendingAppend, after: StreamHead, at: string) => InsertResult
  >;

  constructor(options: SqliteEventStoreOptions) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    const synchronous = options.synchronous ?? 'FULL';
    const syncsItself = synchronous === 'FULL' && options.filename !== ':memory:';
    openSchema(this.db, syncsItself ? 'NORMAL' : synchronous);
    this.sql = prepareStatements(this.db);
    if (options.filename !== ':memory:')
      this.durability = new WalDurability(this.db, options.filename, syncsItself, () => this.committedHead());
    this.now = options.now ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.appended.setMaxListeners(0);
    this.insertEvents = this.db.transaction((append: PendingAppend, after: StreamHead, at: string) => {
      let revision = after.revision ?? -1n;
      let position = 0n;
      const chained = chainEvents(append.events, after.hash);
      for (const e of chained.events) {
        revision += 1n;
        position = BigInt(
          this.sql.insert.run(e.id, append.streamId, revision, e.type, e.data, e.metadata, at).lastInsertRowid,
        );
      }
      return { revision, position, hash: chained.lastHash };
    });
    const commitBatch = this.db.transaction((batch: PendingAppend[]) => this.commitBatch(batch));
    this.queue = new GroupCommitQueue(
      (batch) => commitBatch.immediate(batch),
      options.maxBatch ?? 1000,
      (batch, settle, fail) => (this.durability ? this.durability.afterCommit(batch, settle, fail) : settle()),
    );
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      if (this.closed) throw new Error('SqliteEventStore is closed');
      if (this.durability?.failed !== undefined) throw this.durability.failed;
      const prepared = prepareAppend(streamId, events, expected);
      this.queue.enqueue({ streamId, events: prepared, expected, resolve, reject });
    });
  }

  async readStream(streamId: string, from = 0n): Promise<RecordedEvent[]> {
    if (typeof streamId !== 'string' || streamId === '')
      throw new InvalidAppendError('streamId', 'must be a non-empty string');
    return toRecorded(this.sql.readStream.all(streamId, from));
  }

  async readAll(fromPosition = 0n, limit = 1000): Promise<RecordedEvent[]> {
    return this.readPage(fromPosition, limit);
  }

  subscribe(fromPosition: bigint | undefined, handler: EventHandler): Subscription {
    const subscription = pollingSubscription(
      { readPage: (p, l) => this.readPage(p, l), waitForAppend: (p) => this.waitForAppend(p) },
      fromPosition,
      handler,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  readonly checkpoints: CheckpointStore = {
    load: async (subscriberId) => {
      const position = this.sql.loadCheckpoint.get(subscriberId) as number | undefined;
      return position === undefined ? undefined : BigInt(position);
    },
    store: async (subscriberId, position) => {
      this.sql.storeCheckpoint.run(subscriberId, position, this.now().toISOString());
    },
  };

  /** Position of the last durable event (0 when the log is empty). */
  headPosition(): bigint {
    return this.durability ? this.durability.visibleHead() : this.committedHead();
  }

  async ping(): Promise<void> {
    this.sql.head.get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.drain();
    await this.durability?.idle();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.appended.emit('append');
    await this.durability?.close();
    this.db.close();
  }

  private committedHead(): bigint {
    return BigInt((this.sql.head.get() as number | null) ?? 0);
  }

  private readPage(after: bigint, limit: number): RecordedEvent[] {
    if (typeof after !== 'bigint' || after < 0n)
      throw new InvalidAppendError('fromPosition', 'must be a non-negative bigint');
    if (!Number.isInteger(limit) || limit < 1) throw new InvalidAppendError('limit', 'must be a positive integer');
    // Subscribers (views, reminders, webhooks) act on what they read: only what is durable.
    return toRecorded(this.sql.readAll.all(after, this.headPosition(), limit));
  }

  private waitForAppend(after: bigint): Promise<void> {
    if (this.closed || this.headPosition() > after) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.appended.off('append', done);
        resolve();
      };
      // The timer catches appends committed by another process on the same file.
      const timer = setTimeout(done, this.pollIntervalMs);
      this.appended.once('append', done);
    });
  }

  /**
   * Runs inside one IMMEDIATE transaction. Returns the callers' outcomes without settling
   * them: the queue settles them only after COMMIT succeeded.
   */
  private commitBatch(batch: PendingAppend[]): Array<() => void> {
    const recordedAt = this.now().toISOString();
    const settle: Array<() => void> = [];
    const heads = new Map<string, StreamHead>();
    for (const append of batch) {
      const head = heads.get(append.streamId) ?? this.head(append.streamId);
      const conflict = checkExpected(append.streamId, append.expected, head.revision);
      if (conflict) {
        settle.push(() => append.reject(conflict));
        continue;
      }
      try {
        const { revision, position, hash } = this.insertEvents(append, head, recordedAt);
        heads.set(append.streamId, { revision, hash });
        settle.push(() => append.resolve({ nextExpectedRevision: revision, position }));
      } catch (error) {
        settle.push(() => append.reject(mapInsertError(error)));
      }
    }
    settle.push(() => this.appended.emit('append'));
    return settle;
  }

  private head(streamId: string): StreamHead {
    const row = this.sql.lastEvent.get(streamId) as [number, string | null] | undefined;
    return row ? { revision: BigInt(row[0]), hash: row[1] } : { revision: undefined, hash: null };
  }
}

/** The last event of a stream as an append continues from it. */
interface StreamHead {
  readonly revision: bigint | undefined;
  readonly hash: string | null;
}

interface InsertResult {
  readonly revision: bigint;
  readonly position: bigint;
  readonly hash: string | null;
}

function checkExpected(
  streamId: string,
  expected: ExpectedRevision,
  actual: bigint | undefined,
): ConcurrencyError | undefined {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === undefined) ||
    (expected === 'stream_exists' && actual !== undefined) ||
    (typeof expected === 'bigint' && actual === expected);
  return ok ? undefined : new ConcurrencyError(streamId, expected, actual);
}

function mapInsertError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' && String((error as Error).message).includes('events.id')) {
    return new InvalidAppendError('events[].id', 'an event with this id is already stored');
  }
  return error;
}
