import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { forEachEvent } from '@zw/files';
import { InboxModel } from '@zw/projections';

/**
 * The inbox model of this process, folded from the log on demand: each question first reads
 * the log from where the last one stopped, so a notification caused by the command just
 * answered is in the next page. Every replica folds the same log and shows the same inbox.
 */
@Injectable()
export class InboxService {
  private readonly model = new InboxModel();
  private position: bigint | undefined;
  private tail: Promise<void> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async current(): Promise<InboxModel> {
    const run = this.tail.then(async () => {
      this.position = await forEachEvent(this.store, this.position, (event) => this.model.apply(event));
    });
    this.tail = run.catch(() => undefined);
    await run;
    return this.model;
  }
}
