import { InvalidAppendError } from './event-store.errors';
import type { ExpectedRevision, NewEvent } from './event-store.port';
import { uuidv7 } from './uuid-v7';
import { CHAIN_KEYS } from './hash-chain';

/** An event checked and serialised once, ready for any adapter to write. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STREAM_ID = 200;

/**
 * Validates an append request and serialises its events. Runs before any I/O so that
 * a bad request writes nothing, whichever adapter serves it.
 */
export function prepareAppend(streamId: unknown, events: unknown, expected: unknown): PreparedEvent[] {
  if (typeof streamId !== 'string' || streamId.trim() === '') {
    throw new InvalidAppendError('streamId', 'must be a non-empty string');
  }
  if (streamId.length > MAX_STREAM_ID || streamId.startsWith('$')) {
    throw new InvalidAppendError('streamId', `must be at most ${MAX_STREAM_ID} characters and not start with "$"`);
  }
  assertExpected(expected);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'must be a non-empty array');
  }
  return events.map((event: NewEvent, i) => prepareEvent(event, i));
}

export function assertExpected(expected: unknown): asserts expected is ExpectedRevision {
  const ok =
    expected === 'no_stream' ||
    expected === 'any' ||
    expected === 'stream_exists' ||
    (typeof expected === 'bigint' && expected >= 0n);
  if (!ok) {
    throw new InvalidAppendError(
      'expected',
      'must be "no_stream", "any", "stream_exists" or a non-negative bigint revision',
    );
  }
}

function prepareEvent(event: NewEvent, i: number): PreparedEvent {
  const at = `events[${i}]`;
  if (event === null || typeof event !== 'object') throw new InvalidAppendError(at, 'must be an object');
  if (typeof event.type !== 'string' || event.type.trim() === '' || event.type.startsWith('$')) {
    throw new InvalidAppendError(`${at}.type`, 'must be a non-empty string not starting with "$"');
  }
  if (event.id !== undefined && (typeof event.id !== 'string' || !UUID.test(event.id))) {
    throw new InvalidAppendError(`${at}.id`, 'must be a uuid');
  }
  const metadata = event.metadata as unknown;
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new InvalidAppendError(`${at}.metadata`, 'must be an object');
  }
  for (const key of CHAIN_KEYS) {
    if (key in metadata)
      throw new InvalidAppendError(`${at}.metadata.${key}`, 'is reserved for the tamper-evidence chain');
  }
  return {
    // Infrastructure, not domain: the id's time part only orders the index, it decides nothing.
    // eslint-disable-next-line no-restricted-syntax
    id: event.id ?? uuidv7(Date.now()),
    type: event.type,
    data: toJson(event.data, `${at}.data`),
    metadata: toJson(metadata, `${at}.metadata`),
  };
}

/**
 * JSON.stringify silently drops functions, turns NaN into null and Dates into strings; a
 * value that would not survive the round trip is refused rather than stored altered.
 * Only an object property set to undefined is let through: it means "absent".
 */
function toJson(value: unknown, field: string): string {
  checkJsonValue(value, field, new Set());
  return JSON.stringify(value);
}

function checkJsonValue(value: unknown, field: string, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidAppendError(field, 'holds a non-finite number');
      return;
    case 'object': {
      if (value === null) return;
      if (seen.has(value)) throw new InvalidAppendError(field, 'is circular');
      const proto = Object.getPrototypeOf(value);
      // Plain in any realm (structuredClone, vm contexts): its prototype is some Object.prototype.
      if (!Array.isArray(value) && proto !== null && Object.getPrototypeOf(proto) !== null) {
        throw new InvalidAppendError(
          field,
          `holds a ${proto?.constructor?.name ?? 'non-plain'} object, not plain JSON`,
        );
      }
      seen.add(value);
      const isArray = Array.isArray(value);
      for (const [key, child] of Object.entries(value)) {
        // An absent optional property is fine; a hole in an array would turn into null.
        if (child === undefined && !isArray) continue;
        checkJsonValue(child, `${field}.${key}`, seen);
      }
      seen.delete(value);
      return;
    }
    default:
      throw new InvalidAppendError(field, `holds a ${typeof value}, which is not JSON-serialisable`);
  }
}
