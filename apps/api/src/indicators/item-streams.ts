import { Inject, Injectable } from '@nestjs/common';
import {
  decodeIndicatorEvent,
  decodeProjectEvent,
  evolveIndicator,
  evolveProject,
  initialIndicatorState,
  initialProjectState,
  shanghaiDay,
  type IndicatorState,
  type ProjectState,
} from '@zw/domain';
import { CachedFold, decodeKnown, EVENT_STORE, type EventStore, type RecordedEvent } from '@zw/event-store';
import { idempotencyId } from '../http/idempotency';

/** The two kinds of plan-item stream this module writes. */
export interface ItemKinds {
  indicator: IndicatorState;
  project: ProjectState;
}
export type ItemKind = keyof ItemKinds;

export interface ItemFold<S> {
  readonly state: S;
  /** `${actorId} ${key}` → the events that command appended (the idempotency record is the stream). */
  readonly idempotency: ReadonlyMap<string, readonly RecordedEvent[]>;
}

export interface LoadedItem<S> extends ItemFold<S> {
  readonly revision: bigint | undefined;
}

const EVOLVE: { [K in ItemKind]: (state: ItemKinds[K], e: RecordedEvent) => ItemKinds[K] } = {
  // Types this version does not know (a newer writer's) are skipped, logged once, counted.
  indicator: (s, e) => {
    const event = decodeKnown(e, decodeIndicatorEvent);
    return event ? evolveIndicator(s, event) : s;
  },
  project: (s, e) => {
    const event = decodeKnown(e, decodeProjectEvent);
    return event ? evolveProject(s, event) : s;
  },
};
const INITIAL: { [K in ItemKind]: () => ItemKinds[K] } = {
  indicator: initialIndicatorState,
  project: initialProjectState,
};

function fold<K extends ItemKind>(kind: K) {
  return (f: ItemFold<ItemKinds[K]>, e: RecordedEvent): ItemFold<ItemKinds[K]> => {
    const state = EVOLVE[kind](f.state, e);
    const key = e.metadata.idempotencyKey;
    if (typeof key !== 'string') return { state, idempotency: f.idempotency };
    const id = idempotencyId(e.metadata.actorId, key);
    // Copied only for keyed events: readers holding the cached fold must not see it change.
    return { state, idempotency: new Map(f.idempotency).set(id, [...(f.idempotency.get(id) ?? []), e]) };
  };
}

/**
 * Indicator and project streams folded: current state from a CachedFold (shared by commands
 * and reads), past state (`asOf`) folded afresh from the events whose `metadata.occurredAt`
 * falls on or before that Shanghai day — the rule every as-of view follows.
 */
@Injectable()
export class ItemStreams {
  private readonly folds: { [K in ItemKind]: CachedFold<ItemFold<ItemKinds[K]>> };

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    const make = <K extends ItemKind>(kind: K) =>
      new CachedFold<ItemFold<ItemKinds[K]>>(
        store,
        () => ({ state: INITIAL[kind](), idempotency: new Map() }),
        fold(kind),
      );
    this.folds = { indicator: make('indicator'), project: make('project') };
  }

  async load<K extends ItemKind>(kind: K, streamId: string): Promise<LoadedItem<ItemKinds[K]>> {
    const { state, revision } = await (this.folds[kind] as CachedFold<ItemFold<ItemKinds[K]>>).load(streamId);
    return { ...state, revision };
  }

  /** State and revision as they stood at the end of `asOf` (undefined: now). */
  async at<K extends ItemKind>(
    kind: K,
    streamId: string,
    asOf: string | undefined,
  ): Promise<{ state: ItemKinds[K]; revision: bigint | undefined }> {
    if (asOf === undefined) return this.load(kind, streamId);
    const events = (await this.store.readStream(streamId)).filter((e) => {
      const day = shanghaiDay(e.metadata.occurredAt);
      return day !== undefined && day <= asOf;
    });
    return { state: events.reduce((s, e) => EVOLVE[kind](s, e), INITIAL[kind]()), revision: events.at(-1)?.revision };
  }
}
