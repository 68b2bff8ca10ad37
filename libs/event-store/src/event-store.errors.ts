import type { ExpectedRevision } from './event-store.port';

/** Base of the store's errors; `code` is stable and mapped to HTTP in one place. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream's actual revision did not match what the caller expected; nothing was written. */
export class ConcurrencyError extends EventStoreError {
  readonly code = 'EVENT_STORE.CONCURRENCY';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or `undefined` when the stream does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(
      `Stream "${streamId}": expected revision ${String(expected)}, actual ${
        actual === undefined ? 'no_stream' : actual.toString()
      }`,
    );
    this.name = 'ConcurrencyError';
  }
}

/** The append request itself is malformed; nothing was written. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'EVENT_STORE.INVALID_INPUT';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid append: ${field} ${reason}`);
    this.name = 'InvalidAppendError';
  }
}
