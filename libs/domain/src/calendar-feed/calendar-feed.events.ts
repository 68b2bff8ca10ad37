import type { Actor, Event } from '../shared/message';
import type { Instant } from '../shared/local-date';

/**
 * A calendar feed is a capability: whoever holds its URL reads one department's deadlines of
 * one plan, with no login (calendar apps cannot log in). Each feed is a random key issued on
 * request and recorded here by the SHA-256 of the key only; several may exist for one
 * department (a phone, an Outlook, a colleague's), and each is revoked alone.
 */
export type CalendarFeedIssued = Event<
  'CalendarFeedIssued',
  {
    readonly feedId: string;
    readonly planId: string;
    readonly department: string;
    /** SHA-256 (hex) of the key in the URL: the stream never holds a usable key. */
    readonly keyHash: string;
    readonly issuedBy: Actor;
    readonly issuedAt: Instant;
  }
>;

export type CalendarFeedRevoked = Event<
  'CalendarFeedRevoked',
  {
    readonly feedId: string;
    readonly revokedBy: Actor;
    readonly revokedAt: Instant;
  }
>;

export type CalendarFeedEvent = CalendarFeedIssued | CalendarFeedRevoked;
export type CalendarFeedEventType = CalendarFeedEvent['type'];

/** Every feed of every plan in one stream: feeds are few, and a key must be found without knowing its plan. */
export const CALENDAR_FEEDS_STREAM = 'calendar-feeds';

/** Live feeds one department may have in one plan: enough for every device, not a leak of thousands. */
export const MAX_LIVE_FEEDS_PER_DEPARTMENT = 20;
