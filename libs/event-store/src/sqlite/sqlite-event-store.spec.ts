import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcurrencyError } from '../event-store.errors';
import { collector, describeEventStoreContract, testEvent } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'zw-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(dir, `events-${++n}.db`);

describeEventStoreContract('SQLite (real file)', async () => new SqliteEventStore({ filename: freshFile() }));

describe('SqliteEventStore specifics', () => {
  it('group-commits concurrent appends and still settles each caller on its own', async () => {
    const store = new SqliteEventStore({ filename: freshFile() });
    await store.append('task-A-1', [testEvent(0)], 'no_stream');
    // One batch: 64 appends to distinct streams plus two that race on task-A-1.
    const results = await Promise.allSettled([
      ...Array.from({ length: 64 }, (_, i) => store.append(`task-X-${i}`, [testEvent(i)], 'no_stream')),
      store.append('task-A-1', [testEvent(1)], 0n),
      store.append('task-A-1', [testEvent(2)], 0n),
    ]);
    expect(results.slice(0, 65).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results[65]).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    expect((await store.readAll(0n, 1000)).length).toBe(66);
    await store.close();
  });

  it('lets a later append in the same batch see an earlier one of the same stream', async () => {
    const store = new SqliteEventStore({ filename: freshFile() });
    const [a, b] = await Promise.all([
      store.append('s', [testEvent(0)], 'no_stream'),
      store.append('s', [testEvent(1)], 0n),
    ]);
    expect([a.nextExpectedRevision, b.nextExpectedRevision]).toEqual([0n, 1n]);
    await store.close();
  });

  it('refuses a duplicate event id without affecting others', async () => {
    const store = new SqliteEventStore({ filename: freshFile() });
    const id = '3f1c8e2a-5b6d-4c7e-9f80-1a2b3c4d5e6f';
    await store.append('s1', [{ ...testEvent(0), id }], 'no_stream');
    await expect(store.append('s2', [{ ...testEvent(0), id }], 'no_stream')).rejects.toMatchObject({
      code: 'EVENT_STORE.INVALID_INPUT',
    });
    expect(await store.readStream('s2')).toEqual([]);
    await store.close();
  });

  it('keeps the log append-only in the database itself', async () => {
    const file = freshFile();
    const store = new SqliteEventStore({ filename: file });
    await store.append('s', [testEvent(0)], 'no_stream');
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file);
    expect(() => db.prepare("UPDATE events SET data = '{}'").run()).toThrow('append-only');
    expect(() => db.prepare('DELETE FROM events').run()).toThrow('append-only');
    expect(() =>
      db
        .prepare(
          "INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES ('x', 's', 0, 't', '{}', '{}', '')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('delivers to a live subscription what another process appended to the same file', async () => {
    const file = freshFile();
    const reader = new SqliteEventStore({ filename: file, pollIntervalMs: 20 });
    const writer = new SqliteEventStore({ filename: file });
    const seen = collector('shared');
    const sub = reader.subscribe(undefined, seen.handler);
    await writer.append('shared-1', [testEvent(0)], 'no_stream');
    await seen.waitFor(1);
    await sub.stop();
    await Promise.all([reader.close(), writer.close()]);
    expect(seen.events[0].streamId).toBe('shared-1');
  });

  it('commits appends still queued when it is closed', async () => {
    const file = freshFile();
    const store = new SqliteEventStore({ filename: file });
    const pending = store.append('late', [testEvent(0)], 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    const reopened = new SqliteEventStore({ filename: file });
    expect(await reopened.readStream('late')).toHaveLength(1);
    await reopened.close();
  });
});
