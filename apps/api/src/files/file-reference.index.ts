import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { fileReferencesOf, forEachEvent } from '@zw/files';

/**
 * Which streams reference each uploaded file, folded from the log on demand: every question
 * first reads the log from where the last one stopped, so a file referenced by the command just
 * answered is known to the next download (read-your-writes without a subscription).
 */
@Injectable()
export class FileReferenceIndex {
  private position: bigint | undefined;
  private readonly streams = new Map<string, Set<string>>();
  private tail: Promise<void> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async streamsReferencing(fileId: string): Promise<string[]> {
    // One catch-up at a time: two readers folding the same pages would count them twice.
    const run = this.tail.then(() => this.catchUp());
    this.tail = run.catch(() => undefined);
    await run;
    return [...(this.streams.get(fileId) ?? [])];
  }

  private async catchUp(): Promise<void> {
    this.position = await forEachEvent(this.store, this.position, (event) => {
      for (const ref of fileReferencesOf(event)) {
        const set = this.streams.get(ref.sha256) ?? new Set<string>();
        set.add(event.streamId);
        this.streams.set(ref.sha256, set);
      }
    });
  }
}
