import { Inject, Injectable } from '@nestjs/common';
import {
  CALENDAR_FEEDS_STREAM,
  decideCalendarFeed,
  evolveCalendarFeeds,
  initialCalendarFeeds,
  type CalendarFeedCommand,
  type CalendarFeedEvent,
  type CalendarFeeds,
} from '@zw/domain';
import { CachedFold, EVENT_STORE, type EventMetadata, type EventStore, type RecordedEvent } from '@zw/event-store';
import { StreamCommands } from '../../tasks/stream-commands';

const KNOWN: ReadonlySet<string> = new Set<CalendarFeedEvent['type']>(['CalendarFeedIssued', 'CalendarFeedRevoked']);

/**
 * The feed-key stream: load → decide → append with the revision read, one command at a time in
 * this process, a race lost to another replica decided again. Reads fold only what was
 * appended since the last read, so a feed request costs one short read of the stream.
 */
@Injectable()
export class CalendarFeedStore {
  private readonly folds: CachedFold<CalendarFeeds>;
  private readonly commands = new StreamCommands();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.folds = new CachedFold(store, initialCalendarFeeds, (state, e: RecordedEvent) =>
      // An event type a newer writer added is skipped, never a crash.
      KNOWN.has(e.type) ? evolveCalendarFeeds(state, { type: e.type, data: e.data } as CalendarFeedEvent) : state,
    );
  }

  async load(): Promise<CalendarFeeds> {
    return (await this.folds.load(CALENDAR_FEEDS_STREAM)).state;
  }

  execute(
    command: CalendarFeedCommand,
    metadata: EventMetadata,
  ): Promise<{ events: CalendarFeedEvent[]; position?: bigint }> {
    return this.commands.run(CALENDAR_FEEDS_STREAM, undefined, async () => {
      const { state, revision } = await this.folds.load(CALENDAR_FEEDS_STREAM);
      const events = decideCalendarFeed(command, state);
      if (events.length === 0) return { events };
      const result = await this.store.append(
        CALENDAR_FEEDS_STREAM,
        events.map((e) => ({ type: e.type, data: e.data, metadata })),
        revision ?? 'no_stream',
      );
      return { events, position: result.position };
    });
  }
}
