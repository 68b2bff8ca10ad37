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

/** Why the store cannot take writes: no space left, or it does not answer / refuses for another reason. */
export type StoreUnavailableReason = 'full' | 'unavailable';

/**
 * The store refused or could not take a write (or read) for a reason of its own — a full
 * disk, a read-only or failing file system, a database that went away. Nothing was written;
 * the same request may succeed later. Adapters need not throw it: `toStoreUnavailable` maps
 * the low-level errors of every adapter (errno, SQLite, PostgreSQL SQLSTATE) in one place.
 */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'STORE.UNAVAILABLE';
  constructor(
    readonly reason: StoreUnavailableReason,
    /** The low-level error's code and message, for the log only. */
    readonly detail: string,
  ) {
    super(`store unavailable (${reason}): ${detail}`);
    this.name = 'StoreUnavailableError';
  }
}

/** No space: errno, SQLite, PostgreSQL `disk_full` (53100). */
const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', '53100']);
/** The medium or server failing; PostgreSQL classes 08 (connection) and 57P (shutdown), 53 (resources). */
const UNAVAILABLE = [
  /^E(IO|ROFS|CONNREFUSED|CONNRESET|TIMEDOUT|HOSTUNREACH|PIPE)$/,
  /^SQLITE_(IOERR|READONLY|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB)/,
  /^(08\d{3}|57P\d{2}|53\d{3})$/,
];

/** The store-unavailable error a low-level failure means, or undefined for anything else (a bug, a refusal). */
export function toStoreUnavailable(error: unknown): StoreUnavailableError | undefined {
  if (error instanceof StoreUnavailableError) return error;
  if (error instanceof EventStoreError || error === null || typeof error !== 'object') return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  const detail = `${String(code ?? '')} ${text}`.trim();
  if (typeof code !== 'string') {
    return /database or disk is full|no space left on device/i.test(text)
      ? new StoreUnavailableError('full', detail)
      : undefined;
  }
  if (FULL.has(code) || /no space left on device|database or disk is full/i.test(text))
    return new StoreUnavailableError('full', detail);
  if (UNAVAILABLE.some((pattern) => pattern.test(code))) return new StoreUnavailableError('unavailable', detail);
  return undefined;
}
