import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { testEvent } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';
import { WalCheckpointer, type CheckpointResult } from './wal-checkpointer';
import { WalSync } from './wal-sync';

const dir = mkdtempSync(join(tmpdir(), 'zw-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('WAL work off the event loop', () => {
  it('copies the WAL into the database file on its own thread', async () => {
    const file = join(dir, 'checkpoint.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('佐证材料'.repeat(200));
    const done = new Promise<CheckpointResult>((resolve, reject) => {
      const checkpointer = new WalCheckpointer(file, {
        everyPages: 100,
        onFailure: reject,
        onCheckpoint: (result) => void checkpointer.close().then(() => resolve(result)),
      });
      checkpointer.wrote(99);
      checkpointer.wrote(1);
    });
    const result = await done;
    expect(result.busy).toBe(0);
    expect(result.log).toBeGreaterThan(100);
    // Every frame copied: the next write may start the WAL over.
    expect(result.checkpointed).toBe(result.log);
    db.close();
  });

  it('hands checkpoints back to SQLite when its thread cannot work', async () => {
    // A folder is no database: the thread fails to open it.
    const failure = await new Promise<unknown>((resolve) => {
      new WalCheckpointer(dir, { everyPages: 1, onFailure: resolve }).wrote(1);
    });
    expect(failure).toMatchObject({ code: 'SQLITE_CANTOPEN' });
  });

  it('answers every caller of a sync, and fails for good once a sync failed', async () => {
    const file = join(dir, 'sync.db');
    const store = new SqliteEventStore({ filename: file });
    await store.append('s', [testEvent(0)], 'no_stream');
    const sync = new WalSync(`${file}-wal`);
    await expect(Promise.all([sync.sync(), sync.sync(), sync.sync()])).resolves.toHaveLength(3);
    expect(sync.failed).toBeUndefined();
    sync.close();
    // fdatasync on a closed descriptor fails (EBADF): that failure sticks.
    await expect(sync.sync()).rejects.toMatchObject({ code: 'EBADF' });
    await expect(sync.sync()).rejects.toMatchObject({ code: 'EBADF' });
    await store.close();
  });

  it('acknowledges appends in every durability mode, and the file reopens with all of them', async () => {
    for (const synchronous of ['FULL', 'EXTRA', 'NORMAL'] as const) {
      const file = join(dir, `mode-${synchronous}.db`);
      const store = new SqliteEventStore({ filename: file, synchronous });
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => store.append(`s-${i % 5}`, [testEvent(i)], 'any')),
      );
      expect(results).toHaveLength(50);
      await store.close();
      const reopened = new SqliteEventStore({ filename: file });
      expect(await reopened.readAll(0n, 1000)).toHaveLength(50);
      await reopened.close();
    }
  });
});
