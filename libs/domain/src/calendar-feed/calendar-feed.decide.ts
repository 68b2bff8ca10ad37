import { shanghaiDay } from '../shared/local-date';
import type { Actor, CommandMetadata } from '../shared/message';
import type { CalendarFeedCommand, IssueCalendarFeed, RevokeCalendarFeed } from './calendar-feed.commands';
import { calendarFeedError } from './calendar-feed.errors';
import { MAX_LIVE_FEEDS_PER_DEPARTMENT, type CalendarFeedEvent } from './calendar-feed.events';
import { feedsOf, type CalendarFeeds } from './calendar-feed.state';

const KEY_HASH = /^[0-9a-f]{64}$/;
const ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Who may issue and revoke is checked here too, not only at the route's gate. */
export function decideCalendarFeed(command: CalendarFeedCommand, state: CalendarFeeds): CalendarFeedEvent[] {
  switch (command.type) {
    case 'IssueCalendarFeed':
      return issue(command, state);
    case 'RevokeCalendarFeed':
      return revoke(command, state);
    default: {
      const never: never = command;
      throw new Error(`unknown command ${JSON.stringify(never)}`);
    }
  }
}

function issue(command: IssueCalendarFeed, state: CalendarFeeds): CalendarFeedEvent[] {
  const { feedId, planId, department, keyHash } = command.data;
  const now = nowOf(command.metadata);
  const actor = command.metadata.actor;
  if (!ID.test(feedId) || !ID.test(planId) || !isName(department) || !KEY_HASH.test(keyHash))
    throw calendarFeedError('CALENDAR_FEED.INVALID');
  requireOwnDepartment(actor, department);
  if (state.feeds.has(feedId) || state.byKeyHash.has(keyHash)) throw calendarFeedError('CALENDAR_FEED.ALREADY_EXISTS');
  const live = feedsOf(state, planId, department).filter((f) => !f.revoked).length;
  if (live >= MAX_LIVE_FEEDS_PER_DEPARTMENT)
    throw calendarFeedError('CALENDAR_FEED.TOO_MANY', { live, allowed: MAX_LIVE_FEEDS_PER_DEPARTMENT });
  return [
    { type: 'CalendarFeedIssued', data: { feedId, planId, department, keyHash, issuedBy: actor, issuedAt: now } },
  ];
}

/** Revoking a feed already revoked changes nothing (a retry is harmless). */
function revoke(command: RevokeCalendarFeed, state: CalendarFeeds): CalendarFeedEvent[] {
  const { feedId, planId, department } = command.data;
  const now = nowOf(command.metadata);
  const actor = command.metadata.actor;
  const feed = state.feeds.get(feedId);
  // A feed of another department or plan is "not found" here: ids do not cross routes.
  if (!feed || feed.planId !== planId || feed.department !== department)
    throw calendarFeedError('CALENDAR_FEED.NOT_FOUND');
  requireOwnDepartment(actor, feed.department);
  if (feed.revoked) return [];
  return [{ type: 'CalendarFeedRevoked', data: { feedId, revokedBy: actor, revokedAt: now } }];
}

/** The office for any department, a department for its own; leaders read feeds, they do not make them. */
function requireOwnDepartment(actor: Actor, department: string): void {
  if (actor.role === 'office') return;
  if (actor.role !== 'department') throw calendarFeedError('CALENDAR_FEED.NOT_ALLOWED');
  if (actor.department !== department) throw calendarFeedError('CALENDAR_FEED.OWN_DEPARTMENT_ONLY');
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 100;
}

function nowOf(metadata: CommandMetadata): string {
  if (!shanghaiDay(metadata.now)) throw calendarFeedError('CALENDAR_FEED.INVALID_TIME');
  return metadata.now;
}
