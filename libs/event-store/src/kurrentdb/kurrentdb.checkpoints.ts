import {
  BACKWARDS,
  END,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import type { CheckpointStore } from '../event-store.port';
import {
  CHECKPOINT_EVENT_TYPE,
  CHECKPOINT_STREAM_PREFIX,
  assertAppended,
  toConcurrencyError,
} from './kurrentdb.mapping';

/** A type alias, not an interface: the client's JSONType wants an index-signature-compatible record. */
type CheckpointData = {
  /** Decimal string: JSON has no 64-bit integers. */
  readonly position: string;
};

/** No checkpoint event exists yet: the next store must create the stream. */
const NONE = 'none' as const;

/**
 * One stream per subscriber (`zw-checkpoint-<id>`), one event per store. Each store appends with
 * the revision of the checkpoint last read or written by this instance, so two instances of the
 * same subscriber racing each other get a ConcurrencyError instead of silently interleaving.
 */
export class KurrentDbCheckpointStore implements CheckpointStore {
  /** Last known revision of each checkpoint stream, learnt from load() or store(). */
  private readonly revisions = new Map<string, bigint | typeof NONE>();

  constructor(private readonly client: KurrentDBClient) {}

  static streamOf(subscriberId: string): string {
    return `${CHECKPOINT_STREAM_PREFIX}${subscriberId}`;
  }

  async load(subscriberId: string): Promise<bigint | undefined> {
    const stream = KurrentDbCheckpointStore.streamOf(subscriberId);
    try {
      for await (const resolved of this.client.readStream(stream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (resolved.event === undefined) continue;
        this.revisions.set(subscriberId, resolved.event.revision);
        return parsePosition(resolved.event.data, stream);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    this.revisions.set(subscriberId, NONE);
    return undefined;
  }

  async store(subscriberId: string, position: bigint): Promise<void> {
    if (position < 0n) throw new RangeError(`Checkpoint position must be non-negative, got ${position}`);
    const stream = KurrentDbCheckpointStore.streamOf(subscriberId);
    if (!this.revisions.has(subscriberId)) await this.load(subscriberId);
    const known = this.revisions.get(subscriberId) ?? NONE;
    if (known === NONE) {
      // Only the latest checkpoint matters: let the server scavenge older ones. Set before the
      // first append so the stream never exists without the bound.
      await this.client.setStreamMetadata(stream, { maxCount: 1 });
    }
    const data: CheckpointData = { position: position.toString() };
    try {
      const result = await this.client.appendToStream(stream, jsonEvent({ type: CHECKPOINT_EVENT_TYPE, data }), {
        streamState: known === NONE ? NO_STREAM : known,
      });
      this.revisions.set(subscriberId, assertAppended(stream, expectedOf(known), result).nextExpectedRevision);
    } catch (error) {
      // Whatever happened, our idea of the revision may be stale: re-read it next time.
      this.revisions.delete(subscriberId);
      if (error instanceof WrongExpectedVersionError) {
        throw toConcurrencyError(stream, expectedOf(known), error);
      }
      throw error;
    }
  }
}

function expectedOf(known: bigint | typeof NONE): bigint | 'no_stream' {
  return known === NONE ? 'no_stream' : known;
}

function parsePosition(data: unknown, stream: string): bigint {
  const position = (data as Partial<CheckpointData> | null)?.position;
  if (typeof position !== 'string' || !/^\d+$/.test(position)) {
    throw new Error(`Malformed checkpoint in "${stream}": ${JSON.stringify(data)}`);
  }
  return BigInt(position);
}
