import * as fs from 'node:fs';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { SqliteEventStore, type EventStore } from '@zw/event-store';
import { canonical, PLAN, playRandom } from '../testing/history';
import { PROJECTION_VERSION, ProjectionRuntime, rebuildTaskRows } from './projection.runtime';
import { readSnapshot, writeSnapshot } from './snapshot.file';

const dir = mkdtempSync(join(tmpdir(), 'zw-snapshots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

interface Logged {
  message: string;
  fields?: Record<string, unknown>;
}

/** A store with C-5 assigned (m1 due 2024-06-30) and a snapshot of it written by a stopped runtime. */
async function snapshotted(): Promise<{ store: EventStore; file: string }> {
  n += 1;
  const store = new SqliteEventStore({ filename: join(dir, `events-${n}.db`), pollIntervalMs: 20 });
  const file = join(dir, `rows-${n}.snapshot`);
  const runtime = new ProjectionRuntime(store, { snapshotFile: file });
  await runtime.start();
  await playRandom(store, ['C-5'], [{ task: 0, kind: 0, pick: 0 }]);
  await caughtUp(runtime, store);
  await runtime.stop();
  expect(readSnapshot(file, 'zw.task-rows', PROJECTION_VERSION).status).toBe('ok');
  return { store, file };
}

async function caughtUp(runtime: ProjectionRuntime, store: EventStore): Promise<void> {
  const [last] = (await store.readAll(undefined, 1_000_000)).slice(-1);
  if (last) expect(await runtime.waitFor(last.position, 5000)).toBe(true);
}

/** Restarts on the file; returns what it logged and the runtime, caught up. */
async function restart(store: EventStore, file: string, extra: object = {}) {
  const logged: Logged[] = [];
  const runtime = new ProjectionRuntime(store, {
    snapshotFile: file,
    log: (message, fields) => logged.push({ message, ...(fields ? { fields } : {}) }),
    ...extra,
  });
  await runtime.start();
  await caughtUp(runtime, store);
  return { runtime, logged };
}

const m1Due = (runtime: ProjectionRuntime) => {
  const row = runtime.model.row(PLAN, 'C-5');
  return row && 'task' in row.state ? row.state.task.milestones.get('m1')?.dueDate : undefined;
};

describe('verified projection snapshots (real SQLite file, real snapshot file)', () => {
  it('given one bit flipped in a due date of the snapshot, then it is rejected with the reason, the rows are rebuilt from the log, and the next snapshot is right', async () => {
    const { store, file } = await snapshotted();
    const bytes = readFileSync(file);
    const at = bytes.indexOf('2024-06-30', 0, 'latin1');
    expect(at).toBeGreaterThan(0);
    bytes[at + 8] ^= 0x01; // '3' → '2': 2024-06-20, still a valid date
    writeFileSync(file, bytes);

    const { runtime, logged } = await restart(store, file);
    expect(logged).toContainEqual({
      message: 'projection snapshot rejected; rebuilding from the log',
      fields: { file, reason: 'checksum mismatch' },
    });
    expect(m1Due(runtime)).toBe('2024-06-30');
    expect(canonical(runtime.model.toSnapshot())).toEqual(canonical((await rebuildTaskRows(store)).toSnapshot()));
    await runtime.stop();
    const next = readSnapshot(file, 'zw.task-rows', PROJECTION_VERSION);
    expect(next.status === 'ok' && JSON.stringify(canonical(next.envelope.state))).toContain('2024-06-30');
    await store.close();
  });

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 100), /^truncated or padded: \d+ of \d+ bytes$/],
    ['empty (a crash of an older writer)', () => Buffer.alloc(0), /^empty file$/],
    [
      'unverified (written before checksums)',
      () => serialize({ format: 'zw.task-rows', version: PROJECTION_VERSION, state: {} }),
      /^no checksum header/,
    ],
  ])('given a snapshot %s, then it is rejected with its reason and rebuilt', async (_, damage, reason) => {
    const { store, file } = await snapshotted();
    writeFileSync(file, damage(readFileSync(file)));
    const { runtime, logged } = await restart(store, file);
    const rejected = logged.find((l) => l.message === 'projection snapshot rejected; rebuilding from the log');
    expect(String(rejected?.fields?.reason)).toMatch(reason);
    expect(m1Due(runtime)).toBe('2024-06-30');
    await runtime.stop();
    await store.close();
  });

  it('given a snapshot of another projection version, then it is rejected naming both versions', async () => {
    const { store, file } = await snapshotted();
    writeSnapshot(file, { format: 'zw.task-rows', version: PROJECTION_VERSION - 1, state: {} });
    const { runtime, logged } = await restart(store, file);
    expect(logged.map((l) => l.fields?.reason)).toContain(
      `version ${PROJECTION_VERSION - 1}, expected ${PROJECTION_VERSION}`,
    );
    expect(m1Due(runtime)).toBe('2024-06-30');
    await runtime.stop();
    await store.close();
  });

  it('removes temporary files a dead writer left at start, and keeps the one of a process still running', async () => {
    const { store, file } = await snapshotted();
    const stale = `${file}.4194301.deadbeef.tmp`;
    const live = `${file}.${process.ppid}.cafebabe.tmp`;
    writeFileSync(stale, '');
    writeFileSync(live, 'being written');
    const { runtime, logged } = await restart(store, file);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(logged).toContainEqual({
      message: 'removed temporary snapshot files left behind',
      fields: { removed: [stale.split('/').at(-1)] },
    });
    await runtime.stop();
    await store.close();
  });

  it('stores a snapshot on its interval while events came in (the clock ticks), none when nothing happened', async () => {
    const { store, file } = await snapshotted();
    let tick = () => undefined as void;
    const { runtime } = await restart(store, file, {
      snapshotEvery: 1_000_000,
      snapshotAfterMs: 60_000,
      every: (_ms: number, run: () => void) => ((tick = run), () => undefined),
    });
    const before = readFileSync(file);
    tick();
    await new Promise((r) => setImmediate(r));
    expect(readFileSync(file).equals(before)).toBe(true); // nothing folded since the restart
    await playRandom(store, ['A-6'], [{ task: 0, kind: 0, pick: 0 }]);
    await caughtUp(runtime, store);
    tick();
    for (let i = 0; i < 100 && readFileSync(file).equals(before); i++) await new Promise((r) => setTimeout(r, 10));
    const read = readSnapshot<{ rows: unknown }>(file, 'zw.task-rows', PROJECTION_VERSION);
    expect(read.status).toBe('ok');
    expect(JSON.stringify(canonical(read.status === 'ok' && read.envelope.state))).toContain('A-6');
    await runtime.stop();
    await store.close();
  });

  it('given the disk refuses the write (ENOSPC), then stop still succeeds, logs why, and leaves no temporary file', async () => {
    const { store, file } = await snapshotted();
    // A disk that takes the open but refuses the bytes, as a full one does.
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const fullDisk = {
      ...fs,
      writeSync: () => {
        throw full;
      },
    };
    const { runtime, logged } = await restart(store, file, { snapshotIo: fullDisk });
    await playRandom(store, ['A-6'], [{ task: 0, kind: 0, pick: 0 }]);
    await caughtUp(runtime, store);
    await expect(runtime.stop()).resolves.toBeUndefined();
    expect(logged.map((l) => l.message)).toContain(
      'projection snapshot not stored at stop; the next start replays more of the log',
    );
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp') && f.startsWith(file.split('/').at(-1)!))).toEqual([]);
    expect(readSnapshot(file, 'zw.task-rows', PROJECTION_VERSION).status).toBe('ok'); // the previous one stays
    await store.close();
  });
});
