import { StoreUnavailableError, toStoreUnavailable } from './event-store.errors';
import type { CheckpointStore, EventStore } from './event-store.port';

/** Checkpoint written by readiness while writes are failing: a write that succeeds again clears the state. */
export const WRITE_PROBE_CHECKPOINT = 'store-write-probe';

/**
 * Any adapter, with its write failures made one thing: an append (or checkpoint) refused for
 * lack of space or because the store is failing throws `StoreUnavailableError`, and the store
 * counts as not writable — `ping()` (readiness) fails — until a write succeeds again; while it
 * is failing, `ping()` itself tries a small write so it recovers without waiting for a user.
 * `onChange` hears each transition once (down with the reason, back up), not every failure.
 */
export class WriteGuardedEventStore implements EventStore {
  private failure: StoreUnavailableError | undefined;
  readonly checkpoints: CheckpointStore;

  constructor(
    /** The adapter underneath (tests check which one the module chose). */
    readonly adapter: EventStore,
    private readonly onChange: (failure: StoreUnavailableError | undefined) => void = () => undefined,
  ) {
    this.checkpoints = {
      load: (subscriberId) => adapter.checkpoints.load(subscriberId),
      store: (subscriberId, position) => this.write(() => adapter.checkpoints.store(subscriberId, position)),
    };
  }

  /** Why writes fail now, or undefined when the last write succeeded. */
  get writeFailure(): StoreUnavailableError | undefined {
    return this.failure;
  }

  append(...args: Parameters<EventStore['append']>): ReturnType<EventStore['append']> {
    return this.write(() => this.adapter.append(...args));
  }

  readStream(...args: Parameters<EventStore['readStream']>): ReturnType<EventStore['readStream']> {
    return this.adapter.readStream(...args);
  }

  readAll(...args: Parameters<EventStore['readAll']>): ReturnType<EventStore['readAll']> {
    return this.adapter.readAll(...args);
  }

  subscribe(...args: Parameters<EventStore['subscribe']>): ReturnType<EventStore['subscribe']> {
    return this.adapter.subscribe(...args);
  }

  async ping(): Promise<void> {
    await this.adapter.ping();
    if (this.failure) await this.write(() => this.adapter.checkpoints.store(WRITE_PROBE_CHECKPOINT, 0n));
  }

  close(): Promise<void> {
    return this.adapter.close();
  }

  private async write<T>(run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      if (this.failure) {
        this.failure = undefined;
        this.onChange(undefined);
      }
      return result;
    } catch (error) {
      const unavailable = toStoreUnavailable(error);
      if (!unavailable) throw error;
      if (!this.failure) this.onChange(unavailable);
      this.failure = unavailable;
      throw unavailable;
    }
  }
}
