import { DomainError } from '@zw/domain';
import { ConcurrencyError } from '@zw/event-store';
import { KeyedLock } from './keyed-lock';

/** Attempts when the client pinned no revision and another process's writer got there first. */
const MAX_ATTEMPTS = 5;

/**
 * How every command handler (tasks, indicators, projects) runs a decision on a stream: one at
 * a time per stream in this process, and a race lost to another process decided again on the
 * fresh state — unless the client pinned a revision with If-Match, when the 409 is theirs.
 */
export class StreamCommands {
  private readonly lock = new KeyedLock();

  run<T>(streamId: string, expectedRevision: bigint | undefined, attempt: () => Promise<T>): Promise<T> {
    return this.lock.run(streamId, async () => {
      for (let n = 1; ; n++) {
        try {
          return await attempt();
        } catch (error) {
          if (!(error instanceof ConcurrencyError) || expectedRevision !== undefined || n >= MAX_ATTEMPTS) throw error;
        }
      }
    });
  }
}

/**
 * Runs a decision; a conflict it refuses (409) carries the revision it was decided on, so the
 * client can refresh and retry with If-Match like after a stale one.
 */
export function withRevision<T>(revision: bigint | undefined, decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'conflict') throw error;
    const currentRevision = revision === undefined ? null : revision.toString();
    throw new DomainError(error.code, error.kind, error.message, { ...error.details, currentRevision });
  }
}
