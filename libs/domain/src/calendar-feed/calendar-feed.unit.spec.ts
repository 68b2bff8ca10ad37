import { BUNDLED_ECOLOGY_BUREAU as ECO, bundledPlan } from '../../../plan/src/testing/fixture-plans';
import type { Actor } from '../shared/message';
import { specFor } from '../testing/given-when-then';
import type { CalendarFeedCommand } from './calendar-feed.commands';
import { decideCalendarFeed } from './calendar-feed.decide';
import { MAX_LIVE_FEEDS_PER_DEPARTMENT, type CalendarFeedEvent } from './calendar-feed.events';
import { evolveCalendarFeeds, feedByKeyHash, initialCalendarFeeds, type CalendarFeeds } from './calendar-feed.state';

const NOW = '2024-03-28T10:00:00+08:00';
const PLAN = bundledPlan().id;
const OFFICE: Actor = { actorId: 'office', role: 'office' };
const CLERK: Actor = { actorId: 'clerk', role: 'department', department: ECO };
const OTHER: Actor = { actorId: 'other', role: 'department', department: '区城管局' };
const LEADER: Actor = { actorId: 'leader', role: 'leader' };
const hash = (n: number) => n.toString(16).padStart(64, '0');

const given = specFor<CalendarFeedCommand, CalendarFeedEvent, CalendarFeeds>({
  decide: decideCalendarFeed,
  evolve: evolveCalendarFeeds,
  initialState: initialCalendarFeeds,
});
const issue = (feedId: string, by: Actor, keyHash = hash(1), department = ECO): CalendarFeedCommand => ({
  type: 'IssueCalendarFeed',
  data: { feedId, planId: PLAN, department, keyHash },
  metadata: { actor: by, now: NOW },
});
const revoke = (feedId: string, by: Actor, department = ECO): CalendarFeedCommand => ({
  type: 'RevokeCalendarFeed',
  data: { feedId, planId: PLAN, department },
  metadata: { actor: by, now: NOW },
});
const issued = (feedId: string, by: Actor, keyHash = hash(1)): CalendarFeedEvent => ({
  type: 'CalendarFeedIssued',
  data: { feedId, planId: PLAN, department: ECO, keyHash, issuedBy: by, issuedAt: NOW },
});

describe('calendar feeds: capabilities issued and revoked one by one', () => {
  it('given nothing, when a clerk issues a feed for its department, then it is recorded by its key hash', () => {
    const state = given()
      .when(issue('f1', CLERK))
      .then([issued('f1', CLERK)]);
    expect(feedByKeyHash(state, hash(1))).toMatchObject({ feedId: 'f1', department: ECO });
  });

  it('when a clerk issues one for another department, then it is refused', () => {
    given().when(issue('f1', OTHER)).thenThrows('CALENDAR_FEED.OWN_DEPARTMENT_ONLY', 'forbidden');
  });

  it('given one feed, when another is issued, then both live; revoking one leaves the other', () => {
    const state = given([issued('f1', CLERK)])
      .when(issue('f2', OFFICE, hash(2)))
      .then([issued('f2', OFFICE, hash(2))]);
    const after = given([issued('f1', CLERK), issued('f2', OFFICE, hash(2))])
      .when(revoke('f1', OFFICE))
      .then([{ type: 'CalendarFeedRevoked', data: { feedId: 'f1', revokedBy: OFFICE, revokedAt: NOW } }]);
    expect(state.feeds.size).toBe(2);
    expect(after.feeds.get('f1')?.revoked).toEqual({ by: OFFICE, at: NOW });
    expect(after.feeds.get('f2')?.revoked).toBeUndefined();
  });

  it('lets the office and the department revoke; a leader neither issues nor revokes, another department cannot', () => {
    given([issued('f1', OFFICE)])
      .when(revoke('f1', CLERK))
      .then([expect.objectContaining({ type: 'CalendarFeedRevoked' })]);
    given([issued('f1', CLERK)])
      .when(revoke('f1', LEADER))
      .thenThrows('CALENDAR_FEED.NOT_ALLOWED', 'forbidden');
    given().when(issue('f1', LEADER)).thenThrows('CALENDAR_FEED.NOT_ALLOWED', 'forbidden');
    given([issued('f1', CLERK)])
      .when(revoke('f1', OTHER))
      .thenThrows('CALENDAR_FEED.OWN_DEPARTMENT_ONLY');
  });

  it('answers NOT_FOUND for an unknown feed or one of another department (ids do not cross routes)', () => {
    given().when(revoke('nope', OFFICE)).thenThrows('CALENDAR_FEED.NOT_FOUND', 'not_found');
    given([issued('f1', CLERK)])
      .when(revoke('f1', OFFICE, '区城管局'))
      .thenThrows('CALENDAR_FEED.NOT_FOUND');
  });

  it('given a revoked feed, when it is revoked again, then nothing happens', () => {
    const revoked: CalendarFeedEvent = {
      type: 'CalendarFeedRevoked',
      data: { feedId: 'f1', revokedBy: OFFICE, revokedAt: NOW },
    };
    given([issued('f1', CLERK), revoked])
      .when(revoke('f1', CLERK))
      .then([]);
  });

  it(`given ${MAX_LIVE_FEEDS_PER_DEPARTMENT} live feeds, when one more is issued, then it is refused until one is revoked`, () => {
    const many = Array.from({ length: MAX_LIVE_FEEDS_PER_DEPARTMENT }, (_, i) => issued(`f${i}`, CLERK, hash(i + 1)));
    given(many)
      .when(issue('extra', CLERK, hash(999)))
      .thenThrows('CALENDAR_FEED.TOO_MANY', 'conflict');
    const revoked: CalendarFeedEvent = {
      type: 'CalendarFeedRevoked',
      data: { feedId: 'f0', revokedBy: CLERK, revokedAt: NOW },
    };
    given([...many, revoked])
      .when(issue('extra', CLERK, hash(999)))
      .then([issued('extra', CLERK, hash(999))]);
  });

  it('refuses a reused key hash or feed id, a malformed hash and a bad time', () => {
    given([issued('f1', CLERK)])
      .when(issue('f2', CLERK, hash(1)))
      .thenThrows('CALENDAR_FEED.ALREADY_EXISTS');
    given()
      .when(issue('f1', CLERK, 'not-a-hash'))
      .thenThrows('CALENDAR_FEED.INVALID', 'invalid');
    given()
      .when({ ...issue('f1', CLERK), metadata: { actor: CLERK, now: 'yesterday' } })
      .thenThrows('CALENDAR_FEED.INVALID_TIME');
  });
});
