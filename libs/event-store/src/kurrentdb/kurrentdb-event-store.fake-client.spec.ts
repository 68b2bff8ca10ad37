import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendStreamState,
  type EventData,
  type KurrentDBClient,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, InvalidAppendError } from '../event-store.errors';
import type { NewEvent } from '../event-store.port';
import type { ClientEventLike } from './kurrentdb.mapping';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * An in-memory imitation of the few client calls the adapter makes, with the client's documented
 * semantics: inclusive `fromPosition`, server-side type filter, StreamNotFoundError on reads.
 * Only a real server confirms them; this checks the adapter's own logic around them.
 */
class FakeClient {
  readonly log: ClientEventLike[] = [];
  readonly metadataCalls: Array<[string, unknown]> = [];
  appendCalls = 0;
  omitAppendPosition = false;

  async appendToStream(
    stream: string,
    eventOrEvents: EventData | EventData[],
    options: { streamState?: AppendStreamState },
  ) {
    this.appendCalls += 1;
    const current = this.revisionOf(stream);
    const state = options.streamState ?? 'any';
    const ok =
      state === 'any' ||
      (state === 'no_stream' && current === undefined) ||
      (state === 'stream_exists' && current !== undefined) ||
      state === current;
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, {
        streamName: stream,
        expected: state,
        current: current ?? 'no_stream',
      });
    }
    let revision = current ?? -1n;
    // Like the real client: one event or an array.
    for (const e of Array.isArray(eventOrEvents) ? eventOrEvents : [eventOrEvents]) {
      const position = BigInt(this.log.length + 1) * 100n;
      revision += 1n;
      const [data, metadata] = [JSON.parse(JSON.stringify(e.data)), e.metadata];
      this.log.push({
        streamId: stream,
        id: e.id,
        type: e.type,
        revision,
        created: new Date(),
        data,
        metadata,
        position: { commit: position, prepare: position },
      });
    }
    const last = this.log[this.log.length - 1].position!;
    return { success: true, nextExpectedRevision: revision, position: this.omitAppendPosition ? undefined : last };
  }

  async *readStream(stream: string, options: { fromRevision?: unknown; direction?: string; maxCount?: number } = {}) {
    let events = this.log.filter((e) => e.streamId === stream);
    if (events.length === 0) throw new StreamNotFoundError(undefined, stream);
    if (options.direction === 'backwards') events = events.reverse();
    else if (typeof options.fromRevision === 'bigint')
      events = events.filter((e) => e.revision >= (options.fromRevision as bigint));
    for (const event of events.slice(0, options.maxCount ?? Infinity)) yield { event };
  }

  async *readAll(options: { fromPosition?: ReadPosition; maxCount?: number; filter?: { regex: string } }) {
    const from = options.fromPosition;
    const regex = options.filter ? new RegExp(options.filter.regex) : undefined;
    const events = this.log
      .filter((e) => typeof from !== 'object' || e.position!.commit >= from.commit)
      .filter((e) => regex === undefined || regex.test(e.type));
    for (const event of events.slice(0, options.maxCount ?? Infinity))
      yield { event, commitPosition: event.position!.commit };
  }

  async setStreamMetadata(stream: string, metadata: unknown) {
    this.metadataCalls.push([stream, metadata]);
  }

  private revisionOf(stream: string): bigint | undefined {
    return this.log.filter((e) => e.streamId === stream).at(-1)?.revision;
  }
}

const event = (n: number): NewEvent => ({
  type: 'TestHappened',
  data: { n },
  metadata: {
    actorId: 'u',
    role: 'office',
    correlationId: 'c',
    causationId: 'c',
    occurredAt: '2023-01-03T09:00:00+08:00',
  },
});

function setup() {
  const client = new FakeClient();
  return { client, store: new KurrentDbEventStore(client as unknown as KurrentDBClient) };
}

describe('KurrentDbEventStore over a fake client', () => {
  it('validates before any I/O', async () => {
    const { client, store } = setup();
    await expect(store.append('s', [{ ...event(0), type: '$evil' }], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.append('s', [event(0)], -1n)).rejects.toBeInstanceOf(InvalidAppendError);
    expect(client.appendCalls).toBe(0);
  });

  it('appends, returns revision and commit position, and maps conflicts', async () => {
    const { store } = setup();
    expect(await store.append('s', [event(0), event(1)], 'no_stream')).toEqual({
      nextExpectedRevision: 1n,
      position: 200n,
    });
    await expect(store.append('s', [event(2)], 0n)).rejects.toEqual(new ConcurrencyError('s', 0n, 1n));
    await expect(store.append('t', [event(2)], 'stream_exists')).rejects.toMatchObject({ actual: undefined });
  });

  it('reads the position back when the server omits it (idempotent repeat)', async () => {
    const { client, store } = setup();
    client.omitAppendPosition = true;
    expect(await store.append('s', [event(0)], 'no_stream')).toEqual({ nextExpectedRevision: 0n, position: 100n });
  });

  it('reads a stream from a revision, and [] for an unknown stream', async () => {
    const { store } = setup();
    await store.append('s', [0, 1, 2].map(event), 'no_stream');
    expect((await store.readStream('s', 1n)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await store.readStream('nope')).toEqual([]);
  });

  it('pages $all after a position, exclusive, without system events or checkpoints', async () => {
    const { client, store } = setup();
    await store.append('a', [0, 1].map(event), 'no_stream');
    await store.checkpoints.store('proj', 200n);
    await client.appendToStream(
      '$stats',
      [{ id: 'x', type: 'UserLooking', contentType: 'application/json', data: {}, metadata: undefined }],
      {},
    );
    await store.append('b', [2, 3, 4].map(event), 'no_stream');
    const all = await store.readAll();
    expect(all.map((e) => e.streamId + (e.data as { n: number }).n)).toEqual(['a0', 'a1', 'b2', 'b3', 'b4']);
    const after = await store.readAll(all[1].position, 2);
    expect(after.map((e) => e.position)).toEqual([all[2].position, all[3].position]);
    expect(await store.readAll(all[4].position)).toEqual([]);
    expect(await store.readAll(undefined, 0)).toEqual([]);
  });

  it('stores checkpoints with a maxCount bound and optimistic revisions', async () => {
    const { client, store } = setup();
    expect(await store.checkpoints.load('proj')).toBeUndefined();
    await store.checkpoints.store('proj', 300n);
    await store.checkpoints.store('proj', 500n);
    expect(await store.checkpoints.load('proj')).toBe(500n);
    expect(client.metadataCalls).toEqual([['zw-checkpoint-proj', { maxCount: 1 }]]);
    expect(client.log.map((e) => e.type)).toEqual(['$zw.checkpoint', '$zw.checkpoint']);

    const rival = new KurrentDbEventStore(client as unknown as KurrentDBClient);
    await rival.checkpoints.store('proj', 600n);
    await expect(store.checkpoints.store('proj', 700n)).rejects.toBeInstanceOf(ConcurrencyError);
    // After a conflict the revision is re-read, so a deliberate retry succeeds.
    await store.checkpoints.store('proj', 700n);
    expect(await rival.checkpoints.load('proj')).toBe(700n);
  });
});
