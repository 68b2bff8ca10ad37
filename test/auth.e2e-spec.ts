import { CommandBus } from '@nestjs/cqrs';
import { Controller, Get } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AUTH_SECRET, loadConfig } from '@zw/config';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import { sign } from 'jsonwebtoken';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../apps/api/src/auth/sessions/access-tokens';
import { AdminExistsError, bootstrapAdmin } from '../apps/api/src/auth/users/bootstrap-admin';
import { UserAccounts } from '../apps/api/src/auth/users/user-accounts';
import { configureHttp } from '../apps/api/src/configure-http';
import { CLOCK } from '@zw/clock';
import { signIn, TEST_PASSWORD, type SignIn } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('sessions: login, tokens, refresh, logout (clock at 2023-03-01)', () => {
  let t: TestApp;
  let as: SignIn;
  let store: EventStore;
  const http = () => request(t.app.getHttpServer());
  const me = (token: string) => http().get('/auth/me').set(bearer(token));
  const head = async () => (await store.readAll(undefined, 1_000_000)).length;

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00', ACCESS_TOKEN_TTL: '10m' });
    store = t.app.get(EVENT_STORE);
    as = signIn(t.app);
    await as.as('zhang.wei', 'department', '连云生态环境局');
  });
  afterAll(() => t.close());

  it('has no default password: the first admin comes from the bootstrap, once', async () => {
    await as.admin();
    await http().post('/auth/login').send({ username: 'admin', password: 'admin' }).expect(401);
    await expect(
      bootstrapAdmin(t.app.get(UserAccounts), t.app.get(CommandBus), 'root2', t.config.defaultOrganisationId),
    ).rejects.toBeInstanceOf(AdminExistsError);
  });

  it('logs in with a short-lived access token and a refresh token; wrong and unknown users get the same 401', async () => {
    const answer = await as.login('zhang.wei');
    expect(answer).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 600,
      // signIn replaced the admin's initial password at the first login, as the owner must.
      user: { username: 'zhang.wei', role: 'department', department: '连云生态环境局', mustChangePassword: false },
    });
    expect(answer.refreshToken).toMatch(/^zhang\.wei\.[\w-]{43}$/);
    expect((await me(answer.accessToken).expect(200)).body).toMatchObject({
      username: 'zhang.wei',
      displayName: '连云生态环境局',
    });
    const wrong = await http()
      .post('/auth/login')
      .send({ username: 'zhang.wei', password: 'Wrong-password-1' })
      .expect(401);
    const unknown = await http()
      .post('/auth/login')
      .send({ username: 'nobody', password: 'Wrong-password-1' })
      .expect(401);
    expect(wrong.body).toMatchObject({ code: 'AUTH.LOGIN_FAILED', message: '用户名或密码错误' });
    expect(unknown.body).toEqual(wrong.body);
    await http().post('/auth/login').send({ username: 'zhang.wei' }).expect(400);
  });

  it('answers 401 to missing, malformed, tampered, foreign-signed, unsigned and expired tokens', async () => {
    const { accessToken } = await as.login('zhang.wei');
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const secret = t.app.get<string>(AUTH_SECRET);
    const asOffice = Buffer.from(JSON.stringify({ ...claims, sub: 'office', role: 'office' })).toString('base64url');
    const now = Math.floor(t.app.get(CLOCK).now().getTime() / 1000);
    expect(claims).toMatchObject({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: 'zhang.wei', exp: now + 600 });
    const cases: Array<[string, Record<string, string>, string]> = [
      ['missing', {}, 'AUTH.TOKEN_MISSING'],
      [
        'not bearer',
        { Authorization: `Basic ${Buffer.from('zhang.wei:x').toString('base64')}` },
        'AUTH.TOKEN_MALFORMED',
      ],
      ['tampered payload', bearer(`${header}.${asOffice}.${signature}`), 'AUTH.TOKEN_INVALID'],
      ['tampered signature', bearer(`${header}.${payload}.${signature.slice(0, -2)}AA`), 'AUTH.TOKEN_INVALID'],
      ['another key', bearer(sign(claims, 'x'.repeat(48), { algorithm: 'HS256' })), 'AUTH.TOKEN_INVALID'],
      [
        'alg none',
        bearer(`${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`),
        'AUTH.TOKEN_MALFORMED',
      ],
      [
        'expired',
        bearer(sign({ ...claims, iat: now - 1200, exp: now - 600 }, secret, { algorithm: 'HS256' })),
        'AUTH.TOKEN_EXPIRED',
      ],
      [
        'another algorithm',
        bearer(sign({ ...claims, exp: now + 600 }, secret, { algorithm: 'HS512' })),
        'AUTH.TOKEN_INVALID',
      ],
      [
        'another audience',
        bearer(sign({ ...claims, aud: 'other', exp: now + 600 }, secret, { algorithm: 'HS256' })),
        'AUTH.TOKEN_INVALID',
      ],
    ];
    for (const [name, headers, code] of cases) {
      const res = await http().get('/tasks').set(headers);
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 401, code });
    }
  });

  it('rotates refresh tokens strictly: a reused one ends the whole session (its access tokens too)', async () => {
    const first = await as.login('zhang.wei');
    const second = (await http().post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await me(second.accessToken).expect(200);
    const reuse = await http().post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('SESSION.INVALID');
    await http().post('/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    await me(second.accessToken).expect(401);
    await me(first.accessToken).expect(401);
    await http().post('/auth/refresh').send({ refreshToken: 'zhang.wei.not-a-token' }).expect(401);
  });

  it('logout revokes the session: its access token answers 401 at once; logout is idempotent', async () => {
    const session = await as.login('zhang.wei');
    const other = await as.login('zhang.wei');
    await http().post('/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    expect((await me(session.accessToken).expect(401)).body.code).toBe('AUTH.TOKEN_REVOKED');
    await me(other.accessToken).expect(200); // another device's session lives on
    await http().post('/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await http().post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('disabling a user revokes its tokens; enabling does not bring the sessions back', async () => {
    const admin = await as.admin();
    await as.as('wang.fang', 'leader');
    const session = await as.login('wang.fang');
    await http()
      .post('/users/wang.fang/disable')
      .set(await as.office())
      .send({ reason: '调离' })
      .expect(403);
    const disabled = await http().post('/users/wang.fang/disable').set(admin).send({ reason: '调离岗位' }).expect(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', statusLabel: '已停用' });
    expect((await me(session.accessToken).expect(401)).body.code).toBe('AUTH.TOKEN_DISABLED');
    await http().post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await http().post('/auth/login').send({ username: 'wang.fang', password: TEST_PASSWORD }).expect(401);
    await http().post('/users/wang.fang/enable').set(admin).expect(200);
    await me(session.accessToken).expect(401);
    await as.login('wang.fang');
  });

  it('admins create users (a temporary password shown once), refuse weak passwords and unknown departments with 400', async () => {
    const admin = await as.admin();
    await http()
      .post('/plans')
      .set(await as.office())
      .send(loadLianyunPlan())
      .expect(201);
    const created = await http()
      .post('/users')
      .set(admin)
      .send({ username: 'li.na', displayName: '李娜', role: 'office' })
      .expect(201);
    expect(created.body).toMatchObject({
      username: 'li.na',
      role: 'office',
      mustChangePassword: true,
      status: 'active',
    });
    await as.login('li.na', created.body.temporaryPassword);
    const before = await head();
    const weak = await http()
      .post('/users')
      .set(admin)
      .send({ username: 'zhao.lei', displayName: '赵磊', role: 'office', password: 'short' })
      .expect(400);
    expect(weak.body.details.fields).toEqual([expect.objectContaining({ field: 'password' })]);
    const unknown = await http()
      .post('/users')
      .set(admin)
      .send({ username: 'zhao.lei', displayName: '赵磊', role: 'department', department: '区宇宙局' })
      .expect(400);
    expect(unknown.body.details.fields).toEqual([expect.objectContaining({ field: 'department' })]);
    await http()
      .post('/users')
      .set(admin)
      .send({ username: 'zhao.lei', displayName: '赵磊', role: 'department' })
      .expect(400);
    await http()
      .post('/users')
      .set(await as.office())
      .send({ username: 'zhao.lei', displayName: '赵磊', role: 'office' })
      .expect(403);
    expect(await head()).toBe(before);
    const listed = (await http().get('/users').set(admin).expect(200)).body as Array<{ username: string }>;
    expect(listed.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'li.na', 'zhang.wei']));
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|passwordHash/);
  });

  it('changes one’s own password with the current one; every session ends', async () => {
    await as.as('chen.jing', 'office');
    const session = await as.login('chen.jing');
    const change = (body: object) => http().post('/auth/password').set(bearer(session.accessToken)).send(body);
    expect(
      (await change({ currentPassword: 'Wrong-password-1', newPassword: 'Another-密码-2025' }).expect(400)).body.details
        .fields[0].field,
    ).toBe('currentPassword');
    expect(
      (await change({ currentPassword: TEST_PASSWORD, newPassword: 'chen.jing-密码-2025' }).expect(400)).body.details
        .fields[0].field,
    ).toBe('newPassword');
    await change({ currentPassword: TEST_PASSWORD, newPassword: 'Another-密码-2025' }).expect(204);
    await me(session.accessToken).expect(401);
    await http().post('/auth/login').send({ username: 'chen.jing', password: TEST_PASSWORD }).expect(401);
    expect((await as.login('chen.jing', 'Another-密码-2025')).user.mustChangePassword).toBe(false);
  });
});

describe('reads are scoped like the work', () => {
  it('a department lists only the tasks it leads or supports and cannot open another’s; office and leaders see all', async () => {
    const t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00' });
    const http = () => request(t.app.getHttpServer());
    const as = signIn(t.app);
    const office = await as.office();
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    for (const code of ['C-5', 'A-6', 'C-8'])
      await http().post(`/tasks/${code}/assignment`).set(office).send({}).expect(201);
    const codes = async (headers: Record<string, string>) =>
      ((await http().get('/tasks').set(headers).expect(200)).body as Array<{ code: string }>).map((r) => r.code);
    const urban = await codes(await as.dept('区城管局'));
    expect(urban).toContain('C-5');
    expect(urban).not.toContain('A-6');
    expect(urban.length).toBeLessThan(34);
    expect(await codes(await as.leader())).toHaveLength(34);
    expect(await codes(office)).toHaveLength(34);
    await http()
      .get('/tasks/C-5')
      .set(await as.dept('区城管局'))
      .expect(200);
    expect(
      (
        await http()
          .get('/tasks/A-6')
          .set(await as.dept('区城管局'))
          .expect(403)
      ).body.code,
    ).toBe('AUTH.FORBIDDEN');
    await t.close();
  });
});

describe('throttling and hardening', () => {
  it('answers 429 once an account’s login limit is reached within the window', async () => {
    const t = await createTestApp({ LOGIN_THROTTLE_LIMIT: '3', LOGIN_THROTTLE_WINDOW: '60' });
    const attempt = () =>
      request(t.app.getHttpServer()).post('/auth/login').send({ username: 'nobody', password: 'Wrong-password-1' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'AUTH.TOO_MANY_ATTEMPTS' });
    expect(refused.body.message).toMatch(/^尝试次数过多，请 \d+ 秒后再试$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Counted per account (and, far higher, per address): another account may still try.
    await request(t.app.getHttpServer())
      .post('/auth/login')
      .send({ username: 'somebody', password: 'Wrong-password-1' })
      .expect(401);
    await t.close();
  });

  it('sends helmet headers; CORS only for configured origins', async () => {
    const t = await createTestApp({ CORS_ORIGINS: 'https://zw.lianyun.gov.cn' });
    const http = () => request(t.app.getHttpServer());
    const res = await http().get('/health').set('Origin', 'https://zw.lianyun.gov.cn').expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'access-control-allow-origin': 'https://zw.lianyun.gov.cn',
    });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    const foreign = await http()
      .options('/tasks')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    await t.close();
  });

  it('refuses a route without @Policy (fail closed, 500 without a stack trace)', async () => {
    @Controller('unguarded')
    class UnguardedController {
      @Get() secret() {
        return { leaked: true };
      }
    }
    const config = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'zw-e2e-')),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config)],
      controllers: [UnguardedController],
    }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    configureHttp(app);
    await app.init();
    const res = await request(app.getHttpServer()).get('/unguarded').expect(500);
    expect(res.body).toEqual({ statusCode: 500, code: 'AUTH.NO_POLICY', message: expect.any(String), details: {} });
    await app.close();
  });
});
