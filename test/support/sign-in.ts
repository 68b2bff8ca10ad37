/**
 * Real logins for e2e tests: accounts are made the way production makes them (the bootstrap
 * admin, then POST /users by that admin) and every header is a token from POST /auth/login.
 *
 *   const t = await createTestApp();
 *   const as = signIn(t.app);
 *   await http().post('/tasks/C-5/assignment').set(await as.office()).send({});
 *   await http().post('/tasks/C-5/acknowledgements').set(await as.dept('区城管局'));
 *   await http().get('/board').set(await as.leader());          // also as.admin()
 *   as.username('区城管局')   // the account's user name = `actorId` in event metadata
 *   await as.login('zhang.wei', 'password')   // the raw login answer (tokens, user)
 *
 * Each account is created and logged in once per app (memoised); `as.dept(name)` works for
 * any department name (the admin API checks it against the plan once a plan is imported).
 * Every account's password is TEST_PASSWORD. As in production, a password someone else set (the
 * bootstrap secret, the admin's INITIAL_PASSWORD) must be changed before anything else works
 * (403 AUTH.PASSWORD_CHANGE_REQUIRED), so each account is created with INITIAL_PASSWORD and
 * changed to TEST_PASSWORD by its owner first. createTestApp raises the login throttle so the
 * logins of a test never hit it; pass LOGIN_THROTTLE_LIMIT to test the throttle itself.
 */
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { UserAccounts } from '../../apps/api/src/auth/users/user-accounts';
import { bootstrapAdmin } from '../../apps/api/src/auth/users/bootstrap-admin';

export type AuthHeaders = { Authorization: string };
export const TEST_PASSWORD = 'Zw-测试密码-2024!';
/** What an admin sets when creating an account in the tests; the owner replaces it at once. */
export const INITIAL_PASSWORD = 'Zw-初始口令-2023?';
export const ADMIN_USERNAME = 'admin';

export interface SignIn {
  office(): Promise<AuthHeaders>;
  leader(): Promise<AuthHeaders>;
  admin(): Promise<AuthHeaders>;
  dept(department: string): Promise<AuthHeaders>;
  /** Any account: created with this role (and department) on first use. */
  as(username: string, role: 'office' | 'department' | 'leader' | 'admin', department?: string): Promise<AuthHeaders>;
  username(department: string): string;
  login(username: string, password?: string): Promise<LoginAnswer>;
  /** The owner's first login of an account someone else set the password of (INITIAL_PASSWORD → TEST_PASSWORD). */
  firstLogin(username: string, given: string): Promise<AuthHeaders>;
}

export interface LoginAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { username: string; role: string; department: string | null; mustChangePassword: boolean };
}

export function signIn(app: INestApplication): SignIn {
  const http = () => request(app.getHttpServer());
  const sessions = new Map<string, Promise<AuthHeaders>>();
  let adminSecret: Promise<string> | undefined;

  const login = async (username: string, password = TEST_PASSWORD): Promise<LoginAnswer> => {
    const res = await http().post('/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login of ${username} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as LoginAnswer;
  };
  const bearer = (answer: LoginAnswer): AuthHeaders => ({ Authorization: `Bearer ${answer.accessToken}` });
  /** The owner's first login: replace the password someone else set, then log in with TEST_PASSWORD. */
  const firstLogin = async (username: string, given: string): Promise<AuthHeaders> => {
    const first = await login(username, given);
    const changed = await http()
      .post('/auth/password')
      .set(bearer(first))
      .send({ currentPassword: given, newPassword: TEST_PASSWORD });
    if (changed.status !== 204)
      throw new Error(`password change of ${username} answered ${changed.status}: ${JSON.stringify(changed.body)}`);
    return bearer(await login(username));
  };

  const admin = (): Promise<AuthHeaders> =>
    memo(ADMIN_USERNAME, async () => {
      adminSecret ??= bootstrapAdmin(
        app.get(UserAccounts),
        app.get(CommandBus),
        ADMIN_USERNAME,
        app.get<AppConfig>(APP_CONFIG).defaultOrganisationId,
      );
      return firstLogin(ADMIN_USERNAME, await adminSecret);
    });

  const as = (
    username: string,
    role: 'office' | 'department' | 'leader' | 'admin',
    department?: string,
  ): Promise<AuthHeaders> =>
    memo(username, async () => {
      const created = await http()
        .post('/users')
        .set(await admin())
        .send({
          username,
          displayName: department ?? role,
          role,
          ...(department ? { department } : {}),
          password: INITIAL_PASSWORD,
        });
      if (created.status !== 201)
        throw new Error(`creating ${username} answered ${created.status}: ${JSON.stringify(created.body)}`);
      return firstLogin(username, INITIAL_PASSWORD);
    });

  function memo(key: string, make: () => Promise<AuthHeaders>): Promise<AuthHeaders> {
    if (!sessions.has(key)) sessions.set(key, make());
    return sessions.get(key)!;
  }

  const username = (department: string) => `dept-${createHash('sha256').update(department).digest('hex').slice(0, 10)}`;
  return {
    admin,
    as,
    login,
    firstLogin,
    username,
    office: () => as('office', 'office'),
    leader: () => as('leader', 'leader'),
    dept: (department) => as(username(department), 'department', department),
  };
}
