import type { EventStore, RecordedEvent } from './event-store.port';

export interface Folded<S> {
  readonly state: S;
  /** Revision of the last event folded; undefined for a stream with no events. */
  readonly revision: bigint | undefined;
}

/**
 * Streams folded into state and kept between reads: a stream only grows, so a cached fold is
 * a prefix and loading reads just the events after it (appended by this process, another
 * replica or the worker). Bounded; the least recently used stream is dropped first.
 */
export class CachedFold<S> {
  private readonly entries = new Map<string, Folded<S>>();

  constructor(
    private readonly store: EventStore,
    private readonly initial: () => S,
    private readonly evolve: (state: S, event: RecordedEvent) => S,
    private readonly maxEntries = 10_000,
  ) {}

  async load(streamId: string): Promise<Folded<S>> {
    const cached = this.entries.get(streamId) ?? { state: this.initial(), revision: undefined };
    const fresh = await this.store.readStream(streamId, cached.revision === undefined ? 0n : cached.revision + 1n);
    if (fresh.length === 0) {
      if (cached.revision !== undefined) this.touch(streamId, cached);
      return cached;
    }
    const loaded = { state: fresh.reduce(this.evolve, cached.state), revision: fresh.at(-1)!.revision };
    this.touch(streamId, loaded);
    return loaded;
  }

  private touch(streamId: string, folded: Folded<S>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, folded);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
