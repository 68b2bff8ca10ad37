import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { testEvent } from '../testing/event-store.contract';
import { verifyChains } from './verify-chains';

/**
 * Flips one byte inside the stored text of an event, in the database file itself. A page can
 * also hold stale copies of old cell content (freed space is not zeroed), so each occurrence is
 * tried until the live row reads differently.
 */
function changeOneByteOfLiveRecord(file: string, marker: string, offset: number, replacement: string): void {
  const original = readFileSync(file);
  for (let at = original.indexOf(marker); at >= 0; at = original.indexOf(marker, at + 1)) {
    const bytes = Buffer.from(original);
    bytes[at + offset] = replacement.charCodeAt(0);
    writeFileSync(file, bytes);
    const db = new Database(file, { readonly: true });
    const changed = db
      .prepare('SELECT count(*) FROM events WHERE data LIKE ?')
      .pluck()
      .get(`%${marker.slice(0, offset)}${replacement}%`);
    db.close();
    if (changed === 1) return;
  }
  writeFileSync(file, original);
  throw new Error(`no live copy of ${marker} found`);
}

describe('verifyChains over a real SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zw-audit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function filled(file: string): Promise<void> {
    const store = new SqliteEventStore({ filename: file });
    for (const code of ['A-1', 'A-6', 'C-5']) {
      await store.append(
        `task-p.${code}`,
        [testEvent(0, { note: `${code} 签收` }), testEvent(1, { note: `${code} MARKER-${code}-1 进展` })],
        'no_stream',
      );
      await store.append(`task-p.${code}`, [testEvent(2, { note: `${code} 办结` })], 1n);
    }
    await store.close();
    // Fold the WAL into the main file so the bytes below are where a reader of the file finds them.
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }

  it('given an untouched store, verifies clean', async () => {
    const file = join(dir, 'clean.db');
    await filled(file);
    const store = new SqliteEventStore({ filename: file });
    expect(await verifyChains(store)).toEqual({ ok: true, streams: 3, events: 9 });
    await store.close();
  });

  it('given one byte of one event changed in the file, names that stream and revision', async () => {
    const file = join(dir, 'tampered.db');
    await filled(file);
    changeOneByteOfLiveRecord(file, 'MARKER-A-6-1', 'MARKER-A-6-'.length, '7');

    const store = new SqliteEventStore({ filename: file });
    const report = await verifyChains(store);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ streamId: 'task-p.A-6', revision: 1n, field: 'hash' });
    expect(report.firstBreak?.expected).not.toBe(report.firstBreak?.found);
    await store.close();
  });

  it('given a break outside `include`, checks and counts only the included streams', async () => {
    const file = join(dir, 'scoped.db');
    await filled(file);
    changeOneByteOfLiveRecord(file, 'MARKER-A-6-1', 'MARKER-A-6-'.length, '7');

    const store = new SqliteEventStore({ filename: file });
    expect(await verifyChains(store, (id) => id !== 'task-p.A-6')).toEqual({ ok: true, streams: 2, events: 6 });
    await store.close();
  });
});
