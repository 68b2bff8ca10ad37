import type { EventHandler, RecordedEvent, Subscription } from './event-store.port';

export interface PollingSource {
  /** Events strictly after `position`, in order, at most `limit` (sync for SQLite, async for PostgreSQL). */
  readPage(position: bigint, limit: number): RecordedEvent[] | Promise<RecordedEvent[]>;
  /** Resolves when new events may exist (a local commit, or the poll interval elapsed). */
  waitForAppend(after: bigint): Promise<void>;
}

const PAGE = 500;

/**
 * Catch-up then live, in one loop: read a page after the last handled position, hand each
 * event to the awaited handler, and when the log is exhausted wait for the next commit.
 * Because the position only advances after the handler returns, resuming from the last
 * handled position neither loses nor repeats an event.
 */
export function pollingSubscription(
  source: PollingSource,
  from: bigint | undefined,
  handler: EventHandler,
  onStop: () => void,
): Subscription {
  let stopped = false;
  let position = from ?? 0n;
  /** Ends the current wait early (stop). */
  let wake: (() => void) | undefined;
  // Not `Promise.race([waitForAppend, stopSignal])` with one stop promise for the whole life of
  // the subscription: every race leaves a reaction on that never-settled promise, so each wait
  // for a commit kept a few hundred bytes alive until the process ended (thousands an hour on a
  // busy api, all tenured into the old generation that every major GC then marks).
  const waitForAppend = () =>
    new Promise<void>((resolve, reject) => {
      if (stopped) return resolve();
      wake = resolve;
      source.waitForAppend(position).then(resolve, reject);
    }).finally(() => (wake = undefined));

  const done = (async () => {
    // Yield once so the caller holds the Subscription before any handler runs or fails.
    await Promise.resolve();
    try {
      while (!stopped) {
        const page = await source.readPage(position, PAGE);
        if (page.length === 0) {
          await waitForAppend();
          continue;
        }
        for (const event of page) {
          if (stopped) return;
          await handler(event);
          position = event.position;
        }
      }
    } finally {
      stopped = true;
      onStop();
    }
  })();

  return {
    done,
    async stop() {
      stopped = true;
      wake?.();
      await done.catch(() => undefined);
    },
  };
}
