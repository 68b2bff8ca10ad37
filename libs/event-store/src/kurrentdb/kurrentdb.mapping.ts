import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  type AppendResult as ClientAppendResult,
  type AppendStreamState,
  type Position,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError } from '../event-store.errors';
import type { EventMetadata, ExpectedRevision, RecordedEvent } from '../event-store.port';

/**
 * Pure translations between the port's vocabulary and the KurrentDB client's. Kept apart from
 * the adapter so they can be unit-tested without a server.
 */

/** Checkpoints live in ordinary streams (not `$` streams, which need admin rights by default). */
export const CHECKPOINT_STREAM_PREFIX = 'zw-checkpoint-';
/** A `$` type makes the server-side `excludeSystemEvents()` filter hide checkpoints from readers. */
export const CHECKPOINT_EVENT_TYPE = '$zw.checkpoint';

/**
 * The server reports "no $all position" with the maximum unsigned 64-bit value (stream reads on
 * servers older than 22.6, events written in explicit transactions).
 */
const UNKNOWN_POSITION = 2n ** 64n - 1n;

/** The minimal shape of the client's recorded event that the envelope needs. */
export interface ClientEventLike {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly created: Date;
  readonly data: unknown;
  readonly metadata?: unknown;
  readonly position?: Position;
}

/** The minimal shape of the client's resolved event (stream reads, $all reads, subscriptions). */
export interface ClientResolvedLike {
  readonly event?: ClientEventLike;
  readonly commitPosition?: bigint;
}

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'any':
      return ANY;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

/**
 * The client reports the stream's actual state as `no_stream` or a revision; the gRPC metadata
 * path can also yield negative sentinels (-1 no stream, -5 deleted, -6 tombstoned), which all
 * mean "no readable last revision" for our callers.
 */
export function toConcurrencyError(
  streamId: string,
  expected: ExpectedRevision,
  error: WrongExpectedVersionError,
): ConcurrencyError {
  const actual = error.actualState;
  return new ConcurrencyError(streamId, expected, typeof actual === 'bigint' && actual >= 0n ? actual : undefined);
}

/** Translates the client's append failures that have a port meaning; anything else passes through. */
export function mapAppendError(streamId: string, expected: ExpectedRevision, error: unknown): unknown {
  return error instanceof WrongExpectedVersionError ? toConcurrencyError(streamId, expected, error) : error;
}

/**
 * With `throwOnAppendFailure=false` in the connection string the client resolves a failed
 * append instead of throwing; treat it exactly like the thrown WrongExpectedVersionError.
 */
export function assertAppended(
  streamId: string,
  expected: ExpectedRevision,
  result: ClientAppendResult,
): ClientAppendResult {
  if (result.success) return result;
  const actual = result.nextExpectedRevision;
  throw new ConcurrencyError(streamId, expected, actual >= 0n ? actual : undefined);
}

/**
 * Our positions are the commit position alone. Events appended through gRPC are "implicitly
 * committed": each has commit === prepare === its own log position, so the commit position is
 * unique and strictly increasing and `{ commit: p, prepare: p }` addresses the event exactly.
 */
export function toReadPosition(position: bigint | undefined): ReadPosition {
  return position === undefined ? START : { commit: position, prepare: position };
}

export function commitPositionOf(resolved: ClientResolvedLike): bigint | undefined {
  const position = resolved.event?.position?.commit ?? resolved.commitPosition;
  return position === undefined || position === UNKNOWN_POSITION ? undefined : position;
}

/** System events, stream metadata (`$$…`, `$metadata`) and our checkpoints are not domain events. */
export function isDomainEvent(event: Pick<ClientEventLike, 'streamId' | 'type'>): boolean {
  return (
    !event.type.startsWith('$') &&
    !event.streamId.startsWith('$') &&
    !event.streamId.startsWith(CHECKPOINT_STREAM_PREFIX)
  );
}

/** True when the event lies strictly after `after` (undefined: the beginning of the log). */
export function isAfter(position: bigint, after: bigint | undefined): boolean {
  return after === undefined || position > after;
}

/**
 * Builds the port's envelope. Returns undefined for a resolved event without a record (an
 * unresolved link). Throws when the server gave no $all position: the envelope promises one,
 * and inventing it would corrupt every checkpoint derived from it.
 */
export function toRecordedEvent(resolved: ClientResolvedLike): RecordedEvent | undefined {
  const event = resolved.event;
  if (event === undefined) return undefined;
  const position = commitPositionOf(resolved);
  if (position === undefined) {
    throw new Error(
      `KurrentDB returned no $all position for event ${event.id} in "${event.streamId}" (server older than 22.6?)`,
    );
  }
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    data: event.data,
    // Events we write always carry a JSON object; anything else was written by another tool.
    metadata: (event.metadata ?? {}) as EventMetadata,
    revision: event.revision,
    position,
    recordedAt: event.created.toISOString(),
  };
}
