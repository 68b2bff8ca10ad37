/**
 * Hashes made at the old scrypt cost (N=2^15, r=8, p=1, under OWASP's minimum) keep working and
 * are upgraded by the next successful login: a PasswordRehashed event by the account itself with
 * a hash of the current cost (p=3), sessions kept. A wrong password changes nothing and answers
 * as before; a rehash that cannot be recorded costs the upgrade, not the login. Every hash here
 * is made and verified at the production cost.
 */
import { DEFAULT_SCRYPT_COST, parsePasswordHash, userStreamId, verifyPassword } from '@zw/auth';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import request from 'supertest';
import { createOldCostAccount, OLD_SCRYPT_COST } from './support/old-cost-account';
import { signIn, TEST_PASSWORD } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const USER = 'old.hash';
const REFUSED = { statusCode: 401, code: 'AUTH.LOGIN_FAILED', message: '用户名或密码错误', details: {} };

describe('an account with a password hash of the old cost', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const login = (username: string, password: string) => http().post('/auth/login').send({ username, password });
  const stream = async () => t.app.get<EventStore>(EVENT_STORE).readStream(userStreamId(USER));
  const costOf = (hash: unknown) => {
    const parsed = parsePasswordHash(hash);
    return parsed && { N: parsed.N, r: parsed.r, p: parsed.p };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await createOldCostAccount(t.app, USER);
  }, 60_000);
  afterAll(() => t.close());

  it('refuses a wrong password as for any account, and keeps the old hash', async () => {
    const wrong = await login(USER, 'Wrong-password-1');
    const unknown = await login('nobody.here', 'Wrong-password-1');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(REFUSED);
    expect(unknown.body).toEqual(wrong.body);
    const events = await stream();
    expect(events.map((e) => e.type)).toEqual(['UserCreated']);
    expect(costOf((events[0]!.data as { passwordHash: string }).passwordHash)).toEqual(OLD_SCRYPT_COST);
  }, 60_000);

  it('logs in with the right password, and that login records a hash of the current cost', async () => {
    const first = await login(USER, TEST_PASSWORD);
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ username: USER, mustChangePassword: false });
    const events = await stream();
    expect(events.map((e) => e.type)).toEqual(['UserCreated', 'RefreshTokenIssued', 'PasswordRehashed']);
    const rehashed = events[2]!;
    expect(rehashed.metadata).toMatchObject({ actorId: USER });
    const { passwordHash } = rehashed.data as { passwordHash: string };
    expect(costOf(passwordHash)).toEqual(DEFAULT_SCRYPT_COST);
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 2 ** 15, r: 8, p: 3 });
    await expect(verifyPassword(TEST_PASSWORD, passwordHash)).resolves.toBe(true);

    // The same password: the session that login opened goes on.
    await http().post('/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
  }, 60_000);

  it('afterwards logs in on the new hash without rehashing again, and still refuses a wrong password alike', async () => {
    const again = await signIn(t.app).login(USER);
    expect(again.user.username).toBe(USER);
    const wrong = await login(USER, 'Wrong-password-1');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(REFUSED);
    const types = (await stream()).map((e) => e.type);
    expect(types.filter((type) => type === 'PasswordRehashed')).toHaveLength(1);
    expect(types.at(-1)).toBe('RefreshTokenIssued');
  }, 60_000);

  it('logs in when the rehash cannot be recorded, and upgrades at the next login', async () => {
    await createOldCostAccount(t.app, 'old.hash2');
    const store = t.app.get<EventStore>(EVENT_STORE);
    const append = store.append.bind(store);
    const failing = jest
      .spyOn(store, 'append')
      .mockImplementation((streamId, events, expected) =>
        events.some((e) => e.type === 'PasswordRehashed')
          ? Promise.reject(new Error('disk full'))
          : append(streamId, events, expected),
      );
    try {
      expect((await login('old.hash2', TEST_PASSWORD)).status).toBe(200);
    } finally {
      failing.mockRestore();
    }
    const before = await store.readStream(userStreamId('old.hash2'));
    expect(before.map((e) => e.type)).toEqual(['UserCreated', 'RefreshTokenIssued']);
    expect((await login('old.hash2', TEST_PASSWORD)).status).toBe(200);
    const after = await store.readStream(userStreamId('old.hash2'));
    expect(after.map((e) => e.type).at(-1)).toBe('PasswordRehashed');
    expect(costOf((after.at(-1)!.data as { passwordHash: string }).passwordHash)).toEqual(DEFAULT_SCRYPT_COST);
  }, 60_000);
});
