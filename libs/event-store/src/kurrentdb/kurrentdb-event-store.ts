import {
  BACKWARDS,
  END,
  KurrentDBClient,
  StreamNotFoundError,
  excludeSystemEvents,
  jsonEvent,
  type JSONType,
} from '@kurrent/kurrentdb-client';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
  Subscription,
} from '../event-store.port';
import { ConcurrencyError } from '../event-store.errors';
import { chainEvents } from '../hash-chain';
import { prepareAppend } from '../validate-append';
import { KurrentDbCheckpointStore } from './kurrentdb.checkpoints';
import {
  assertAppended,
  commitPositionOf,
  isAfter,
  isDomainEvent,
  mapAppendError,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
} from './kurrentdb.mapping';
import { kurrentDbSubscription } from './kurrentdb.subscription';

const DEFAULT_READ_ALL_LIMIT = 1000;
/** Appends whose `any`/`stream_exists` was pinned to a revision retry this often when raced. */
const MAX_PINNED_ATTEMPTS = 5;
/** A readiness probe must answer quickly; the client's own retries can take longer. */
const PING_TIMEOUT_MS = 5000;

/**
 * EventStore port over KurrentDB (EventStoreDB) with the official gRPC client. Constructing it
 * opens nothing: the client connects lazily on the first call, so tests and DI can build it freely.
 */
export class KurrentDbEventStore implements EventStore {
  readonly checkpoints: KurrentDbCheckpointStore;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(private readonly client: KurrentDBClient) {
    this.checkpoints = new KurrentDbCheckpointStore(client);
  }

  /** e.g. `kurrentdb://localhost:2113?tls=false`. */
  static fromConnectionString(connectionString: string): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    // Validate and serialise before any I/O: bad input writes nothing and fails like the SQLite adapter.
    const prepared = prepareAppend(streamId, events, expected);
    for (let attempt = 1; ; attempt++) {
      // The hash chain continues from the stream's last event, so the append is pinned to the
      // revision that event has: `any`/`stream_exists` become that revision, retried on a race.
      const head = await this.streamHead(streamId);
      if (expected === 'stream_exists' && head.revision === undefined)
        throw new ConcurrencyError(streamId, expected, undefined);
      const pinned: ExpectedRevision =
        expected === 'any' || expected === 'stream_exists' ? (head.revision ?? 'no_stream') : expected;
      const eventData = chainEvents(prepared, head.hash).events.map((event) =>
        jsonEvent({
          id: event.id,
          type: event.type,
          // prepareAppend vouched the JSON round-trips; the client stringifies any JSON value.
          data: JSON.parse(event.data) as JSONType,
          metadata: JSON.parse(event.metadata) as JSONType,
        }),
      );
      let result;
      try {
        result = await this.client.appendToStream(streamId, eventData, { streamState: toStreamState(pinned) });
      } catch (error) {
        const mapped = mapAppendError(streamId, expected, error);
        if (mapped instanceof ConcurrencyError && pinned !== expected && attempt < MAX_PINNED_ATTEMPTS) continue;
        throw mapped;
      }
      const { nextExpectedRevision, position } = assertAppended(streamId, expected, result);
      return {
        nextExpectedRevision,
        position: position?.commit ?? (await this.positionOfRevision(streamId, nextExpectedRevision)),
      };
    }
  }

  /** Revision and chain hash of the stream's last event; an unknown stream has neither. */
  private async streamHead(streamId: string): Promise<{ revision: bigint | undefined; hash: string | null }> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        const event = toRecordedEvent(resolved);
        if (event) return { revision: event.revision, hash: (event.metadata.hash as string | undefined) ?? null };
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { revision: undefined, hash: null };
  }

  async readStream(streamId: string, from: bigint = 0n): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: from })) {
        const event = toRecordedEvent(resolved);
        if (event !== undefined) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * The client's `fromPosition` is inclusive, so each server page asks for one event more than
   * still needed and drops what lies at or before the cursor. System events are dropped here, not
   * by a server filter: whether a filtered read's `maxCount` counts matches or scanned events is
   * not documented, and only an unfiltered short page reliably means "end of the log". The loop
   * repeats when dropped events left the page short.
   */
  async readAll(fromPosition?: bigint, limit: number = DEFAULT_READ_ALL_LIMIT): Promise<RecordedEvent[]> {
    const page: RecordedEvent[] = [];
    let cursor = fromPosition;
    while (page.length < limit) {
      const maxCount = limit - page.length + 1;
      let received = 0;
      let lastSeen: bigint | undefined;
      for await (const resolved of this.client.readAll({ fromPosition: toReadPosition(cursor), maxCount })) {
        received += 1;
        const position = commitPositionOf(resolved);
        if (position === undefined || !isAfter(position, cursor)) continue;
        lastSeen = position;
        const event = toRecordedEvent(resolved);
        if (event !== undefined && isDomainEvent(event) && page.length < limit) page.push(event);
      }
      if (received < maxCount || lastSeen === undefined) break; // end of the log
      cursor = lastSeen;
    }
    return page;
  }

  subscribe(fromPosition: bigint | undefined, handler: EventHandler): Subscription {
    if (this.closed) throw new Error('KurrentDbEventStore is closed');
    const source = this.client.subscribeToAll({
      fromPosition: toReadPosition(fromPosition),
      // Server-side filter on event type `^[^$]`: system events and our `$zw.checkpoint` never travel.
      filter: excludeSystemEvents(),
    });
    const subscription = kurrentDbSubscription(source, fromPosition, handler, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Reads the newest event of $all: needs a live connection, costs one small read. */
  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`KurrentDB did not answer within ${PING_TIMEOUT_MS} ms`)),
        PING_TIMEOUT_MS,
      );
    });
    const read = (async () => {
      for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
        void _;
      }
    })();
    try {
      await Promise.race([read, timeout]);
    } finally {
      clearTimeout(timer);
      read.catch(() => undefined); // a late failure after the timeout must not go unhandled
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * The server omits the position when an append was an idempotent repeat of events already
   * written; the port still promises one, so read it back from the stream.
   */
  private async positionOfRevision(streamId: string, revision: bigint): Promise<bigint> {
    for await (const resolved of this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 })) {
      const position = commitPositionOf(resolved);
      if (position !== undefined) return position;
    }
    throw new Error(`KurrentDB returned no position for revision ${revision} of "${streamId}"`);
  }
}
