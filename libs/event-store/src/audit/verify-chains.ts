import type { EventStore } from '../event-store.port';
import { checkLink, type ChainBreak } from '../hash-chain';

export interface ChainReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  /** The first break in global order: stream, revision, expected vs found. */
  readonly firstBreak?: ChainBreak;
}

const PAGE = 1000;

/**
 * Walks the whole log once in global order, keeping the last hash of each stream, and stops
 * at the first event whose chain does not verify. Memory grows with streams, not events.
 * `include` confines the check (and the counts) to some streams: one district's office is told
 * about its own streams, and a break elsewhere neither stops nor shows in its answer.
 */
export async function verifyChains(
  store: EventStore,
  include: (streamId: string) => boolean = () => true,
): Promise<ChainReport> {
  const last = new Map<string, string | null>();
  let events = 0;
  for (
    let page = await store.readAll(0n, PAGE);
    page.length > 0;
    page = await store.readAll(page.at(-1)!.position, PAGE)
  ) {
    for (const event of page) {
      if (!include(event.streamId)) continue;
      const previous = event.revision === 0n ? null : (last.get(event.streamId) ?? null);
      const { hash, problem } = checkLink(event, previous);
      if (problem) return { ok: false, streams: last.size, events, firstBreak: problem };
      last.set(event.streamId, hash);
      events++;
    }
  }
  return { ok: true, streams: last.size, events };
}

/** The chain of one stream, for the audit trail of a task. */
export async function verifyStream(
  store: EventStore,
  streamId: string,
): Promise<{ ok: boolean; firstBreak?: ChainBreak }> {
  let previous: string | null = null;
  for (const event of await store.readStream(streamId)) {
    const { hash, problem } = checkLink(event, previous);
    if (problem) return { ok: false, firstBreak: problem };
    previous = hash;
  }
  return { ok: true };
}
