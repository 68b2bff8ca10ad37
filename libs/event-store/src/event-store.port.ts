/**
 * The event store port: every adapter (embedded SQLite, KurrentDB) implements this
 * interface and passes the same contract suite (event-store.contract.ts).
 *
 * Revisions and global positions are bigints: KurrentDB uses 64-bit positions and a
 * national-scale history must not hit Number's 2^53 ceiling.
 */

/** Who did it and why: recorded with every event, never derived later. */
export interface EventMetadata {
  /** The acting user's id (or a system actor such as `system:reminders`). */
  readonly actorId: string;
  /** `office` | `department` | `leader` | `admin` | `system`. */
  readonly role: string;
  /** The acting user's department (canonical name), when the role has one. */
  readonly department?: string;
  /** Ties every event caused by one request together. */
  readonly correlationId: string;
  /** The id of the command or event that caused this one. */
  readonly causationId: string;
  /** When the decision happened, from the injected clock (ISO 8601 with offset). */
  readonly occurredAt: string;
  /** Extra keys (e.g. the tamper-evidence hash chain) are allowed but must be JSON. */
  readonly [key: string]: unknown;
}

/** An event as a caller hands it to `append`. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  /** Optional uuid; the store generates one when absent. */
  readonly id?: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as it was stored: the envelope every reader sees. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly streamId: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** 0-based revision of the event within its stream. */
  readonly revision: bigint;
  /** Position in the global log; strictly increasing in read-all order. */
  readonly position: bigint;
  /** When the store recorded it (ISO 8601, from the store's clock). */
  readonly recordedAt: string;
}

/**
 * What the caller believes about the stream before appending:
 * - `no_stream`: it must not exist yet;
 * - `stream_exists`: it must have at least one event;
 * - `any`: no check;
 * - a bigint: the revision of the stream's last event.
 */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

export interface AppendResult {
  /** Revision of the last event appended: pass it as `expected` for the next append. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  readonly position: bigint;
}

/**
 * Handler of a subscription. It is awaited before the next event is delivered
 * (backpressure); throwing stops the subscription and rejects `Subscription.done`.
 */
export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

export interface Subscription {
  /** Stops delivery after the handler in progress (if any) returns. */
  stop(): Promise<void>;
  /** Settles when the subscription stops: resolves on `stop()`, rejects on a failure. */
  readonly done: Promise<void>;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Default: from the beginning. */
  readonly after?: bigint;
  /** Maximum events returned. Default 1000. */
  readonly limit?: number;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream from revision `from` (inclusive, default 0); [] for an unknown stream. */
  readStream(streamId: string, from?: bigint): Promise<RecordedEvent[]>;
  /** One page of the global log in position order, after `fromPosition` (exclusive). */
  readAll(fromPosition?: bigint, limit?: number): Promise<RecordedEvent[]>;
  /**
   * Catch-up then live delivery of every event after `fromPosition` (exclusive; `undefined`
   * means from the beginning). Resuming with the last handled position neither loses nor
   * repeats an event.
   */
  subscribe(fromPosition: bigint | undefined, handler: EventHandler): Subscription;
  /** Named positions in the global log, for subscribers that resume after a restart. */
  readonly checkpoints: CheckpointStore;
  /** Readiness probe: resolves when the store answers. */
  ping(): Promise<void>;
  /** Releases files, connections and timers; stops every subscription. */
  close(): Promise<void>;
}

export interface CheckpointStore {
  /** The last position stored for `subscriberId`, or undefined when none was stored. */
  load(subscriberId: string): Promise<bigint | undefined>;
  store(subscriberId: string, position: bigint): Promise<void>;
}
