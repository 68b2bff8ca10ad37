import type { UserCommand, UserCommandType } from './user.commands';
import { decideUser } from './user.decide';
import type { UserEvent, UserEventType } from './user.events';
import { evolveUser, foldUser, initialUserState, type UserStatus } from './user.state';
import {
  admin,
  created,
  disabled,
  given,
  passwordHash,
  self,
  system,
  token,
  TWO_SESSIONS,
  ZHANG,
} from './testing/user.fixtures';

/**
 * Every command in every status, each given by the actor entitled to it: the event it causes
 * or the error that refuses it. The table is the state machine; the specs beside it tell why.
 */
const STATES: Record<UserStatus, UserEvent[]> = {
  absent: [],
  active: TWO_SESSIONS,
  disabled: [...TWO_SESSIONS, disabled(['laptop', 'phone'])],
};

const COMMANDS: Record<UserCommandType, UserCommand> = {
  CreateUser: {
    type: 'CreateUser',
    data: {
      username: ZHANG.username,
      displayName: ZHANG.displayName,
      role: 'department',
      department: ZHANG.department!,
      organisationId: ZHANG.organisationId!,
      passwordHash: passwordHash(),
    },
    metadata: admin(),
  },
  // The fixtures' accounts are bound already: binding elsewhere is refused (the upgrade binds
  // only accounts from before organisations, user.organisation.unit.spec.ts).
  BindToOrganisation: {
    type: 'BindToOrganisation',
    data: { organisationId: 'district-b', reason: '升级' },
    metadata: system(),
  },
  DisableUser: { type: 'DisableUser', data: { reason: '调离岗位' }, metadata: admin() },
  EnableUser: { type: 'EnableUser', data: {}, metadata: admin() },
  ChangePassword: { type: 'ChangePassword', data: { passwordHash: passwordHash(2) }, metadata: self(ZHANG) },
  RehashPassword: {
    type: 'RehashPassword',
    data: { passwordHash: passwordHash(2), replaces: passwordHash() },
    metadata: self(ZHANG),
  },
  IssueRefreshToken: {
    type: 'IssueRefreshToken',
    data: { familyId: 'tablet', tokenHash: token('a1'), expiresAt: '2024-04-27T10:00:00+08:00' },
    metadata: self(ZHANG),
  },
  RotateRefreshToken: {
    type: 'RotateRefreshToken',
    data: { tokenHash: token('t2'), newTokenHash: token('t3'), expiresAt: '2024-04-27T10:00:00+08:00' },
    metadata: self(ZHANG),
  },
  RevokeRefreshToken: { type: 'RevokeRefreshToken', data: { tokenHash: token('t2') }, metadata: self(ZHANG) },
  MarkNotificationsRead: { type: 'MarkNotificationsRead', data: { upTo: '12' }, metadata: self(ZHANG) },
};

type Outcome = UserEventType | 'nothing' | `${'USER' | 'SESSION'}.${string}`;
const TABLE: Record<UserCommandType, Record<UserStatus, Outcome>> = {
  CreateUser: { absent: 'UserCreated', active: 'USER.ALREADY_EXISTS', disabled: 'USER.ALREADY_EXISTS' },
  BindToOrganisation: {
    absent: 'USER.NOT_FOUND',
    active: 'USER.ORGANISATION_BOUND',
    disabled: 'USER.ORGANISATION_BOUND',
  },
  DisableUser: { absent: 'USER.NOT_FOUND', active: 'UserDisabled', disabled: 'USER.ALREADY_DISABLED' },
  EnableUser: { absent: 'USER.NOT_FOUND', active: 'USER.NOT_DISABLED', disabled: 'UserEnabled' },
  ChangePassword: { absent: 'USER.NOT_FOUND', active: 'PasswordChanged', disabled: 'USER.DISABLED' },
  RehashPassword: { absent: 'USER.NOT_FOUND', active: 'PasswordRehashed', disabled: 'USER.DISABLED' },
  IssueRefreshToken: { absent: 'USER.NOT_FOUND', active: 'RefreshTokenIssued', disabled: 'USER.DISABLED' },
  RotateRefreshToken: { absent: 'USER.NOT_FOUND', active: 'RefreshTokenRotated', disabled: 'USER.DISABLED' },
  RevokeRefreshToken: { absent: 'USER.NOT_FOUND', active: 'RefreshTokenRevoked', disabled: 'nothing' },
  MarkNotificationsRead: { absent: 'USER.NOT_FOUND', active: 'NotificationsRead', disabled: 'USER.DISABLED' },
};

const cases = (Object.keys(TABLE) as UserCommandType[]).flatMap((type) =>
  (Object.keys(STATES) as UserStatus[]).map((status) => [type, status, TABLE[type][status]] as const),
);

it.each(cases)('%s when %s → %s', (type, status, outcome) => {
  const when = given(STATES[status]).when(COMMANDS[type]);
  if (outcome === 'nothing') {
    when.then([]);
  } else if (outcome.includes('.')) {
    when.thenThrows(outcome);
  } else {
    const events = decideUser(COMMANDS[type], foldUser(STATES[status]));
    expect(events.map((e) => e.type)).toEqual([outcome]);
    expect(when.then(events)).not.toEqual(foldUser(STATES[status])); // and the event changes the state
  }
});

describe('evolveUser', () => {
  const ALL_EVENTS: UserEvent[] = [
    created(),
    disabled(),
    { type: 'UserEnabled', data: { enabledAt: '2024-03-21T09:00:00+08:00' } },
    {
      type: 'PasswordChanged',
      data: {
        passwordHash: passwordHash(3),
        reset: false,
        revokedFamilyIds: [],
        changedAt: '2024-03-22T09:00:00+08:00',
      },
    },
    {
      type: 'RefreshTokenIssued',
      data: {
        familyId: 'f',
        tokenHash: token('f1'),
        expiresAt: '2024-04-27T10:00:00+08:00',
        issuedAt: '2024-03-22T09:00:00+08:00',
      },
    },
    {
      type: 'RefreshTokenRotated',
      data: {
        familyId: 'f',
        previousTokenHash: token('f1'),
        tokenHash: token('f2'),
        expiresAt: '2024-04-27T10:00:00+08:00',
        rotatedAt: '2024-03-23T09:00:00+08:00',
      },
    },
    {
      type: 'RefreshTokenReuseDetected',
      data: { familyId: 'f', tokenHash: token('f1'), detectedAt: '2024-03-24T09:00:00+08:00' },
    },
    {
      type: 'RefreshTokenRevoked',
      data: { familyId: 'f', tokenHash: token('f2'), revokedAt: '2024-03-25T09:00:00+08:00' },
    },
    { type: 'PasswordRehashed', data: { passwordHash: passwordHash(4), rehashedAt: '2024-03-26T09:00:00+08:00' } },
  ];

  it.each(ALL_EVENTS.slice(1))('leaves an absent account absent on %p', (event) => {
    expect(evolveUser(initialUserState(), event)).toEqual(initialUserState());
  });

  it('ignores a second UserCreated and session events for families it does not know', () => {
    const state = foldUser([created()]);
    expect(evolveUser(state, created({ ...ZHANG, displayName: '别人' }))).toBe(state);
    expect(evolveUser(state, ALL_EVENTS[5]!)).toBe(state);
  });

  it('folds a whole life without error', () => {
    expect(foldUser(ALL_EVENTS).status).toBe('active');
  });
});
