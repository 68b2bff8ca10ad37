import { Inject, Injectable } from '@nestjs/common';
import { evolve, initialTaskState, type TaskEvent, type TaskState } from '@zw/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@zw/event-store';

/** A task stream folded up to `revision`, with the idempotency keys its events carry. */
export interface LoadedTask {
  readonly state: TaskState;
  readonly revision: bigint | undefined;
  /** `${actorId} ${key}` → the events that command appended. */
  readonly idempotency: ReadonlyMap<string, readonly RecordedEvent[]>;
}

const EMPTY: LoadedTask = { state: initialTaskState(), revision: undefined, idempotency: new Map() };

export function idempotencyId(actorId: string, key: string): string {
  return `${actorId} ${key}`;
}

/**
 * Folded task streams, kept between commands: a stream only grows, so a cached fold is a
 * prefix, and loading reads just the events after it (appended here, by another replica or
 * by the worker). Bounded; the least recently used stream is dropped first. Shared by the
 * command handler and the task reads.
 */
@Injectable()
export class TaskStreamCache {
  private readonly entries = new Map<string, LoadedTask>();
  private readonly maxEntries = 10_000;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(streamId: string): Promise<LoadedTask> {
    const cached = this.entries.get(streamId) ?? EMPTY;
    const from = cached.revision === undefined ? 0n : cached.revision + 1n;
    const fresh = await this.store.readStream(streamId, from);
    const loaded = fresh.length === 0 ? cached : fold(cached, fresh);
    this.remember(streamId, loaded);
    return loaded;
  }

  private remember(streamId: string, loaded: LoadedTask): void {
    if (loaded.revision === undefined) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, loaded);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

function fold(cached: LoadedTask, events: readonly RecordedEvent[]): LoadedTask {
  let state = cached.state;
  const idempotency = new Map(cached.idempotency);
  for (const e of events) {
    state = evolve(state, { type: e.type, data: e.data } as TaskEvent);
    const key = e.metadata.idempotencyKey;
    if (typeof key === 'string') {
      const id = idempotencyId(e.metadata.actorId, key);
      idempotency.set(id, [...(idempotency.get(id) ?? []), e]);
    }
  }
  return { state, revision: events.at(-1)!.revision, idempotency };
}
