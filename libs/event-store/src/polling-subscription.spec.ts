import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { RecordedEvent } from './event-store.port';
import { pollingSubscription, type PollingSource } from './polling-subscription';

function event(position: bigint): RecordedEvent {
  return {
    id: `e${position}`,
    streamId: 'task-1',
    type: 'ProgressReported',
    revision: position - 1n,
    position,
    data: {},
    metadata: {},
    recordedAt: new Date(0).toISOString(),
  } as unknown as RecordedEvent;
}

/** A log in memory whose waits the test releases one by one. */
function source(): PollingSource & { append(): void; waits: number } {
  const log: RecordedEvent[] = [];
  let release: (() => void) | undefined;
  return {
    waits: 0,
    append() {
      log.push(event(BigInt(log.length + 1)));
      release?.();
    },
    readPage: (after, limit) => log.filter((e) => e.position > after).slice(0, limit),
    waitForAppend(this: { waits: number }) {
      this.waits++;
      return new Promise<void>((resolve) => (release = resolve));
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('pollingSubscription', () => {
  it('given events, hands them over in order, then waits and hands over the next commit', async () => {
    const log = source();
    log.append();
    log.append();
    const seen: bigint[] = [];
    const sub = pollingSubscription(
      log,
      undefined,
      (e) => void seen.push(e.position),
      () => undefined,
    );
    await settle();
    expect(seen).toEqual([1n, 2n]);
    log.append();
    await settle();
    expect(seen).toEqual([1n, 2n, 3n]);
    await sub.stop();
  });

  it('when stopped while waiting for a commit that never comes, ends at once and calls onStop', async () => {
    const log = source();
    const onStop = jest.fn();
    const sub = pollingSubscription(log, 5n, () => undefined, onStop);
    await settle();
    expect(log.waits).toBe(1);
    await sub.stop();
    await expect(sub.done).resolves.toBeUndefined();
    expect(onStop).toHaveBeenCalledTimes(1);
  });

  it('when stopped during a slow read, does not start another wait', async () => {
    let finishRead: (() => void) | undefined;
    const slow: PollingSource = {
      readPage: () => new Promise((resolve) => (finishRead = () => resolve([]))),
      waitForAppend: jest.fn(() => new Promise<void>(() => undefined)),
    };
    const sub = pollingSubscription(
      slow,
      undefined,
      () => undefined,
      () => undefined,
    );
    await settle();
    const stopping = sub.stop();
    finishRead!();
    await stopping;
    expect(slow.waitForAppend).not.toHaveBeenCalled();
  });

  // The old loop raced every wait against one stop promise that never settled; each race left a
  // reaction (and a settled promise) on it for the life of the subscription. Counted in a plain
  // Node process: `v8.queryObjects` does not see objects made inside Jest's sandbox.
  it('keeps nothing alive from its past waits', () => {
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', LEAK_PROBE], {
      cwd: join(__dirname, '../../..'),
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const { waits, before, after } = JSON.parse(run.stdout) as Record<string, number>;
    expect(waits).toBeGreaterThanOrEqual(2000);
    // One leak per wait would leave 2,000 or more behind.
    expect(after - before).toBeLessThan(100);
  });
});

/** 2,000 waits of a subscription on an in-memory log; prints the live promises before and after. */
const LEAK_PROBE = `
const { queryObjects } = require('node:v8');
const { pollingSubscription } = require('./libs/event-store/src/polling-subscription');
process.removeAllListeners('warning');
const log = []; let release; let waits = 0;
const source = {
  readPage: (after) => log.filter((e) => e.position > after),
  waitForAppend: () => (waits++, new Promise((resolve) => (release = resolve))),
};
const settle = () => new Promise((resolve) => setImmediate(resolve));
(async () => {
  const sub = pollingSubscription(source, undefined, () => undefined, () => undefined);
  await settle();
  const before = queryObjects(Promise, { format: 'count' });
  for (let i = 0; i < 2000; i++) { log.push({ position: BigInt(log.length + 1) }); release(); await settle(); }
  const after = queryObjects(Promise, { format: 'count' });
  await sub.stop();
  console.log(JSON.stringify({ waits, before, after }));
})();
`;
