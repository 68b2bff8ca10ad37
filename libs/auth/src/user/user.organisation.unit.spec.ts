import type { UserCommand } from './user.commands';
import type { UserEvent } from './user.events';
import { foldUser } from './user.state';
import { admin, created, given, NOW, ORG, passwordHash, system, ZHANG } from './testing/user.fixtures';

/** An account as it was created before organisations: its UserCreated names none. */
const { organisationId: _, ...legacyAccount } = ZHANG;
const LEGACY: UserEvent = {
  type: 'UserCreated',
  data: { ...legacyAccount, passwordHash: passwordHash(), mustChangePassword: false, createdAt: NOW },
} as UserEvent;
const bind = (organisationId: string, metadata = system()): UserCommand => ({
  type: 'BindToOrganisation',
  data: { organisationId, reason: '升级：绑定默认组织' },
  metadata,
});

describe('accounts bound to an organisation', () => {
  it('given a new account, it works in the organisation it was created in', () => {
    const state = foldUser([created()]);
    expect(state.status === 'active' && state.user.organisationId).toBe(ORG);
  });

  it('given an account from before organisations, it is bound to none (and reaches nothing) until the upgrade binds it', () => {
    const before = foldUser([LEGACY]);
    expect(before.status === 'active' && before.user.organisationId).toBeNull();
    const after = given([LEGACY])
      .when(bind('default-org'))
      .then([
        {
          type: 'UserBoundToOrganisation',
          data: { organisationId: 'default-org', reason: '升级：绑定默认组织', boundAt: NOW },
        },
      ]);
    expect(after.status === 'active' && after.user).toMatchObject({
      organisationId: 'default-org',
      role: 'department',
    });
  });

  it('binding again to the same organisation decides nothing (the upgrade runs on every start)', () => {
    const bound: UserEvent = {
      type: 'UserBoundToOrganisation',
      data: { organisationId: 'default-org', reason: 'x', boundAt: NOW },
    };
    given([LEGACY, bound]).when(bind('default-org')).then([]);
    given([LEGACY, bound]).when(bind('other')).thenThrows('USER.ORGANISATION_BOUND', 'conflict');
  });

  it('only the system binds (an admin cannot move an account to another organisation)', () => {
    given([LEGACY]).when(bind('default-org', admin())).thenThrows('USER.SYSTEM_ONLY', 'forbidden');
  });

  it('refuses an account created without an organisation', () => {
    given([])
      .when({
        type: 'CreateUser',
        data: {
          ...legacyAccount,
          department: ZHANG.department!,
          organisationId: ' ',
          passwordHash: passwordHash(),
        },
        metadata: admin(),
      } as UserCommand)
      .thenThrows('USER.ORGANISATION_REQUIRED', 'invalid');
  });
});
