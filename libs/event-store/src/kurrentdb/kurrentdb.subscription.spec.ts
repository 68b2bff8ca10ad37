import { PassThrough } from 'node:stream';
import type { RecordedEvent } from '../event-store.port';
import type { ClientResolvedLike } from './kurrentdb.mapping';
import { kurrentDbSubscription, type ResolvedEventSource } from './kurrentdb.subscription';

/** A stand-in for the client's AllStreamSubscription: an object-mode Readable plus unsubscribe(). */
function fakeSource() {
  const stream = new PassThrough({ objectMode: true, highWaterMark: 2 });
  const unsubscribe = jest.fn(async () => undefined);
  const source = Object.assign(stream, { unsubscribe }) as PassThrough & ResolvedEventSource;
  return { source, unsubscribe };
}

function resolved(position: bigint, streamId = 'case-1', type = 'CaseOpened'): ClientResolvedLike {
  return {
    event: {
      streamId,
      type,
      id: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
      revision: position,
      created: new Date(0),
      data: { n: Number(position) },
      metadata: {},
      position: { commit: position, prepare: position },
    },
    commitPosition: position,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('kurrentDbSubscription', () => {
  it('awaits the handler before the next event and skips events at or before the start', async () => {
    const { source } = fakeSource();
    const seen: bigint[] = [];
    let busy = false;
    let overlapped = false;
    const sub = kurrentDbSubscription(
      source,
      20n,
      async (e) => {
        overlapped ||= busy;
        busy = true;
        await tick();
        seen.push(e.position);
        busy = false;
      },
      () => undefined,
    );
    // 20 is the checkpoint itself (an inclusive server start would resend it); 10 is older.
    for (const p of [10n, 20n, 30n, 40n, 50n]) source.write(resolved(p));
    source.write(resolved(45n, '$stats', '$statsCollected'));
    source.write(resolved(60n, 'zw-checkpoint-x', '$zw.checkpoint'));
    source.write(resolved(70n));
    while (seen.length < 4) await tick();
    await sub.stop();
    await expect(sub.done).resolves.toBeUndefined();
    expect(seen).toEqual([30n, 40n, 50n, 70n]);
    expect(overlapped).toBe(false);
  });

  it('stop() while waiting for a live event resolves done and cancels the call', async () => {
    const { source, unsubscribe } = fakeSource();
    const onStop = jest.fn();
    const sub = kurrentDbSubscription(source, undefined, () => undefined, onStop);
    await tick();
    await sub.stop();
    await expect(sub.done).resolves.toBeUndefined();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(source.destroyed).toBe(true);
  });

  it('stop() during a handler waits for it and delivers nothing more', async () => {
    const { source } = fakeSource();
    const seen: bigint[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sub = kurrentDbSubscription(
      source,
      undefined,
      async (e: RecordedEvent) => {
        seen.push(e.position);
        await gate;
      },
      () => undefined,
    );
    source.write(resolved(1n));
    source.write(resolved(2n));
    while (seen.length < 1) await tick();
    let stopped = false;
    const stopping = sub.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(seen).toEqual([1n]);
  });

  it('rejects done and cancels the call when the handler throws', async () => {
    const { source, unsubscribe } = fakeSource();
    const sub = kurrentDbSubscription(
      source,
      undefined,
      () => {
        throw new Error('projection failed');
      },
      () => undefined,
    );
    source.write(resolved(1n));
    await expect(sub.done).rejects.toThrow('projection failed');
    expect(unsubscribe).toHaveBeenCalled();
    await expect(sub.stop()).resolves.toBeUndefined();
  });

  it('rejects done when the subscription errors or ends on its own', async () => {
    const failing = fakeSource();
    const sub1 = kurrentDbSubscription(
      failing.source,
      undefined,
      () => undefined,
      () => undefined,
    );
    failing.source.destroy(new Error('UNAVAILABLE'));
    await expect(sub1.done).rejects.toThrow('UNAVAILABLE');

    const ending = fakeSource();
    const sub2 = kurrentDbSubscription(
      ending.source,
      undefined,
      () => undefined,
      () => undefined,
    );
    ending.source.end();
    await expect(sub2.done).rejects.toThrow(/ended unexpectedly/);
  });
});
