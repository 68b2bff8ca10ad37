import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError } from '../event-store.errors';
import {
  CHECKPOINT_EVENT_TYPE,
  assertAppended,
  commitPositionOf,
  isAfter,
  isDomainEvent,
  mapAppendError,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
  type ClientEventLike,
} from './kurrentdb.mapping';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const metadata = {
  actorId: 'user-1',
  role: 'office',
  correlationId: 'c',
  causationId: 'c',
  occurredAt: '2023-01-03T09:00:00+08:00',
};

function clientEvent(overrides: Partial<ClientEventLike> = {}): ClientEventLike {
  return {
    streamId: 'case-1',
    id: '5b1c8a0e-8a57-4a57-9d3e-2f0c9d7d2a11',
    type: 'CaseOpened',
    revision: 3n,
    created: new Date('2023-01-03T01:00:00.123Z'),
    data: { title: '无废城市' },
    metadata,
    position: { commit: 4096n, prepare: 4096n },
    ...overrides,
  };
}

const wrongVersion = (expected: bigint | 'no_stream' | 'stream_exists', current: bigint | 'no_stream') =>
  new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected, current });

describe('KurrentDB mapping', () => {
  it('maps each expected revision to the client stream state', () => {
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState(7n)).toBe(7n);
  });

  it('turns the client WrongExpectedVersionError into ConcurrencyError with the actual revision', () => {
    const error = mapAppendError('case-1', 0n, wrongVersion(0n, 1n));
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 'case-1', expected: 0n, actual: 1n, code: 'EVENT_STORE.CONCURRENCY' });
  });

  it('reports a missing stream (no_stream or a negative sentinel) as actual undefined', () => {
    expect(mapAppendError('s', 'stream_exists', wrongVersion('stream_exists', 'no_stream'))).toMatchObject({
      expected: 'stream_exists',
      actual: undefined,
    });
    expect(mapAppendError('s', 2n, wrongVersion(2n, -1n))).toMatchObject({ actual: undefined });
  });

  it('passes other errors through untouched', () => {
    const other = new Error('unavailable');
    expect(mapAppendError('s', 'any', other)).toBe(other);
  });

  it('treats an unsuccessful append result (throwOnAppendFailure=false) as a conflict', () => {
    expect(() => assertAppended('s', 0n, { success: false, nextExpectedRevision: 4n })).toThrow(ConcurrencyError);
    expect(() => assertAppended('s', 0n, { success: false, nextExpectedRevision: -1n })).toThrow(
      expect.objectContaining({ actual: undefined }),
    );
    const ok = { success: true, nextExpectedRevision: 1n, position: { commit: 9n, prepare: 9n } };
    expect(assertAppended('s', 0n, ok)).toBe(ok);
  });

  it('maps a resolved event to the port envelope', () => {
    expect(toRecordedEvent({ event: clientEvent(), commitPosition: 4096n })).toEqual({
      id: '5b1c8a0e-8a57-4a57-9d3e-2f0c9d7d2a11',
      streamId: 'case-1',
      type: 'CaseOpened',
      data: { title: '无废城市' },
      metadata,
      revision: 3n,
      position: 4096n,
      recordedAt: '2023-01-03T01:00:00.123Z',
    });
  });

  it('takes the position from the event, else from the resolved commit position', () => {
    expect(commitPositionOf({ event: clientEvent(), commitPosition: 1n })).toBe(4096n);
    expect(commitPositionOf({ event: clientEvent({ position: undefined }), commitPosition: 77n })).toBe(77n);
    expect(toRecordedEvent({ event: clientEvent({ position: undefined }), commitPosition: 77n })?.position).toBe(77n);
  });

  it('refuses to invent a position the server did not give (missing or the 2^64-1 sentinel)', () => {
    expect(() => toRecordedEvent({ event: clientEvent({ position: undefined }) })).toThrow(/no \$all position/);
    const sentinel = 2n ** 64n - 1n;
    expect(() =>
      toRecordedEvent({ event: clientEvent({ position: { commit: sentinel, prepare: sentinel } }) }),
    ).toThrow(/no \$all position/);
  });

  it('skips a resolved event without a record (unresolved link)', () => {
    expect(toRecordedEvent({ commitPosition: 5n })).toBeUndefined();
  });

  it('tells domain events from system events, metadata and checkpoints', () => {
    expect(isDomainEvent({ streamId: 'case-1', type: 'CaseOpened' })).toBe(true);
    expect(isDomainEvent({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(false);
    expect(isDomainEvent({ streamId: '$$case-1', type: '$metadata' })).toBe(false);
    expect(isDomainEvent({ streamId: '$et-CaseOpened', type: 'CaseOpened' })).toBe(false);
    expect(isDomainEvent({ streamId: 'zw-checkpoint-projector', type: CHECKPOINT_EVENT_TYPE })).toBe(false);
    expect(isDomainEvent({ streamId: 'zw-checkpoint-projector', type: 'Other' })).toBe(false);
  });

  it('filters positions exclusively and starts an unknown position at START', () => {
    expect(isAfter(10n, undefined)).toBe(true);
    expect(isAfter(10n, 9n)).toBe(true);
    expect(isAfter(10n, 10n)).toBe(false);
    expect(isAfter(9n, 10n)).toBe(false);
    expect(toReadPosition(undefined)).toBe(START);
    expect(toReadPosition(42n)).toEqual({ commit: 42n, prepare: 42n });
  });
});

describe('KurrentDbEventStore with the real client and no server', () => {
  it('is built from a connection string without connecting, and closes cleanly', async () => {
    const store = KurrentDbEventStore.fromConnectionString('kurrentdb://localhost:2113?tls=false');
    await expect(store.close()).resolves.toBeUndefined();
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('ping() rejects when nothing listens', async () => {
    // Port 1 on localhost: connection refused immediately.
    const store = KurrentDbEventStore.fromConnectionString('kurrentdb://127.0.0.1:1?tls=false&maxDiscoverAttempts=1');
    try {
      await expect(store.ping()).rejects.toBeInstanceOf(UnavailableError);
    } finally {
      await store.close();
    }
  }, 15_000);
});
