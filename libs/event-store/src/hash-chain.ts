import { createHash } from 'node:crypto';
import type { EventMetadata, RecordedEvent } from './event-store.port';

/**
 * Tamper evidence: every event's metadata carries `hash`, a SHA-256 over the previous event's
 * hash in the same stream (null at revision 0), its type, data and metadata. Computed at append
 * by every adapter; changing any stored byte of an event breaks its hash, and removing or
 * reordering events breaks the hash of the event after. The previous hash is not stored again
 * (`prevHash` stays reserved): a verifier walking the stream knows it.
 */
export const CHAIN_KEYS = ['prevHash', 'hash'] as const;

export function eventHash(prevHash: string | null, type: string, dataJson: string, metadataJson: string): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, type, dataJson, metadataJson]))
    .digest('hex');
}

interface Serialised {
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** Appends the chain to each event's metadata JSON, continuing from `prevHash`. */
export function chainEvents<E extends Serialised>(
  events: readonly E[],
  prevHash: string | null,
): { events: Array<E & { hash: string }>; lastHash: string | null } {
  let previous = prevHash;
  const chained = events.map((event) => {
    const hash = eventHash(previous, event.type, event.data, event.metadata);
    // prepareAppend refuses the chain keys in callers' metadata, so these are the last keys and
    // stripping them gives back exactly the serialised metadata the hash covers.
    const metadata = `${event.metadata.slice(0, -1)}${event.metadata === '{}' ? '' : ','}"hash":"${hash}"}`;
    previous = hash;
    return { ...event, metadata, hash };
  });
  return { events: chained, lastHash: previous };
}

export interface ChainBreak {
  readonly streamId: string;
  readonly revision: bigint;
  readonly field: 'hash';
  readonly expected: string | null;
  readonly found: string | null;
}

/** Checks one event against the hash of the event before it in its stream; returns its own hash. */
export function checkLink(
  event: RecordedEvent,
  previous: string | null,
): { hash: string | null; problem?: ChainBreak } {
  const meta = event.metadata as EventMetadata & { hash?: string };
  const found = typeof meta.hash === 'string' ? meta.hash : null;
  const at = { streamId: event.streamId, revision: event.revision };
  const rest: Record<string, unknown> = { ...meta };
  for (const key of CHAIN_KEYS) delete rest[key];
  const expected = eventHash(previous, event.type, JSON.stringify(event.data), JSON.stringify(rest));
  if (expected !== found) return { hash: found, problem: { ...at, field: 'hash', expected, found } };
  return { hash: found };
}
