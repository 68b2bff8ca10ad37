import type { EventHandler, Subscription } from '../event-store.port';
import { isAfter, isDomainEvent, toRecordedEvent, type ClientResolvedLike } from './kurrentdb.mapping';

/** What the loop needs from the client's `AllStreamSubscription` (a Readable of resolved events). */
export interface ResolvedEventSource extends AsyncIterable<ClientResolvedLike> {
  unsubscribe(): Promise<void>;
  destroy(): unknown;
}

/**
 * Drives a catch-up subscription to $all with backpressure: `for await` pulls the next event only
 * after the handler returned, and the client's Readable stops reading from gRPC once its buffer is
 * full. Events at or before the last handled position are skipped, so resuming from a checkpoint
 * never repeats an event even if the server's start position turns out inclusive.
 */
export function kurrentDbSubscription(
  source: ResolvedEventSource,
  fromPosition: bigint | undefined,
  handler: EventHandler,
  onStop: () => void,
): Subscription {
  let stopped = false;
  let closing: Promise<void> | undefined;

  // Cancels the gRPC call, then destroys the Readable so a `for await` waiting for a live event
  // wakes up instead of hanging until the next append.
  const closeSource = (): Promise<void> =>
    (closing ??= source
      .unsubscribe()
      .catch(() => undefined)
      .then(() => {
        source.destroy();
      }));

  const done = (async () => {
    let last = fromPosition;
    try {
      for await (const resolved of source) {
        if (stopped) break;
        const event = toRecordedEvent(resolved);
        if (event === undefined || !isDomainEvent(event) || !isAfter(event.position, last)) continue;
        await handler(event);
        last = event.position;
      }
      // A catch-up subscription never ends by itself; an end we did not ask for is a failure the
      // caller must see (and restart from its checkpoint), not a silent stop.
      if (!stopped) throw new Error('KurrentDB subscription to $all ended unexpectedly');
    } catch (error) {
      // Destroying the Readable on stop() surfaces as a premature-close error: not a failure.
      if (!stopped) throw error;
    } finally {
      stopped = true;
      await closeSource();
      onStop();
    }
  })();

  return {
    done,
    async stop() {
      stopped = true;
      await closeSource();
      await done.catch(() => undefined);
    },
  };
}
