import type { UserCommand } from './user.commands';
import type { UserEvent } from './user.events';
import {
  admin,
  created,
  disabled,
  given,
  LI,
  NOW,
  OLD_COST,
  passwordHash,
  self,
  TWO_SESSIONS,
  ZHANG,
} from './testing/user.fixtures';

/** 张伟's account as it was before the cost was raised: the same life, an older hash. */
const OLD_HASH = passwordHash(1, OLD_COST);
const oldAccount = (): UserEvent[] => [created(ZHANG, true, OLD_HASH), ...TWO_SESSIONS.slice(1)];
const rehash = (metadata = self(ZHANG), replaces = OLD_HASH, hash = passwordHash(2)): UserCommand => ({
  type: 'RehashPassword',
  data: { passwordHash: hash, replaces },
  metadata,
});

describe('rehashing a password after a login', () => {
  it('given an account with an old-cost hash, when its user logs in, then the new hash replaces it and nothing else changes', () => {
    const before = given(oldAccount()).state();
    const state = given(oldAccount())
      .when(rehash())
      .then([{ type: 'PasswordRehashed', data: { passwordHash: passwordHash(2), rehashedAt: NOW } }]);
    if (state.status !== 'active' || before.status !== 'active') throw new Error('expected active accounts');
    expect(state.user).toEqual({ ...before.user, passwordHash: passwordHash(2) });
    // The same password: the laptop and the phone stay logged in, unlike after a change.
    expect(state.sessions).toEqual(before.sessions);
    expect([...state.sessions.families.keys()]).toEqual(['laptop', 'phone']);
    expect(state.user.mustChangePassword).toBe(true);
  });

  it('decides nothing when the hash is no longer the one the login verified (a change or reset won the race)', () => {
    const reset = {
      type: 'PasswordChanged',
      data: { passwordHash: passwordHash(3), reset: true, revokedFamilyIds: [], changedAt: NOW },
    } as const;
    given([...oldAccount(), reset])
      .when(rehash())
      .then([]);
  });

  it('decides nothing when the hash is the same', () => {
    given(oldAccount())
      .when(rehash(self(ZHANG), OLD_HASH, OLD_HASH))
      .then([]);
  });

  it('is the account’s own: not an admin, not another user, not a disabled or absent account', () => {
    given(oldAccount()).when(rehash(admin())).thenThrows('USER.SELF_ONLY', 'forbidden');
    given(oldAccount())
      .when(rehash(self(LI)))
      .thenThrows('USER.SELF_ONLY', 'forbidden');
    given([...oldAccount(), disabled(['laptop', 'phone'])])
      .when(rehash())
      .thenThrows('USER.DISABLED', 'forbidden');
    given([]).when(rehash()).thenThrows('USER.NOT_FOUND', 'not_found');
  });

  it('refuses anything but a hash', () => {
    given(oldAccount())
      .when(rehash(self(ZHANG), OLD_HASH, 'Zhang-Wei-2024!'))
      .thenThrows('USER.INVALID_PASSWORD_HASH', 'invalid');
  });
});
