import { Client, Pool } from 'pg';
import { ConcurrencyError } from '../event-store.errors';
import type { AppendResult, NewEvent } from '../event-store.port';
import { collector, describeEventStoreContract, testEvent } from '../testing/event-store.contract';
import { describeLateCommitContract } from '../testing/late-commit.contract';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '../testing/postgres-databases';
import { prepareAppend } from '../validate-append';
import { PostgresEventStore } from './postgres-event-store';
import { appendInTransaction } from './postgres.append';
import { migrate } from './postgres.schema';

/** The run's database (scripts/test.mjs); shared by the contract tests, each on streams of its own. */
const url = testPostgresUrl();
const open = async () => new PostgresEventStore({ connectionString: url!, pollIntervalMs: 50 });

/** Starts an append with the adapter's own transaction code on a connection of its own, stops before COMMIT. */
async function hold(streamId: string, events: NewEvent[]) {
  const pool = new Pool({ connectionString: url!, max: 1 });
  const offset = await migrate(pool);
  await pool.end();
  const client = new Client({ connectionString: url! });
  await client.connect();
  await client.query('BEGIN');
  const [outcome] = await appendInTransaction(
    client,
    [{ streamId, events: prepareAppend(streamId, events, 'no_stream'), expected: 'no_stream' }],
    new Date().toISOString(),
    offset,
  );
  return {
    async commit() {
      await client.query('COMMIT');
      await client.end();
      return outcome as AppendResult;
    },
  };
}

/** Polls `check` until it holds; fails naming `what` after a generous minute (only a failing test waits). */
async function eventually(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** True once a backend of the database has run LISTEN and sits idle: the store's notification connection is in place. */
async function listening(databaseUrl: string): Promise<boolean> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  const { rowCount } = await admin.query(
    "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND state = 'idle'",
  );
  await admin.end();
  return (rowCount ?? 0) > 0;
}

(url ? describe : describe.skip)('PostgreSQL event store (real server)', () => {
  describeEventStoreContract('PostgreSQL', open);
  describeLateCommitContract('PostgreSQL', open, hold);

  describe('PostgresEventStore specifics', () => {
    let db: TestDatabase;
    const stores: PostgresEventStore[] = [];
    const fresh = (options: { pollIntervalMs?: number } = {}) => {
      const store = new PostgresEventStore({ connectionString: db.url, pollIntervalMs: 50, ...options });
      stores.push(store);
      return store;
    };
    beforeEach(async () => (db = await createTestDatabase()));
    afterEach(async () => {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      await db.drop();
    });

    it('given several processes opening a new database at once, migrates it exactly once', async () => {
      const [a, b, c] = [fresh(), fresh(), fresh()];
      await Promise.all([a.ping(), b.ping(), c.ping()]);
      await a.append('s', [testEvent(0)], 'no_stream');
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('SELECT version FROM event_store_schema');
      await client.end();
      expect(rows).toEqual([{ version: 1 }]);
      expect(await c.readStream('s')).toHaveLength(1);
    });

    it('group-commits concurrent appends and still settles each caller on its own', async () => {
      const store = fresh();
      await store.append('task-A-1', [testEvent(0)], 'no_stream');
      const results = await Promise.allSettled([
        ...Array.from({ length: 64 }, (_, i) => store.append(`task-X-${i}`, [testEvent(i)], 'no_stream')),
        store.append('task-A-1', [testEvent(1)], 0n),
        store.append('task-A-1', [testEvent(2)], 0n),
      ]);
      expect(results.slice(0, 65).every((r) => r.status === 'fulfilled')).toBe(true);
      expect(results[65]).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
      expect((await store.readAll(0n, 1000)).length).toBe(66);
    });

    it('given two processes racing on one stream with the same expected revision, exactly one wins', async () => {
      const [a, b] = [fresh(), fresh()];
      await a.append('shared', [testEvent(0)], 'no_stream');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append('shared', [testEvent(i + 1)], 0n)),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(lost.every((o) => o.reason instanceof ConcurrencyError && o.reason.actual === 1n)).toBe(true);
      expect((await a.readStream('shared')).map((e) => e.revision)).toEqual([0n, 1n]);
    });

    it('refuses a duplicate event id without affecting the other appends of its batch', async () => {
      const store = fresh();
      const id = '3f1c8e2a-5b6d-4c7e-9f80-1a2b3c4d5e6f';
      await store.append('s1', [{ ...testEvent(0), id }], 'no_stream');
      const [dup, other] = await Promise.allSettled([
        store.append('s2', [{ ...testEvent(0), id }], 'no_stream'),
        store.append('s3', [testEvent(0)], 'no_stream'),
      ]);
      expect(dup).toMatchObject({ status: 'rejected', reason: { code: 'EVENT_STORE.INVALID_INPUT' } });
      expect(other.status).toBe('fulfilled');
      expect(await store.readStream('s2')).toEqual([]);
    });

    it('keeps the log append-only in the database itself', async () => {
      await fresh().append('s', [testEvent(0)], 'no_stream');
      const client = new Client({ connectionString: db.url });
      await client.connect();
      for (const sql of ["UPDATE events SET type = 'x'", 'DELETE FROM events', 'TRUNCATE events']) {
        await expect(client.query(sql)).rejects.toThrow('append-only');
      }
      await expect(
        client.query(
          `INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at)
           VALUES (1, gen_random_uuid(), 's', 0, 't', '{}', '{}', now())`,
        ),
      ).rejects.toThrow(/events_stream_revision/);
      await client.end();
    });

    it('wakes a live subscriber through LISTEN/NOTIFY when another process appends', async () => {
      // A poll interval far longer than the test: only the notification can deliver in time.
      const reader = fresh({ pollIntervalMs: 600_000 });
      const writer = fresh();
      const seen = collector('notified');
      const sub = reader.subscribe(undefined, seen.handler);
      await eventually('LISTEN in place', () => listening(db.url));
      await writer.append('notified-1', [testEvent(0)], 'no_stream');
      await seen.waitFor(1);
      await sub.stop();
      expect(seen.events[0].streamId).toBe('notified-1');
    });

    it('keeps delivering when its LISTEN connection is killed (polling until LISTEN is back)', async () => {
      const errors: unknown[] = [];
      const reader = new PostgresEventStore({
        connectionString: db.url,
        pollIntervalMs: 50,
        onError: (e) => errors.push(e),
      });
      stores.push(reader);
      const writer = fresh();
      const seen = collector('polled');
      const sub = reader.subscribe(undefined, seen.handler);
      await writer.append('polled-1', [testEvent(0)], 'no_stream');
      await seen.waitFor(1);
      // Polling may deliver before LISTEN is in place: kill the connection once it is there.
      await eventually('LISTEN in place', () => listening(db.url));
      const admin = new Client({ connectionString: db.url });
      await admin.connect();
      const killed = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
      );
      await admin.end();
      expect(killed.rowCount).toBeGreaterThanOrEqual(1);
      await writer.append('polled-2', [testEvent(1)], 'no_stream');
      await seen.waitFor(2);
      // The connection's error may reach the reader after polling delivered: wait for it, not for time.
      await eventually('the killed LISTEN connection reported', () => errors.length >= 1);
      await sub.stop();
      expect(seen.events.map((e) => e.streamId)).toEqual(['polled-1', 'polled-2']);
    });

    it('given a log restored ahead of the database transaction ids, keeps new positions above it', async () => {
      await fresh().ping();
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const ahead = (1n << 50n) + 5n;
      await client.query(
        `INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at)
         VALUES ($1, gen_random_uuid(), 'restored', 0, 'T', '{}', '{}', now())`,
        [ahead.toString()],
      );
      await client.end();
      const store = fresh();
      const { position } = await store.append('new', [testEvent(0)], 'no_stream');
      expect(position).toBeGreaterThan(ahead);
      expect((await store.readAll(0n, 10)).map((e) => e.streamId)).toEqual(['restored', 'new']);
    });
  });
});
