import { hashToken } from '../password';
import { refusedRotation } from './decide.sessions';
import type { UserCommand } from './user.commands';
import { decideUser } from './user.decide';
import { foldUser, isTokenValid, liveFamilies } from './user.state';
import {
  admin,
  created,
  disabled,
  EXPIRES,
  given,
  issued,
  LI,
  NOW,
  passwordHash,
  rotated,
  self,
  token,
  TWO_SESSIONS,
  ZHANG,
} from './testing/user.fixtures';

const issue = (familyId = 'tablet', tokenName = 'a1', expiresAt = EXPIRES, metadata = self(ZHANG)): UserCommand => ({
  type: 'IssueRefreshToken',
  data: { familyId, tokenHash: token(tokenName), expiresAt },
  metadata,
});
const rotate = (
  from: string,
  to: string,
  now = NOW,
  metadata = self(ZHANG, now),
  expiresAt = EXPIRES,
): UserCommand => ({
  type: 'RotateRefreshToken',
  data: { tokenHash: token(from), newTokenHash: token(to), expiresAt },
  metadata,
});
const revoke = (name: string, metadata = self(ZHANG)): UserCommand => ({
  type: 'RevokeRefreshToken',
  data: { tokenHash: token(name) },
  metadata,
});
const AFTER_EXPIRY = '2024-04-27T10:00:00+08:00';
const late = (from: string, to: string) =>
  rotate(from, to, AFTER_EXPIRY, self(ZHANG, AFTER_EXPIRY), '2024-06-01T00:00:00+08:00');

describe('logging in: a token family is issued', () => {
  it('given an active user, when it logs in, then its token is valid until it expires, and no longer', () => {
    const state = given([created()])
      .when(issue())
      .then([
        {
          type: 'RefreshTokenIssued',
          data: { familyId: 'tablet', tokenHash: token('a1'), expiresAt: EXPIRES, issuedAt: NOW },
        },
      ]);
    expect(isTokenValid(state, token('a1'), NOW)).toBe(true);
    expect(isTokenValid(state, token('a1'), '2024-04-27T09:59:59+08:00')).toBe(true);
    expect(isTokenValid(state, token('a1'), AFTER_EXPIRY)).toBe(false);
    // Offsets are honoured: 02:00Z is 10:00 in Shanghai.
    expect(isTokenValid(state, token('a1'), '2024-04-27T02:00:00Z')).toBe(false);
    expect(isTokenValid(state, token('zz'), NOW)).toBe(false);
  });

  it('refuses anyone but the user, a disabled user, and an absent one', () => {
    given([created()])
      .when(issue(undefined, undefined, undefined, self(LI)))
      .thenThrows('USER.SELF_ONLY', 'forbidden');
    given([created()])
      .when(issue(undefined, undefined, undefined, admin()))
      .thenThrows('USER.SELF_ONLY', 'forbidden');
    given([created(), disabled()]).when(issue()).thenThrows('USER.DISABLED', 'forbidden');
    given([]).when(issue()).thenThrows('USER.NOT_FOUND', 'not_found');
  });

  it.each<[string, UserCommand]>([
    ['a blank family id', issue(' ')],
    [
      'a token that is not a SHA-256 digest',
      { ...issue(), data: { familyId: 'f', tokenHash: 'refresh-token-a1', expiresAt: EXPIRES } } as UserCommand,
    ],
    [
      'an upper-case digest',
      {
        ...issue(),
        data: { familyId: 'f', tokenHash: hashToken('x').toUpperCase(), expiresAt: EXPIRES },
      } as UserCommand,
    ],
    ['an expiry already past', issue('f', 'a1', '2024-03-28T09:59:59+08:00')],
    ['an expiry that is no time', issue('f', 'a1', '2024-04-31')],
  ])('refuses %s', (_, command) => {
    given([created()]).when(command).thenThrows('USER.INVALID_TOKEN', 'invalid');
  });

  it('refuses a family id or token digest already used', () => {
    given(TWO_SESSIONS).when(issue('laptop', 'new')).thenThrows('USER.TOKEN_EXISTS', 'conflict');
    given(TWO_SESSIONS).when(issue('tablet', 't1')).thenThrows('USER.TOKEN_EXISTS', 'conflict');
  });

  it('forgets families already dead at the next login, so the state grows with live sessions only', () => {
    const events = [
      ...TWO_SESSIONS,
      { type: 'RefreshTokenRevoked' as const, data: { familyId: 'phone', tokenHash: token('p1'), revokedAt: NOW } },
    ];
    const state = given(events)
      .when(issue('tablet', 'a1', '2024-06-01T00:00:00+08:00', self(ZHANG, AFTER_EXPIRY)))
      .then([
        {
          type: 'RefreshTokenIssued',
          data: {
            familyId: 'tablet',
            tokenHash: token('a1'),
            expiresAt: '2024-06-01T00:00:00+08:00',
            issuedAt: AFTER_EXPIRY,
          },
        },
      ]);
    expect(state.status === 'active' && [...state.sessions.families.keys()]).toEqual(['tablet']);
    expect(state.status === 'active' && [...state.sessions.tokens.values()]).toEqual(['tablet']);
  });
});

describe('refreshing: the token rotates', () => {
  it('given the laptop at t2, when t2 is exchanged for t3, then only t3 is valid', () => {
    const state = given(TWO_SESSIONS)
      .when(rotate('t2', 't3'))
      .then([
        {
          type: 'RefreshTokenRotated',
          data: {
            familyId: 'laptop',
            previousTokenHash: token('t2'),
            tokenHash: token('t3'),
            expiresAt: EXPIRES,
            rotatedAt: NOW,
          },
        },
      ]);
    expect([token('t1'), token('t2'), token('t3'), token('p1')].map((t) => isTokenValid(state, t, NOW))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('given t1 was already exchanged, when t1 comes back, then the theft alarm revokes the whole laptop family and nothing else', () => {
    const before = given(TWO_SESSIONS).state();
    const state = given(TWO_SESSIONS)
      .when(rotate('t1', 'x1'))
      .then([
        { type: 'RefreshTokenReuseDetected', data: { familyId: 'laptop', tokenHash: token('t1'), detectedAt: NOW } },
      ]);
    expect(refusedRotation(decideUser(rotate('t1', 'x1'), before))).toBe(true);
    expect(isTokenValid(state, token('t2'), NOW)).toBe(false); // the holder of the current token is logged out too
    expect(isTokenValid(state, token('p1'), NOW)).toBe(true);
    expect(liveFamilies(state, NOW).map((f) => f.familyId)).toEqual(['phone']);
  });

  it('after the alarm, neither the thief nor the user can refresh the family again', () => {
    const alarm = {
      type: 'RefreshTokenReuseDetected' as const,
      data: { familyId: 'laptop', tokenHash: token('t1'), detectedAt: NOW },
    };
    given([...TWO_SESSIONS, alarm])
      .when(rotate('t2', 't3'))
      .thenThrows('SESSION.TOKEN_REVOKED', 'forbidden');
    const refused = given([...TWO_SESSIONS, alarm])
      .when(rotate('t1', 't3'))
      .thenThrows('SESSION.TOKEN_REVOKED', 'forbidden');
    // The session id is for the log only (the api never answers it).
    expect(refused.details).toEqual({});
    expect(refused.internal).toMatchObject({ familyId: 'laptop' });
  });

  it('a normal rotation is no alarm', () => {
    expect(refusedRotation(decideUser(rotate('t2', 't3'), foldUser(TWO_SESSIONS)))).toBe(false);
  });

  it('refuses an unknown token, an expired family, a new digest already known, another user and a disabled one', () => {
    given(TWO_SESSIONS).when(rotate('nope', 't3')).thenThrows('SESSION.TOKEN_UNKNOWN', 'forbidden');
    given(TWO_SESSIONS).when(late('t2', 't3')).thenThrows('SESSION.TOKEN_EXPIRED', 'forbidden');
    given(TWO_SESSIONS).when(late('t1', 't3')).thenThrows('SESSION.TOKEN_EXPIRED', 'forbidden');
    given(TWO_SESSIONS)
      .when(rotate('t2', 't3', NOW, self(ZHANG), NOW))
      .thenThrows('USER.INVALID_TOKEN', 'invalid');
    given(TWO_SESSIONS).when(rotate('t2', 'p1')).thenThrows('USER.TOKEN_EXISTS', 'conflict');
    given(TWO_SESSIONS)
      .when(rotate('t2', 't3', NOW, self(LI)))
      .thenThrows('USER.SELF_ONLY', 'forbidden');
    given([...TWO_SESSIONS, disabled(['laptop', 'phone'])])
      .when(rotate('t2', 't3'))
      .thenThrows('USER.DISABLED', 'forbidden');
  });

  it('extends the family by the rotation’s expiry', () => {
    const state = given([created(), issued('f', 'a', NOW, '2024-03-29T10:00:00+08:00')])
      .when({
        type: 'RotateRefreshToken',
        data: { tokenHash: token('a'), newTokenHash: token('b'), expiresAt: EXPIRES },
        metadata: self(ZHANG),
      })
      .then([
        {
          type: 'RefreshTokenRotated',
          data: {
            familyId: 'f',
            previousTokenHash: token('a'),
            tokenHash: token('b'),
            expiresAt: EXPIRES,
            rotatedAt: NOW,
          },
        },
      ]);
    expect(isTokenValid(state, token('b'), '2024-04-01T00:00:00+08:00')).toBe(true);
  });
});

describe('logging out: the family is revoked', () => {
  it('given two sessions, when the laptop logs out, then only the phone stays', () => {
    const state = given(TWO_SESSIONS)
      .when(revoke('t2'))
      .then([{ type: 'RefreshTokenRevoked', data: { familyId: 'laptop', tokenHash: token('t2'), revokedAt: NOW } }]);
    expect(isTokenValid(state, token('t2'), NOW)).toBe(false);
    expect(isTokenValid(state, token('p1'), NOW)).toBe(true);
  });

  it('is idempotent: an unknown token, a family already revoked, or a disabled user leave nothing to do', () => {
    const loggedOut = {
      type: 'RefreshTokenRevoked' as const,
      data: { familyId: 'laptop', tokenHash: token('t2'), revokedAt: NOW },
    };
    given(TWO_SESSIONS).when(revoke('nope')).then([]);
    given([...TWO_SESSIONS, loggedOut])
      .when(revoke('t2'))
      .then([]);
    given([...TWO_SESSIONS, disabled(['laptop', 'phone'])])
      .when(revoke('t2'))
      .then([]);
  });

  it('lets an admin end a user’s session, not another user', () => {
    given(TWO_SESSIONS)
      .when(revoke('p1', admin()))
      .then([{ type: 'RefreshTokenRevoked', data: { familyId: 'phone', tokenHash: token('p1'), revokedAt: NOW } }]);
    given(TWO_SESSIONS)
      .when(revoke('p1', self(LI)))
      .thenThrows('USER.SELF_OR_ADMIN_ONLY', 'forbidden');
  });
});

describe('tokens of a disabled user are never valid', () => {
  it('not while disabled, and not after it is enabled again', () => {
    const off = foldUser([...TWO_SESSIONS, disabled(['laptop', 'phone'])]);
    expect(isTokenValid(off, token('t2'), NOW)).toBe(false);
    expect(isTokenValid(off, token('p1'), NOW)).toBe(false);
    const on = foldUser([
      ...TWO_SESSIONS,
      disabled(['laptop', 'phone']),
      { type: 'UserEnabled', data: { enabledAt: NOW } },
    ]);
    expect(isTokenValid(on, token('p1'), NOW)).toBe(false);
  });

  it('nor after a password change', () => {
    const state = foldUser([
      ...TWO_SESSIONS,
      {
        type: 'PasswordChanged',
        data: { passwordHash: passwordHash(2), reset: true, revokedFamilyIds: ['laptop', 'phone'], changedAt: NOW },
      },
    ]);
    expect(isTokenValid(state, token('p1'), NOW)).toBe(false);
  });
});

it('rotated() fixture and rotation agree', () => {
  given([created(), issued('laptop', 't1'), issued('phone', 'p1')])
    .when(rotate('t1', 't2', '2024-03-10T08:00:00+08:00'))
    .then([rotated('laptop', 't1', 't2')]);
});
