import type { UserCommand } from './user.commands';
import type { CreateUser } from './user.commands';
import { USER_STATUS_LABELS } from './user.state';
import {
  admin,
  CREATED_AT,
  created,
  disabled,
  ECO,
  given,
  LI,
  metaOf,
  NOW,
  ORG,
  passwordHash,
  ROOT,
  self,
  system,
  TWO_SESSIONS,
  ZHANG,
} from './testing/user.fixtures';

type CreateData = CreateUser['data'];
const create = (data: Partial<CreateData> = {}, metadata = admin()): UserCommand => ({
  type: 'CreateUser',
  data: {
    username: 'zhang.wei',
    displayName: '张伟',
    role: 'department',
    department: ECO,
    organisationId: ORG,
    passwordHash: passwordHash(),
    ...data,
  },
  metadata,
});

describe('creating an account', () => {
  it('given nothing, when an admin creates a department user, then UserCreated binds it to its department and asks for a new password', () => {
    const state = given([])
      .when(create())
      .then([
        {
          type: 'UserCreated',
          data: { ...ZHANG, passwordHash: passwordHash(), mustChangePassword: true, createdAt: NOW },
        },
      ]);
    expect(state.status).toBe('active');
    expect(USER_STATUS_LABELS[state.status]).toBe('正常');
  });

  it.each(['office', 'leader', 'admin'] as const)('creates a %s user bound to no department', (role) => {
    given([])
      .when(create({ username: 'li.na', displayName: ' 李娜 ', role, department: undefined }))
      .then([
        {
          type: 'UserCreated',
          data: {
            username: 'li.na',
            displayName: '李娜',
            role,
            department: null,
            organisationId: ORG,
            passwordHash: passwordHash(),
            mustChangePassword: true,
            createdAt: NOW,
          },
        },
      ]);
  });

  it('lets the system create the first admin, whose one-time password must be replaced before anything else', () => {
    given([])
      .when(create({ ...ROOT, department: undefined }, system()))
      .then([
        {
          type: 'UserCreated',
          data: { ...ROOT, passwordHash: passwordHash(), mustChangePassword: true, createdAt: NOW },
        },
      ]);
  });

  it('does not let the system create anything but an admin', () => {
    given([]).when(create({}, system())).thenThrows('USER.SYSTEM_CREATES_ADMIN_ONLY', 'forbidden');
  });

  it.each([
    ['office', '无废办'],
    ['department', ECO],
    ['leader', undefined],
  ] as const)('refuses a %s creating accounts', (role, department) => {
    given([])
      .when(create({}, metaOf(role, 'someone', NOW, department)))
      .thenThrows('USER.ADMIN_ONLY', 'forbidden');
  });

  it('refuses a user name already taken', () => {
    given([created()]).when(create()).thenThrows('USER.ALREADY_EXISTS', 'conflict');
    given([created(), disabled()]).when(create()).thenThrows('USER.ALREADY_EXISTS', 'conflict');
  });

  it.each<[string, Partial<CreateData>, string]>([
    ['an upper-case user name', { username: 'Zhang' }, 'USER.INVALID_USERNAME'],
    ['a two-letter user name', { username: 'zw' }, 'USER.INVALID_USERNAME'],
    ['a user name starting with a dot', { username: '.zhang' }, 'USER.INVALID_USERNAME'],
    ['an unknown role', { role: 'system' as never }, 'USER.INVALID_ROLE'],
    ['a department user without department', { department: undefined }, 'USER.DEPARTMENT_REQUIRED'],
    ['a department user with a blank department', { department: '  ' }, 'USER.DEPARTMENT_REQUIRED'],
    ['an office user with a department', { role: 'office' }, 'USER.DEPARTMENT_NOT_ALLOWED'],
    ['a blank display name', { displayName: ' ' }, 'USER.DISPLAY_NAME_REQUIRED'],
    ['a display name of 51 characters', { displayName: '张'.repeat(51) }, 'USER.DISPLAY_NAME_REQUIRED'],
    ['a plain password', { passwordHash: 'correct horse battery staple' }, 'USER.INVALID_PASSWORD_HASH'],
    ['a hash of another scheme', { passwordHash: '$2b$10$abcdefghijklmnopqrstuv' }, 'USER.INVALID_PASSWORD_HASH'],
  ])('refuses %s', (_, data, code) => {
    given([]).when(create(data)).thenThrows(code, 'invalid');
  });

  it('refuses a time without offset', () => {
    given([])
      .when(create({}, admin('2024-03-28 10:00')))
      .thenThrows('USER.INVALID_TIME', 'invalid');
  });
});

describe('disabling and enabling', () => {
  const disable = (reason = '调离岗位', metadata = admin()): UserCommand => ({
    type: 'DisableUser',
    data: { reason },
    metadata,
  });
  const enable = (metadata = admin()): UserCommand => ({ type: 'EnableUser', data: {}, metadata });

  it('given two live sessions, when an admin disables the user, then both end with it', () => {
    const state = given(TWO_SESSIONS)
      .when(disable(' 调离岗位 '))
      .then([
        { type: 'UserDisabled', data: { reason: '调离岗位', revokedFamilyIds: ['laptop', 'phone'], disabledAt: NOW } },
      ]);
    expect(state).toMatchObject({ status: 'disabled', disabledAt: NOW, reason: '调离岗位' });
  });

  it('lists only the sessions still alive', () => {
    given([
      ...TWO_SESSIONS,
      { type: 'RefreshTokenRevoked', data: { familyId: 'phone', tokenHash: 'x', revokedAt: NOW } },
    ])
      .when(disable())
      .then([{ type: 'UserDisabled', data: { reason: '调离岗位', revokedFamilyIds: ['laptop'], disabledAt: NOW } }]);
  });

  it('refuses anyone but an admin, an absent user, the admin itself, a second time, and no reason', () => {
    given([created()])
      .when(disable('x', self(ZHANG)))
      .thenThrows('USER.ADMIN_ONLY', 'forbidden');
    given([]).when(disable()).thenThrows('USER.NOT_FOUND', 'not_found');
    given([created(ROOT)])
      .when(disable())
      .thenThrows('USER.CANNOT_DISABLE_SELF', 'forbidden');
    given([created(), disabled()]).when(disable()).thenThrows('USER.ALREADY_DISABLED', 'conflict');
    given([created()]).when(disable('  ')).thenThrows('USER.REASON_REQUIRED', 'invalid');
  });

  it('given a disabled user, when an admin enables it, then it is active again without its old sessions', () => {
    const state = given([...TWO_SESSIONS, disabled(['laptop', 'phone'])])
      .when(enable())
      .then([{ type: 'UserEnabled', data: { enabledAt: NOW } }]);
    expect(state.status === 'active' && state.sessions.families.size).toBe(0);
  });

  it('refuses to enable an active user, an absent one, or by anyone but an admin', () => {
    given([created()]).when(enable()).thenThrows('USER.NOT_DISABLED', 'conflict');
    given([]).when(enable()).thenThrows('USER.NOT_FOUND', 'not_found');
    given([created(), disabled()])
      .when(enable(self(LI)))
      .thenThrows('USER.ADMIN_ONLY', 'forbidden');
  });
});

describe('changing a password', () => {
  const change = (metadata = self(ZHANG), hash = passwordHash(2)): UserCommand => ({
    type: 'ChangePassword',
    data: { passwordHash: hash },
    metadata,
  });

  it('given a user with a password the admin chose, when the user changes it, then it no longer has to and every session ends', () => {
    const state = given(TWO_SESSIONS)
      .when(change())
      .then([
        {
          type: 'PasswordChanged',
          data: { passwordHash: passwordHash(2), reset: false, revokedFamilyIds: ['laptop', 'phone'], changedAt: NOW },
        },
      ]);
    expect(state.status === 'active' && state.user).toMatchObject({
      passwordHash: passwordHash(2),
      mustChangePassword: false,
    });
    expect(state.status === 'active' && state.sessions.families.size).toBe(0);
  });

  it('when an admin resets it, then the user must change it at the next login', () => {
    const state = given([created(ZHANG, false)])
      .when(change(admin()))
      .then([
        {
          type: 'PasswordChanged',
          data: { passwordHash: passwordHash(2), reset: true, revokedFamilyIds: [], changedAt: NOW },
        },
      ]);
    expect(state.status === 'active' && state.user.mustChangePassword).toBe(true);
  });

  it('an admin changing its own password is no reset', () => {
    given([created(ROOT, false)])
      .when(change(admin()))
      .then([
        {
          type: 'PasswordChanged',
          data: { passwordHash: passwordHash(2), reset: false, revokedFamilyIds: [], changedAt: NOW },
        },
      ]);
  });

  it('lets an admin reset a disabled user’s password before enabling it, but not the user itself', () => {
    const state = given([created(), disabled()])
      .when(change(admin()))
      .then([
        {
          type: 'PasswordChanged',
          data: { passwordHash: passwordHash(2), reset: true, revokedFamilyIds: [], changedAt: NOW },
        },
      ]);
    expect(state.status).toBe('disabled');
    given([created(), disabled()]).when(change()).thenThrows('USER.DISABLED', 'forbidden');
  });

  it('refuses another user, an absent user, and anything but a hash', () => {
    given([created()])
      .when(change(self(LI)))
      .thenThrows('USER.SELF_OR_ADMIN_ONLY', 'forbidden');
    given([]).when(change(admin())).thenThrows('USER.NOT_FOUND', 'not_found');
    given([created()])
      .when(change(self(ZHANG), 'Zhang-Wei-2024!'))
      .thenThrows('USER.INVALID_PASSWORD_HASH', 'invalid');
  });

  it('keeps the creation facts', () => {
    const state = given([created()])
      .when(change())
      .then([
        {
          type: 'PasswordChanged',
          data: { passwordHash: passwordHash(2), reset: false, revokedFamilyIds: [], changedAt: NOW },
        },
      ]);
    expect(state.status === 'active' && state.user).toMatchObject({ ...ZHANG, createdAt: CREATED_AT });
  });
});
