/**
 * Folded stream states kept between events, each with the revision it was folded to, so the
 * next event of a stream needs no read. Bounded: the stream least recently used goes first.
 */
export class StateCache<S> {
  private readonly entries = new Map<string, { readonly revision: bigint; readonly state: S }>();

  constructor(private readonly maxEntries = 10_000) {}

  /** The state folded up to exactly `revision`, if that is what is kept. */
  at(streamId: string, revision: bigint): S | undefined {
    const cached = this.entries.get(streamId);
    return cached?.revision === revision ? cached.state : undefined;
  }

  get(streamId: string): { readonly revision: bigint; readonly state: S } | undefined {
    return this.entries.get(streamId);
  }

  set(streamId: string, revision: bigint, state: S): void {
    // Maps iterate in insertion order: re-inserting on every use keeps the oldest first.
    this.entries.delete(streamId);
    this.entries.set(streamId, { revision, state });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
