import { Pool, type PoolClient } from 'pg';
import { InvalidAppendError } from '../event-store.errors';
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
import { pollingSubscription } from '../polling-subscription';
import { prepareAppend } from '../validate-append';
import { appendInTransaction, isTransient, mapAppendError, type AppendRequest } from './postgres.append';
import { Notifications } from './postgres.notifications';
import { COLUMNS, postgresCheckpoints, toRecorded } from './postgres.rows';
import { MAX_EVENTS_PER_TRANSACTION, migrate, POSITION_SHIFT } from './postgres.schema';

export interface PostgresEventStoreOptions {
  /** e.g. `postgres://zw:secret@db:5432/zero_waste` (DATABASE_URL). */
  readonly connectionString: string;
  /** Connections in the pool (one writes at a time, the others read). Default 10. */
  readonly poolSize?: number;
  /** Most appends one transaction may hold. Default 1000. */
  readonly maxBatch?: number;
  /** Fallback wake-up of live subscriptions when no notification arrives. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Source of `recordedAt`. Default: the system clock. */
  readonly now?: () => Date;
  /** Errors no caller awaits (an idle connection dropped, LISTEN lost). Default: a process warning. */
  readonly onError?: (error: unknown) => void;
}

interface Pending extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** A re-run after a race with another process re-reads the heads; more than this is a bug. */
const MAX_ATTEMPTS = 5;

/**
 * The scale-out adapter: one PostgreSQL database shared by every api and worker process.
 * Appends are group-committed (whatever arrives while a transaction runs goes into the next
 * one); reads of the global log stop below the oldest transaction still in flight, so no
 * reader ever skips an event that commits late (postgres.schema.ts explains the positions).
 */
export class PostgresEventStore implements EventStore {
  readonly checkpoints: CheckpointStore;
  private readonly pool: Pool;
  private readonly notifications: Notifications;
  private readonly subscriptions = new Set<Subscription>();
  private readonly now: () => Date;
  private readonly maxBatch: number;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private offset: Promise<bigint> | undefined;
  private closed = false;

  constructor(options: PostgresEventStoreOptions) {
    const onError = options.onError ?? ((error: unknown) => process.emitWarning(`event store: ${String(error)}`));
    this.pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    this.pool.on('error', onError);
    this.notifications = new Notifications(
      { connectionString: options.connectionString },
      options.pollIntervalMs ?? 500,
      onError,
    );
    this.now = options.now ?? (() => new Date());
    this.maxBatch = options.maxBatch ?? 1000;
    this.checkpoints = postgresCheckpoints(this.pool, () => this.xidOffset(), this.now);
  }

  /** Runs the migrations once per instance (retried after a failure, e.g. the database was down). */
  private xidOffset(): Promise<bigint> {
    this.offset ??= migrate(this.pool).catch((error: unknown) => {
      this.offset = undefined;
      throw error;
    });
    return this.offset;
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) throw new Error('PostgresEventStore is closed');
    const prepared = prepareAppend(streamId, events, expected);
    if (prepared.length > MAX_EVENTS_PER_TRANSACTION)
      throw new InvalidAppendError('events', `must hold at most ${MAX_EVENTS_PER_TRANSACTION} events`);
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events: prepared, expected, resolve, reject });
      // setImmediate: callers that awaited their previous append resume first and join this batch.
      this.flushing ??= new Promise<void>((r) => setImmediate(r)).then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      let events = 0;
      let n = 0;
      while (n < this.queue.length && n < this.maxBatch) {
        events += this.queue[n].events.length;
        if (events > MAX_EVENTS_PER_TRANSACTION) break;
        n++;
      }
      const batch = this.queue.splice(0, n);
      await this.commit(batch, 1);
    }
    this.flushing = undefined;
  }

  /**
   * One transaction for the batch. If it fails as a whole (a race with another process, or one
   * bad event), each append is retried alone so that only its own caller sees its failure.
   */
  private async commit(batch: Pending[], attempt: number): Promise<void> {
    try {
      const offset = await this.xidOffset();
      const recordedAt = this.now().toISOString();
      const outcomes = await this.transaction((client) => appendInTransaction(client, batch, recordedAt, offset));
      outcomes.forEach((outcome, i) =>
        outcome instanceof Error ? batch[i].reject(outcome) : batch[i].resolve(outcome),
      );
      this.notifications.wake();
    } catch (error) {
      if (batch.length > 1) {
        for (const append of batch) await this.commit([append], 1);
      } else if (isTransient(error) && attempt < MAX_ATTEMPTS) {
        await this.commit(batch, attempt + 1);
      } else {
        batch[0].reject(mapAppendError(error));
      }
    }
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      const broken = await client.query('ROLLBACK').then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      client.release(broken);
      throw error;
    }
  }

  async readStream(streamId: string, from = 0n): Promise<RecordedEvent[]> {
    if (typeof streamId !== 'string' || streamId === '')
      throw new InvalidAppendError('streamId', 'must be a non-empty string');
    await this.xidOffset();
    const { rows } = await this.pool.query<unknown[]>({
      text: `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND revision >= $2 ORDER BY events.revision`,
      values: [streamId, from.toString()],
      rowMode: 'array',
    });
    return rows.map(toRecorded);
  }

  async readAll(fromPosition = 0n, limit = 1000): Promise<RecordedEvent[]> {
    if (typeof fromPosition !== 'bigint' || fromPosition < 0n)
      throw new InvalidAppendError('fromPosition', 'must be a non-negative bigint');
    if (!Number.isInteger(limit) || limit < 1) throw new InvalidAppendError('limit', 'must be a positive integer');
    const offset = await this.xidOffset();
    // Only below the oldest transaction in flight: everything there has committed or never will.
    // The bound filters a page read in index order; in the page's WHERE clause the planner
    // cannot estimate it and would sort the whole range instead (every page reading the log).
    const { rows } = await this.pool.query<unknown[]>({
      text: `SELECT ${COLUMNS} FROM (SELECT * FROM events WHERE position > $1 ORDER BY position LIMIT $2) AS events
             WHERE position < ((pg_snapshot_xmin(pg_current_snapshot())::text::bigint + $3::bigint) << ${POSITION_SHIFT})
             ORDER BY events.position`,
      values: [fromPosition.toString(), limit, offset.toString()],
      rowMode: 'array',
    });
    return rows.map(toRecorded);
  }

  subscribe(fromPosition: bigint | undefined, handler: EventHandler): Subscription {
    if (this.closed) throw new Error('PostgresEventStore is closed');
    void this.notifications.ensureListening();
    let seen = this.notifications.current;
    const subscription = pollingSubscription(
      {
        readPage: (after, limit) => {
          seen = this.notifications.current;
          return this.readAll(after, limit);
        },
        waitForAppend: () => this.notifications.waitSince(seen),
      },
      fromPosition,
      handler,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    await this.xidOffset();
    await this.pool.query('SELECT 1');
  }

  /** Commits what was accepted, stops subscriptions, then closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flushing;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.notifications.close();
    await this.pool.end();
  }
}
