import { Inject, Injectable } from '@nestjs/common';
import { decodeTaskEvent, evolve, initialTaskState, type TaskState } from '@zw/domain';
import { CachedFold, decodeKnown, EVENT_STORE, type EventStore, type RecordedEvent } from '@zw/event-store';
import { idempotencyId } from '../http/idempotency';

/** A task stream folded up to `revision`, with the idempotency keys its events carry. */
export interface LoadedTask {
  readonly state: TaskState;
  readonly revision: bigint | undefined;
  /** `${actorId} ${key}` → the events that command appended. */
  readonly idempotency: ReadonlyMap<string, readonly RecordedEvent[]>;
}

type TaskFold = Omit<LoadedTask, 'revision'>;

/** Folded task streams, shared by the command handler and the task reads. */
@Injectable()
export class TaskStreamCache {
  private readonly folds: CachedFold<TaskFold>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.folds = new CachedFold<TaskFold>(
      store,
      () => ({ state: initialTaskState(), idempotency: new Map() }),
      foldEvent,
    );
  }

  async load(streamId: string): Promise<LoadedTask> {
    const { state, revision } = await this.folds.load(streamId);
    return { ...state, revision };
  }
}

function foldEvent(fold: TaskFold, e: RecordedEvent): TaskFold {
  // A type this version does not know (a newer writer's): skipped, logged once, counted.
  const event = decodeKnown(e, decodeTaskEvent);
  const state = event ? evolve(fold.state, event) : fold.state;
  const key = e.metadata.idempotencyKey;
  if (typeof key !== 'string') return { state, idempotency: fold.idempotency };
  const id = idempotencyId(e.metadata.actorId, key);
  // Copied only for keyed events: the cached fold other readers hold must not change under them.
  return { state, idempotency: new Map(fold.idempotency).set(id, [...(fold.idempotency.get(id) ?? []), e]) };
}
