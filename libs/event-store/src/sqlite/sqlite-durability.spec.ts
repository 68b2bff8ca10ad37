import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { appendThenKill, expectAcknowledgedAppendsKept } from '../testing/durability';
import { SqliteEventStore } from './sqlite-event-store';

const ACKS_BEFORE_KILL = 3000;

describe('SQLite durability under SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zw-durable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append, in order, and the file opens cleanly', async () => {
    const file = join(dir, 'events.db');
    const acked = await appendThenKill(file, ACKS_BEFORE_KILL);
    expect(acked.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const db = new Database(file, { readonly: false });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const store = new SqliteEventStore({ filename: file });
    await expectAcknowledgedAppendsKept(store, acked);
    await store.close();
  }, 60_000);
});
