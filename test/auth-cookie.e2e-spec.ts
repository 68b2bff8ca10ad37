/**
 * Browser sessions (issue 13): the refresh token as an HttpOnly, SameSite=Strict, Path=/auth
 * cookie; refresh and logout by the cookie need the custom header (CSRF defence); bearer tokens
 * and body refresh tokens keep working for scripts.
 */
import request from 'supertest';
import { signIn, TEST_PASSWORD, type SignIn } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

describe('browser sessions: the refresh cookie', () => {
  let t: TestApp;
  let as: SignIn;
  const http = () => request(t.app.getHttpServer());
  const cookieLogin = async () => {
    const res = await http()
      .post('/auth/login')
      .send({ username: 'office', password: TEST_PASSWORD, cookie: true })
      .expect(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return { body: res.body as Record<string, unknown>, setCookie, cookie: setCookie[0]!.split(';')[0]! };
  };

  beforeAll(async () => {
    t = await createTestApp();
    as = signIn(t.app);
    await as.office();
  });
  afterAll(() => t.close());

  it('login with cookie: true sets the refresh token as an HttpOnly SameSite=Strict Path=/auth cookie, not in the body', async () => {
    const { body, setCookie } = await cookieLogin();
    expect(body.refreshToken).toBeUndefined();
    expect(body).toMatchObject({ tokenType: 'Bearer', user: { username: 'office' } });
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(
      /^zw_refresh=office\.[\w-]{43}; Max-Age=\d+; Path=\/auth; Expires=.+; HttpOnly; SameSite=Strict$/,
    );
    expect(setCookie[0]).not.toMatch(/Secure/); // plain HTTP here; behind TLS (req.secure) it is Secure
    await http()
      .get('/auth/me')
      .set('Authorization', `Bearer ${String(body.accessToken)}`)
      .expect(200);
  });

  it('refresh without a body works with the cookie and the custom header, rotates the cookie and says who is signed in', async () => {
    const { cookie } = await cookieLogin();
    const res = await http().post('/auth/refresh').set('Cookie', cookie).set('X-Requested-With', 'zw-web').expect(200);
    expect(res.body.refreshToken).toBeUndefined();
    expect(res.body.accessToken).toEqual(expect.any(String));
    // A reopened page needs no /auth/me after its renewal.
    expect(res.body.user).toMatchObject({ username: 'office', role: 'office', mustChangePassword: false });
    const next = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    expect(next).not.toBe(cookie);
    // The old cookie was retired by the rotation (presenting it again ends the session).
    await http().post('/auth/refresh').set('Cookie', cookie).set('X-Requested-With', 'zw-web').expect(401);
  });

  it('refresh by cookie without the custom header → 403, and the cookie still works afterwards', async () => {
    const { cookie } = await cookieLogin();
    const refused = await http().post('/auth/refresh').set('Cookie', cookie).expect(403);
    expect(refused.body).toMatchObject({
      code: 'CSRF.HEADER_REQUIRED',
      message: expect.stringContaining('X-Requested-With'),
    });
    await http().post('/auth/refresh').set('Cookie', cookie).set('X-Requested-With', 'zw-web').expect(200);
  });

  it('logout by cookie ends the session and clears the cookie', async () => {
    const { cookie } = await cookieLogin();
    const res = await http().post('/auth/logout').set('Cookie', cookie).set('X-Requested-With', 'zw-web').expect(204);
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]).toMatch(
      /^zw_refresh=; Path=\/auth; Expires=Thu, 01 Jan 1970/,
    );
    await http().post('/auth/refresh').set('Cookie', cookie).set('X-Requested-With', 'zw-web').expect(401);
  });

  it('scripts keep bearer tokens and body refresh tokens', async () => {
    const login = await as.login('office');
    expect(login.refreshToken).toEqual(expect.any(String));
    const res = await http().post('/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    await http().get('/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
  });
});
