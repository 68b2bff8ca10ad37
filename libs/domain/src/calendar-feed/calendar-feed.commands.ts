import type { Command } from '../shared/message';

/** The application draws the id and the key; the domain sees only the key's hash. */
export type IssueCalendarFeed = Command<
  'IssueCalendarFeed',
  { readonly feedId: string; readonly planId: string; readonly department: string; readonly keyHash: string }
>;

/** `planId` and `department` are those of the route: a feed is revoked only where it was issued. */
export type RevokeCalendarFeed = Command<
  'RevokeCalendarFeed',
  { readonly feedId: string; readonly planId: string; readonly department: string }
>;

export type CalendarFeedCommand = IssueCalendarFeed | RevokeCalendarFeed;
