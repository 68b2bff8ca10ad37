import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDay } from '@zw/domain';
import { CachedFold, EVENT_STORE, type EventStore, type RecordedEvent } from '@zw/event-store';
import { idempotencyId } from '../http/idempotency';
import { DECIDERS, type StateOf, type StreamKind } from './deciders';

/** A stream folded up to `revision`, with the idempotency keys its events carry. */
export interface LoadedStream<S> {
  readonly state: S;
  readonly revision: bigint | undefined;
  /** `${actorId} ${key}` → the events that command appended (the idempotency record is the stream). */
  readonly idempotency: ReadonlyMap<string, readonly RecordedEvent[]>;
}

type Fold<S> = Omit<LoadedStream<S>, 'revision'>;

function foldOf<K extends StreamKind>(kind: K) {
  const evolve = DECIDERS[kind].evolve as unknown as (state: StateOf<K>, e: RecordedEvent) => StateOf<K>;
  return (fold: Fold<StateOf<K>>, e: RecordedEvent): Fold<StateOf<K>> => {
    const state = evolve(fold.state, e);
    const key = e.metadata.idempotencyKey;
    if (typeof key !== 'string') return { state, idempotency: fold.idempotency };
    const id = idempotencyId(e.metadata.actorId, key);
    // Copied only for keyed events: readers holding the cached fold must not see it change.
    return { state, idempotency: new Map(fold.idempotency).set(id, [...(fold.idempotency.get(id) ?? []), e]) };
  };
}

/**
 * Every commanded stream folded (tasks, indicators, projects, the organisation tree, accounts),
 * kept between reads and shared by the command handler, the reads of one task, item, tree or
 * account, and the access checks (every request's token is checked against its account). Past state (`asOf`)
 * is folded afresh from the events whose `metadata.occurredAt` falls on or before that Shanghai
 * day — the rule every as-of view follows.
 */
@Injectable()
export class StreamCache {
  private readonly folds: { [K in StreamKind]: CachedFold<Fold<StateOf<K>>> };

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    const make = <K extends StreamKind>(kind: K) =>
      new CachedFold<Fold<StateOf<K>>>(
        store,
        () => ({ state: DECIDERS[kind].initialState() as StateOf<K>, idempotency: new Map() }),
        foldOf(kind),
      );
    this.folds = {
      task: make('task'),
      indicator: make('indicator'),
      project: make('project'),
      organisation: make('organisation'),
      user: make('user'),
    };
  }

  async load<K extends StreamKind>(kind: K, streamId: string): Promise<LoadedStream<StateOf<K>>> {
    const { state, revision } = await (this.folds[kind] as CachedFold<Fold<StateOf<K>>>).load(streamId);
    return { ...state, revision };
  }

  /** State and revision as they stood at the end of `asOf` (undefined: now). */
  async at<K extends StreamKind>(
    kind: K,
    streamId: string,
    asOf: string | undefined,
  ): Promise<{ state: StateOf<K>; revision: bigint | undefined }> {
    if (asOf === undefined) return this.load(kind, streamId);
    const events = (await this.store.readStream(streamId)).filter((e) => {
      const day = shanghaiDay(e.metadata.occurredAt);
      return day !== undefined && day <= asOf;
    });
    const evolve = DECIDERS[kind].evolve as unknown as (state: StateOf<K>, e: RecordedEvent) => StateOf<K>;
    return {
      state: events.reduce(evolve, DECIDERS[kind].initialState() as StateOf<K>),
      revision: events.at(-1)?.revision,
    };
  }
}
