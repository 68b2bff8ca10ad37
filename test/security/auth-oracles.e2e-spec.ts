/**
 * Login and refresh say nothing about accounts (issue 15): unknown, wrong and disabled answer
 * with the same status, body and (within what a loaded machine can tell) time; the throttle
 * counts per account across addresses and per address, with Retry-After; common passwords are
 * refused. Timing bounds are loose on purpose: the oracle they guard against (skipping the
 * password hash for unknown names) is a difference of a whole scrypt, ~100× the noise floor.
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createOldCostAccount } from '../support/old-cost-account';
import { signIn, TEST_PASSWORD, type SignIn } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

const RANDOM_SECRET = 'A'.repeat(43);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs the cases interleaved (so load drifts hit each alike) and returns each one's median time. */
async function timed(cases: Record<string, () => Promise<unknown>>, rounds: number): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [name, run] of Object.entries(cases)) {
      const start = performance.now();
      await run();
      times[name]!.push(performance.now() - start);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

describe('security: no account oracle on login and refresh', () => {
  let t: TestApp;
  let as: SignIn;
  let disabledToken: string;
  const http = () => request(t.app.getHttpServer());
  const login = (username: string, password: string) => http().post('/auth/login').send({ username, password });
  const refresh = (refreshToken: string) => http().post('/auth/refresh').send({ refreshToken });

  beforeAll(async () => {
    t = await createTestApp();
    as = signIn(t.app);
    await as.as('zhang.wei', 'office');
    await as.as('wang.fang', 'office');
    // Never logged in successfully here, so its hash stays at the old, cheaper cost.
    await createOldCostAccount(t.app, 'old.cost');
    disabledToken = (await as.login('wang.fang')).refreshToken;
    await http()
      .post('/users/wang.fang/disable')
      .set(await as.admin())
      .send({ reason: '调离岗位' })
      .expect(200);
  }, 120_000);
  afterAll(() => t.close());

  it('answers an unknown name, a wrong password and a disabled account (right password) identically', async () => {
    const answers = await Promise.all([
      login('nobody.here', 'Wrong-password-1'),
      login('zhang.wei', 'Wrong-password-1'),
      login('wang.fang', TEST_PASSWORD),
      login('old.cost', 'Wrong-password-1'),
    ]);
    const shapes = answers.map((r) => ({ status: r.status, body: r.body, keys: Object.keys(r.body) }));
    expect(shapes[0]).toMatchObject({ status: 401, body: { code: 'AUTH.LOGIN_FAILED', message: '用户名或密码错误' } });
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    expect(shapes[3]).toEqual(shapes[0]);
  }, 60_000);

  // An account whose hash is of the old cost (a third of the work) is topped up to the current
  // cost, or its wrong passwords would answer faster than an unknown name's.
  it('takes the same time for the four (one password hash at the current cost each)', async () => {
    const medians = await timed(
      {
        unknown: () => login('nobody.here', 'Wrong-password-1'),
        wrong: () => login('zhang.wei', 'Wrong-password-1'),
        disabled: () => login('wang.fang', TEST_PASSWORD),
        oldCostWrong: () => login('old.cost', 'Wrong-password-1'),
      },
      7,
    );
    const values = Object.values(medians);
    expect(Math.max(...values) / Math.min(...values)).toBeLessThan(2.5);
  }, 120_000);

  it('refuses every bad refresh token with one body: malformed, unknown account, existing account, disabled account', async () => {
    const answers = await Promise.all([
      refresh('garbage'),
      refresh(`nobody.here.${RANDOM_SECRET}`),
      refresh(`zhang.wei.${RANDOM_SECRET}`),
      refresh(disabledToken),
    ]);
    const first = { status: answers[0]!.status, body: answers[0]!.body, keys: Object.keys(answers[0]!.body) };
    expect(first).toMatchObject({ status: 401, body: { code: 'SESSION.INVALID', details: {} } });
    for (const res of answers)
      expect({ status: res.status, body: res.body, keys: Object.keys(res.body) }).toEqual(first);
    expect(JSON.stringify(answers.map((r) => r.body))).not.toMatch(/familyId|zhang|wang/);
  }, 60_000);

  it('takes about the same time to refuse a refresh for an unknown and an existing account', async () => {
    const medians = await timed(
      {
        unknown: () => refresh(`nobody.here.${RANDOM_SECRET}`),
        existing: () => refresh(`zhang.wei.${RANDOM_SECRET}`),
      },
      25,
    );
    // Both are one read of a stream; no bound tighter than the machine's noise (a few ms).
    expect(Math.abs(medians.unknown! - medians.existing!)).toBeLessThan(Math.max(25, 0.5 * medians.unknown!));
  }, 120_000);

  it('refuses common passwords such as Password1234, naming the rule in Chinese', async () => {
    const res = await http()
      .post('/users')
      .set(await as.admin())
      .send({ username: 'li.na', displayName: '李娜', role: 'office', password: 'Password1234' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PASSWORD.WEAK');
    expect(res.body.message).toMatch(/密码过于常见或容易被猜到/);
  }, 60_000);
});

describe('security: the login throttle counts per account across addresses, and per address', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const attempt = (username: string, from: string) =>
    http().post('/auth/login').set('X-Forwarded-For', from).send({ username, password: 'Wrong-password-1' });

  beforeAll(async () => {
    t = await createTestApp({
      LOGIN_THROTTLE_LIMIT: '3',
      LOGIN_THROTTLE_ADDRESS_LIMIT: '6',
      LOGIN_THROTTLE_WINDOW: '60',
      TRUST_PROXY: 'loopback',
    });
    // Created without logging in, so the account's counter starts at zero.
    const admin = await signIn(t.app).admin();
    await http()
      .post('/users')
      .set(admin)
      .send({ username: 'zhang.wei', displayName: '张伟', role: 'office', password: TEST_PASSWORD })
      .expect(201);
  }, 120_000);
  afterAll(() => t.close());

  it('stops guessing one account from many addresses, with Retry-After, the same for an unknown name', async () => {
    for (const name of ['zhang.wei', 'nobody.here']) {
      for (let i = 1; i <= 3; i++) expect((await attempt(name, `198.51.100.${i}`)).status).toBe(401);
      const refused = await attempt(name, '198.51.100.4');
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS' });
      expect(refused.body.message).toMatch(/尝试次数过多/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
  }, 120_000);

  it('stops one address spraying many names', async () => {
    const from = '203.0.113.9';
    for (let i = 1; i <= 6; i++) expect((await attempt(`spray.${i}`, from)).status).toBe(401);
    const refused = await attempt('spray.7', from);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    // Another address is not held back by it.
    expect((await attempt('spray.8', '203.0.113.10')).status).toBe(401);
  }, 120_000);
});
