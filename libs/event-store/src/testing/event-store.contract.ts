import { randomUUID } from 'node:crypto';
import { ConcurrencyError, InvalidAppendError } from '../event-store.errors';
import type { EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { verifyStream } from '../audit/verify-chains';

/** A well-formed event for tests; `n` lands in the data so order can be checked. */
export function testEvent(n: number, data: Record<string, unknown> = {}): NewEvent {
  return {
    type: 'TestHappened',
    data: { n, ...data },
    metadata: {
      actorId: 'user-1',
      role: 'office',
      department: '无废办',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2023-01-03T09:00:00+08:00',
    },
  };
}

/** Collects a subscription's events for the streams of one test, so a shared server can host it. */
export function collector(prefix: string) {
  const events: RecordedEvent[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  return {
    events,
    handler: async (event: RecordedEvent) => {
      if (!event.streamId.startsWith(prefix)) return;
      events.push(event);
      for (const w of waiters.filter((w) => events.length >= w.count)) w.resolve();
    },
    /**
     * Resolves once `count` events arrived; rejects after `ms` so a bug fails rather than hangs.
     * Generous: only a failing test waits this long, and a loaded machine may be slow to deliver.
     */
    waitFor(count: number, ms = 60_000): Promise<void> {
      if (events.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`got ${events.length} of ${count} events`)), ms);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}

/**
 * The behaviour every EventStore adapter must show. `open` returns a store whose log may
 * already hold other tests' events (a shared KurrentDB server); each test uses streams of
 * its own, named after a fresh prefix.
 */
export function describeEventStoreContract(name: string, open: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let prefix: string;
    beforeEach(async () => {
      store = await open();
      prefix = `contract_${randomUUID().replace(/-/g, '')}`;
    });
    afterEach(() => store.close());
    const stream = (s: string) => `${prefix}-${s}`;

    it('given 50 parallel appenders with the same expected revision, exactly one wins', async () => {
      const id = stream('race');
      await store.append(id, [testEvent(0)], 'no_stream');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => store.append(id, [testEvent(i + 1)], 0n)),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      for (const { reason } of lost) {
        expect(reason).toBeInstanceOf(ConcurrencyError);
        expect(reason).toMatchObject({ streamId: id, expected: 0n, actual: 1n });
      }
      expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0n, 1n]);
    });

    it('given 50 parallel creators of one stream (no_stream), exactly one wins', async () => {
      const id = stream('create');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => store.append(id, [testEvent(i)], 'no_stream')),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(lost.every((o) => o.reason instanceof ConcurrencyError && o.reason.actual === 0n)).toBe(true);
    });

    it('numbers revisions contiguously and returns the next expected revision', async () => {
      const id = stream('contiguous');
      const first = await store.append(id, [testEvent(0), testEvent(1)], 'no_stream');
      expect(first.nextExpectedRevision).toBe(1n);
      const second = await store.append(id, [testEvent(2)], 1n);
      expect(second.nextExpectedRevision).toBe(2n);
      expect(second.position).toBeGreaterThan(first.position);
      await store.append(id, [testEvent(3), testEvent(4)], 'stream_exists');
      await store.append(id, [testEvent(5)], 'any');
      const events = await store.readStream(id);
      expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
      expect(events.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5]);
      expect((await store.readStream(id, 4n)).map((e) => e.revision)).toEqual([4n, 5n]);
      expect(await store.readStream(stream('never-written'))).toEqual([]);
      // Past revision 9 and across many positions: order is numeric, never textual.
      const long = stream('long');
      await store.append(
        long,
        Array.from({ length: 12 }, (_, n) => testEvent(n)),
        'no_stream',
      );
      expect((await store.readStream(long)).map((e) => e.revision)).toEqual(
        Array.from({ length: 12 }, (_, n) => BigInt(n)),
      );
      expect((await store.readStream(long, 9n)).map((e) => e.revision)).toEqual([9n, 10n, 11n]);
    });

    it('checks stream_exists and no_stream against the stream', async () => {
      const id = stream('exists');
      await expect(store.append(id, [testEvent(0)], 'stream_exists')).rejects.toMatchObject({
        expected: 'stream_exists',
        actual: undefined,
      });
      await store.append(id, [testEvent(0)], 'no_stream');
      await expect(store.append(id, [testEvent(1)], 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.append(id, [testEvent(1)], 5n)).rejects.toMatchObject({ expected: 5n, actual: 0n });
    });

    it('keeps one global order across streams, consistent with each stream', async () => {
      const ids = [stream('a'), stream('b'), stream('c')];
      await Promise.all(ids.map((id) => store.append(id, [testEvent(0)], 'no_stream')));
      for (let i = 1; i < 5; i++) await Promise.all(ids.map((id) => store.append(id, [testEvent(i)], 'any')));
      const all = (await readEverything(store)).filter((e) => e.streamId.startsWith(prefix));
      expect(all).toHaveLength(15);
      for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
      for (const id of ids) {
        expect(all.filter((e) => e.streamId === id).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      }
      const page = await store.readAll(all[4].position, 3);
      expect(page.length).toBeLessThanOrEqual(3);
      expect(page[0].position).toBeGreaterThan(all[4].position);
    });

    it('delivers the catch-up, then live events, awaiting the handler each time', async () => {
      const id = stream('live');
      await store.append(id, [testEvent(0), testEvent(1), testEvent(2)], 'no_stream');
      const seen = collector(prefix);
      let inHandler = 0;
      let overlapped = false;
      const sub = store.subscribe(undefined, async (e) => {
        inHandler++;
        overlapped ||= inHandler > 1;
        await new Promise((r) => setTimeout(r, 2));
        await seen.handler(e);
        inHandler--;
      });
      await seen.waitFor(3);
      await store.append(id, [testEvent(3)], 2n);
      await store.append(id, [testEvent(4)], 3n);
      await seen.waitFor(5);
      await sub.stop();
      expect(seen.events.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);
      expect(overlapped).toBe(false);
    });

    it('resumes from a checkpoint with no loss and no duplicate', async () => {
      const id = stream('resume');
      await store.append(
        id,
        [0, 1, 2, 3].map((n) => testEvent(n)),
        'no_stream',
      );
      const subscriber = `${prefix}-projector`;
      expect(await store.checkpoints.load(subscriber)).toBeUndefined();
      const first = collector(prefix);
      const sub1 = store.subscribe(undefined, async (e) => {
        await first.handler(e);
        if (e.streamId === id) await store.checkpoints.store(subscriber, e.position);
        if (e.streamId === id && e.revision === 1n) void sub1.stop();
      });
      await sub1.done;
      await store.append(id, [testEvent(4), testEvent(5)], 3n);
      const checkpoint = await store.checkpoints.load(subscriber);
      expect(checkpoint).toBe(first.events.at(-1)?.position);
      const second = collector(prefix);
      const sub2 = store.subscribe(checkpoint, second.handler);
      await second.waitFor(4);
      await sub2.stop();
      const delivered = [...first.events, ...second.events].map((e) => (e.data as { n: number }).n);
      expect(delivered).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('stops the subscription and rejects done when the handler throws', async () => {
      await store.append(stream('boom'), [testEvent(0)], 'no_stream');
      const sub = store.subscribe(undefined, (e) => {
        if (e.streamId.startsWith(prefix)) throw new Error('projection failed');
      });
      await expect(sub.done).rejects.toThrow('projection failed');
    });

    it('round-trips Chinese text byte for byte', async () => {
      const id = stream('中文');
      const data = {
        title: '推进“无废城市”建设：连云区生态环境局牵头，区城管局配合',
        dept: '区林业和海洋局（湾长办）',
        emoji: '♻️🗑️',
        mixed: 'A-15 相关职责部门\t等\n',
      };
      await store.append(id, [testEvent(0, data)], 'no_stream');
      const [event] = await store.readStream(id);
      expect(Buffer.from(JSON.stringify(event.data))).toEqual(Buffer.from(JSON.stringify({ n: 0, ...data })));
      expect(event.metadata.department).toBe('无废办');
      expect(event.streamId).toBe(id);
      expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number.isNaN(Date.parse(event.recordedAt))).toBe(false);
    });

    it('chains every event to the one before it in its stream (tamper evidence)', async () => {
      const id = stream('chain');
      await store.append(id, [testEvent(0), testEvent(1)], 'no_stream');
      await store.append(id, [testEvent(2)], 'any');
      const events = await store.readStream(id);
      expect(events.map((e) => e.metadata.hash)).toEqual(events.map(() => expect.stringMatching(/^[0-9a-f]{64}$/)));
      expect(new Set(events.map((e) => e.metadata.hash)).size).toBe(3);
      expect(await verifyStream(store, id)).toEqual({ ok: true });
      await expect(
        store.append(id, [{ ...testEvent(3), metadata: { ...testEvent(3).metadata, hash: 'x' } }], 'any'),
      ).rejects.toBeInstanceOf(InvalidAppendError);
    });

    it('refuses bad input with a clear error and writes nothing', async () => {
      const id = stream('bad');
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const bad: Array<[string, () => Promise<unknown>]> = [
        ['streamId', () => store.append('', [testEvent(0)], 'any')],
        ['expected', () => store.append(id, [testEvent(0)], 'maybe' as never)],
        ['expected', () => store.append(id, [testEvent(0)], -1n)],
        ['expected', () => store.append(id, [testEvent(0)], 3 as never)],
        ['events', () => store.append(id, [], 'any')],
        ['events[0].data', () => store.append(id, [{ ...testEvent(0), data: { big: 1n } }], 'any')],
        ['events[0].data', () => store.append(id, [{ ...testEvent(0), data: circular }], 'any')],
        ['events[0].data', () => store.append(id, [{ ...testEvent(0), data: { f: () => 1 } }], 'any')],
        ['events[1].data', () => store.append(id, [testEvent(0), { ...testEvent(1), data: { x: NaN } }], 'any')],
        ['events[0].type', () => store.append(id, [{ ...testEvent(0), type: '' }], 'any')],
      ];
      for (const [field, attempt] of bad) {
        const error = await attempt().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect((error as InvalidAppendError).field.startsWith(field)).toBe(true);
      }
      expect(await store.readStream(id)).toEqual([]);
    });
  });
}

/** Every event of the log, page by page, as a subscriber catching up would read it. */
export async function readEverything(store: EventStore, after?: bigint): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (
    let page = await store.readAll(after, 500);
    page.length > 0;
    page = await store.readAll(page.at(-1)!.position, 500)
  ) {
    all.push(...page);
  }
  return all;
}
