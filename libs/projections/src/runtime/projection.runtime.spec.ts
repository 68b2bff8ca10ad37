import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@zw/event-store';
import fc from 'fast-check';
import { canonical, ECO, metadataOf, PLAN, playRandom, STEP_KINDS, type Step } from '../testing/history';
import { ProjectionRuntime, rebuildTaskRows } from './projection.runtime';

const dir = mkdtempSync(join(tmpdir(), 'zw-projections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  n += 1;
  return { events: join(dir, `events-${n}.db`), snapshot: join(dir, `rows-${n}.snapshot`) };
};

const CODES = ['C-5', 'A-6', 'B-1'];
const steps = fc.array(fc.record({ task: fc.nat(CODES.length - 1), kind: fc.nat(STEP_KINDS - 1), pick: fc.nat(20) }), {
  minLength: 40,
  maxLength: 120,
});

async function caughtUp(runtime: ProjectionRuntime, store: EventStore): Promise<void> {
  const [last] = (await store.readAll(undefined, 1_000_000)).slice(-1);
  if (last) expect(await runtime.waitFor(last.position, 5000)).toBe(true);
}

describe('projection runtime over a real SQLite file', () => {
  it('live, incrementally built rows equal a rebuild from zero after a random history (with a restart from the snapshot midway)', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(steps, fc.nat(119), async (history: Step[], cut: number) => {
        const files = fresh();
        const store = new SqliteEventStore({ filename: files.events, pollIntervalMs: 20 });
        let runtime = new ProjectionRuntime(store, {
          snapshotFile: files.snapshot,
          snapshotEvery: 7,
          snapshotIntervalMs: 0,
        });
        await runtime.start();
        const first = history.slice(0, cut % history.length);
        await playRandom(store, CODES, first);
        await caughtUp(runtime, store);
        await runtime.stop(); // stores the snapshot and its checkpoint
        runtime = new ProjectionRuntime(store, {
          snapshotFile: files.snapshot,
          snapshotEvery: 7,
          snapshotIntervalMs: 0,
        });
        await runtime.start();
        await playRandom(store, CODES, history.slice(first.length), async (i) => {
          if (i % 5 === 0) await caughtUp(runtime, store); // sometimes follow live, sometimes lag behind
        });
        await caughtUp(runtime, store);
        const rebuilt = await rebuildTaskRows(store, 7);
        expect(canonical(runtime.model.toSnapshot())).toEqual(canonical(rebuilt.toSnapshot()));
        for (const e of await store.readAll(undefined, 1_000_000)) seen.add(e.type);
        await runtime.stop();
        await store.close();
      }),
      { numRuns: 25 },
    );
    // The histories must exercise the fold, not just assignments.
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });

  it('resumes from the stored snapshot and checkpoint without re-reading the log', async () => {
    const files = fresh();
    const store = new SqliteEventStore({ filename: files.events, pollIntervalMs: 20 });
    const runtime = new ProjectionRuntime(store, { snapshotFile: files.snapshot });
    await runtime.start();
    await playRandom(store, CODES, [
      { task: 0, kind: 0, pick: 0 },
      { task: 0, kind: 1, pick: 0 },
    ]);
    await caughtUp(runtime, store);
    await runtime.stop();
    const position = runtime.position!;
    expect(await store.checkpoints.load('projection-task-rows')).toBe(position);

    const resumed = new ProjectionRuntime(store, { snapshotFile: files.snapshot });
    const readAll = jest.spyOn(store, 'subscribe');
    await resumed.start();
    expect(readAll).toHaveBeenCalledWith(position, expect.any(Function));
    expect(resumed.model.row(PLAN, 'C-5')?.state.status).toBe('in_progress');
    await resumed.stop();
    await store.close();
  });

  it('discards a snapshot taken from another store and rebuilds', async () => {
    const a = fresh();
    const b = fresh();
    const storeA = new SqliteEventStore({ filename: a.events, pollIntervalMs: 20 });
    const runtimeA = new ProjectionRuntime(storeA, { snapshotFile: a.snapshot });
    await runtimeA.start();
    await playRandom(storeA, CODES, [{ task: 0, kind: 0, pick: 0 }]);
    await caughtUp(runtimeA, storeA);
    await runtimeA.stop();
    await storeA.close();

    const storeB = new SqliteEventStore({ filename: b.events, pollIntervalMs: 20 });
    await playRandom(storeB, CODES, [{ task: 1, kind: 0, pick: 0 }]);
    const log: string[] = [];
    const runtimeB = new ProjectionRuntime(storeB, { snapshotFile: a.snapshot, log: (m) => log.push(m) });
    await runtimeB.start();
    await caughtUp(runtimeB, storeB);
    expect(log).toContain('projection snapshot does not match the event store; rebuilding');
    expect(runtimeB.model.row(PLAN, 'C-5')).toBeUndefined();
    expect(runtimeB.model.row(PLAN, 'A-6')?.state.status).toBe('assigned');
    await runtimeB.stop();
    await storeB.close();
  });

  it('sets aside an event it cannot fold, leaves its row as it was, and keeps following the log', async () => {
    const files = fresh();
    const store = new SqliteEventStore({ filename: files.events, pollIntervalMs: 20 });
    const log: string[] = [];
    const runtime = new ProjectionRuntime(store, { snapshotFile: files.snapshot, log: (m) => log.push(m) });
    await runtime.start();
    await playRandom(store, CODES, [{ task: 0, kind: 0, pick: 0 }]);
    // A reassignment written by a broken writer: no milestoneTransfers, which the fold needs.
    await store.append(
      'task-lianyun-2022-2025.C-5',
      [
        {
          type: 'TaskReassigned',
          data: { lead: ['区教育局'], cooperating: [], added: ['区教育局'], removed: [] },
          metadata: metadataOf({ role: 'office' }, '2024-01-03T10:00:00+08:00'),
        },
      ],
      'any',
    );
    // The domain's own fold would refuse the stream now, so the next event is appended as is.
    await store.append(
      'task-lianyun-2022-2025.C-5',
      [
        {
          type: 'TaskAcknowledged',
          data: {
            department: ECO,
            role: 'lead',
            acknowledgeBy: '2024-01-05',
            acknowledgedAt: '2024-01-04T10:00:00+08:00',
            late: false,
          },
          metadata: metadataOf({ role: 'department', department: ECO }, '2024-01-04T10:00:00+08:00'),
        },
      ],
      'any',
    );
    await caughtUp(runtime, store);
    const row = runtime.model.row(PLAN, 'C-5')!;
    expect(row.state.status).toBe('in_progress'); // the acknowledgement after the bad event was folded
    expect('task' in row.state && [...row.state.task.parts.keys()]).toEqual(['连云生态环境局', '区城管局']);
    expect(runtime.health()).toMatchObject({
      skippedEvents: 1,
      lastSkipped: { type: 'TaskReassigned', streamId: 'task-lianyun-2022-2025.C-5' },
      subscriptionFailure: null,
    });
    expect(log).toContain('projection skipped an event it cannot fold');
    expect(canonical((await rebuildTaskRows(store)).toSnapshot())).toEqual(canonical(runtime.model.toSnapshot()));
    await runtime.stop();
    await store.close();
  });

  it('retries a failed subscription and says so in health() meanwhile', async () => {
    const store = new SqliteEventStore({ filename: fresh().events, pollIntervalMs: 20 });
    const log: string[] = [];
    const failed = Promise.reject(new Error('store went away'));
    failed.catch(() => undefined);
    jest.spyOn(store, 'subscribe').mockImplementationOnce(() => ({ stop: async () => undefined, done: failed }));
    const runtime = new ProjectionRuntime(store, { log: (m) => log.push(m) });
    await runtime.start();
    await Promise.resolve();
    expect(runtime.health().subscriptionFailure).toBe('store went away');
    expect(log).toContain('projection subscription failed; retrying');
    await playRandom(store, CODES, [{ task: 0, kind: 0, pick: 0 }]);
    await caughtUp(runtime, store); // the retry (after ~1 s) follows the log again
    expect(runtime.health().subscriptionFailure).toBeNull();
    expect(runtime.model.row(PLAN, 'C-5')?.state.status).toBe('assigned');
    await runtime.stop();
    await store.close();
  });

  it('waitFor answers false when the position is not reached in time (bounded read-your-writes)', async () => {
    const store = new SqliteEventStore({ filename: fresh().events, pollIntervalMs: 20 });
    const runtime = new ProjectionRuntime(store);
    await runtime.start();
    expect(await runtime.waitFor(10n, 50)).toBe(false);
    await runtime.stop();
    await store.close();
  });
});
