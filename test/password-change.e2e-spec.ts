/**
 * mustChangePassword enforced (issue 13): an account whose password someone else set — the
 * bootstrap admin, a user an admin created, a password reset — may call only /auth/password,
 * /auth/me and /auth/logout until it changes it; everything else is 403
 * AUTH.PASSWORD_CHANGE_REQUIRED. The bootstrap password stops working once changed.
 */
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { bootstrapAdmin } from '../apps/api/src/auth/users/bootstrap-admin';
import { UserAccounts } from '../apps/api/src/auth/users/user-accounts';
import { TEST_PASSWORD } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const NEW_PASSWORD = 'Zw-新的密码-2025#';

describe('a password someone else set must be changed first', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const login = (username: string, password: string) => http().post('/auth/login').send({ username, password });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the bootstrap admin: the login says so, everything but the password change is 403, then it works', async () => {
    const secret = await bootstrapAdmin(
      t.app.get(UserAccounts),
      t.app.get(CommandBus),
      'root',
      t.config.defaultOrganisationId,
    );
    const first = await login('root', secret).expect(200);
    expect(first.body.user).toMatchObject({ username: 'root', mustChangePassword: true });
    const token = bearer(first.body.accessToken as string);
    for (const [method, path] of [
      ['get', '/users'],
      ['post', '/users'],
      ['get', '/plans/lianyun-2022-2025'],
    ] as const) {
      const res = await http()[method](path).set(token).send({});
      expect([path, res.status, res.body.code]).toEqual([path, 403, 'AUTH.PASSWORD_CHANGE_REQUIRED']);
      expect(res.body.message).toMatch(/修改初始密码/);
    }
    expect((await http().get('/auth/me').set(token).expect(200)).body.mustChangePassword).toBe(true);
    await http()
      .post('/auth/password')
      .set(token)
      .send({ currentPassword: secret, newPassword: NEW_PASSWORD })
      .expect(204);
    await login('root', secret).expect(401); // the one-time password is gone
    const after = await login('root', NEW_PASSWORD).expect(200);
    expect(after.body.user.mustChangePassword).toBe(false);
    await http()
      .get('/users')
      .set(bearer(after.body.accessToken as string))
      .expect(200);
  });

  it('a user an admin created, and again after an admin’s reset', async () => {
    const admin = bearer((await login('root', NEW_PASSWORD).expect(200)).body.accessToken as string);
    await http()
      .post('/users')
      .set(admin)
      .send({ username: 'zhou.min', displayName: '周敏', role: 'office', password: TEST_PASSWORD })
      .expect(201);
    const first = await login('zhou.min', TEST_PASSWORD).expect(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    const refused = await http()
      .get('/board')
      .set(bearer(first.body.accessToken as string))
      .expect(403);
    expect(refused.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
    await http()
      .post('/auth/password')
      .set(bearer(first.body.accessToken as string))
      .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);
    const own = await login('zhou.min', NEW_PASSWORD).expect(200);
    await http()
      .get('/auth/me')
      .set(bearer(own.body.accessToken as string))
      .expect(200);
    expect(own.body.user.mustChangePassword).toBe(false);

    const reset = await http().post('/users/zhou.min/password-reset').set(admin).send({}).expect(200);
    const temporary = String(reset.body.temporaryPassword);
    const again = await login('zhou.min', temporary).expect(200);
    expect(again.body.user.mustChangePassword).toBe(true);
    await http()
      .get('/me/todo')
      .set(bearer(again.body.accessToken as string))
      .expect(403);
  });
});
