import { randomUUID } from 'node:crypto';
import type { AppendResult, EventStore, NewEvent } from '../event-store.port';
import { collector, readEverything, testEvent } from './event-store.contract';

/** An append whose transaction has written its events but not committed yet. */
export interface HeldAppend {
  commit(): Promise<AppendResult>;
}

/**
 * For adapters whose appends can commit out of position order (several writers, each in its
 * own transaction). SQLite has one writer at a time, so a held transaction blocks every other
 * append and the case cannot arise there.
 * `hold` starts an append through the adapter's own append code and stops before COMMIT.
 */
export function describeLateCommitContract(
  name: string,
  open: () => Promise<EventStore>,
  hold: (streamId: string, events: NewEvent[]) => Promise<HeldAppend>,
): void {
  describe(`EventStore contract, late commit: ${name}`, () => {
    it('given a transaction held open while later appends commit, a live subscriber and readAll see every event exactly once, in position order', async () => {
      const store = await open();
      const prefix = `late_${randomUUID().replace(/-/g, '')}`;
      const live = collector(prefix);
      const subscription = store.subscribe(undefined, live.handler);

      const held = await hold(`${prefix}-held`, [testEvent(0)]);
      await store.append(`${prefix}-after-1`, [testEvent(1)], 'no_stream');
      await store.append(`${prefix}-after-2`, [testEvent(2), testEvent(3)], 'no_stream');
      // A reader paging now (a subscriber catching up, a projection rebuild) keeps its cursor.
      const before = await readEverything(store);
      const cursor = before.at(-1)?.position;
      // Gives a subscriber that would run ahead of the open transaction time to do so.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const late = await held.commit();

      // Generous: any transaction open elsewhere on the server also holds readers back for a while.
      await live.waitFor(4, 30_000);
      const after = (await readEverything(store, cursor)).filter((e) => e.streamId.startsWith(prefix));
      const all = (await readEverything(store)).filter((e) => e.streamId.startsWith(prefix));
      await subscription.stop();
      await store.close();

      const ns = (events: typeof all) => events.map((e) => (e.data as { n: number }).n).sort();
      expect(ns(all)).toEqual([0, 1, 2, 3]);
      expect(ns(live.events)).toEqual([0, 1, 2, 3]);
      for (const events of [all, live.events]) {
        for (let i = 1; i < events.length; i++) expect(events[i].position).toBeGreaterThan(events[i - 1].position);
      }
      expect(live.events.map((e) => e.position)).toEqual(all.map((e) => e.position));
      // The cursor taken while the transaction was open did not pass the late event.
      expect(before.some((e) => e.position === late.position)).toBe(false);
      expect(after.filter((e) => e.position === late.position)).toHaveLength(1);
      expect([...before.filter((e) => e.streamId.startsWith(prefix)), ...after]).toHaveLength(4);
    });
  });
}
