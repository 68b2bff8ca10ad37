import type { Actor } from '../shared/message';
import type { Instant } from '../shared/local-date';
import type { CalendarFeedEvent } from './calendar-feed.events';

export interface CalendarFeed {
  readonly feedId: string;
  readonly planId: string;
  readonly department: string;
  readonly keyHash: string;
  readonly issuedBy: Actor;
  readonly issuedAt: Instant;
  readonly revoked?: { readonly by: Actor; readonly at: Instant };
}

export interface CalendarFeeds {
  readonly feeds: ReadonlyMap<string, CalendarFeed>;
  /** keyHash → feedId: how a request's key finds its feed. */
  readonly byKeyHash: ReadonlyMap<string, string>;
}

export function initialCalendarFeeds(): CalendarFeeds {
  return { feeds: new Map(), byKeyHash: new Map() };
}

export function evolveCalendarFeeds(state: CalendarFeeds, event: CalendarFeedEvent): CalendarFeeds {
  switch (event.type) {
    case 'CalendarFeedIssued': {
      const { feedId, planId, department, keyHash, issuedBy, issuedAt } = event.data;
      const feed: CalendarFeed = { feedId, planId, department, keyHash, issuedBy, issuedAt };
      return {
        feeds: new Map(state.feeds).set(feedId, feed),
        byKeyHash: new Map(state.byKeyHash).set(keyHash, feedId),
      };
    }
    case 'CalendarFeedRevoked': {
      const feed = state.feeds.get(event.data.feedId);
      if (!feed) return state;
      const revoked = { ...feed, revoked: { by: event.data.revokedBy, at: event.data.revokedAt } };
      return { ...state, feeds: new Map(state.feeds).set(feed.feedId, revoked) };
    }
    default: {
      // A newer writer's event type: skipped, as every reader of the log does.
      const skipped: never = event;
      void skipped;
      return state;
    }
  }
}

/** The feed a key's hash names, live or not. */
export function feedByKeyHash(state: CalendarFeeds, keyHash: string): CalendarFeed | undefined {
  const feedId = state.byKeyHash.get(keyHash);
  return feedId === undefined ? undefined : state.feeds.get(feedId);
}

/** One department's feeds in one plan, oldest first. */
export function feedsOf(state: CalendarFeeds, planId: string, department: string): CalendarFeed[] {
  return [...state.feeds.values()].filter((f) => f.planId === planId && f.department === department);
}
