/**
 * The probe's deep-JSON crash and rounding, refused at body parsing: every route, public or
 * not, answers 400 in Chinese before a validation pipe or handler sees the body.
 */
import request from 'supertest';
import { signIn } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('security: JSON bodies are bounded before they are parsed', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('given 3,000 nested arrays to POST /auth/login (no token needed), answers 400 REQUEST.TOO_DEEP in Chinese', async () => {
    const body = `{"username":${nested(3000)},"password":"x"}`;
    const res = await http().post('/auth/login').set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'REQUEST.TOO_DEEP' });
    expect(res.body.message).toMatch(/嵌套层级过深/);
  });

  it('given a deep body on a DTO route with a token, answers the same 400 (never 500)', async () => {
    const as = signIn(t.app);
    const res = await http()
      .post('/tasks/C-5/acknowledgements')
      .set(await as.office())
      .set('Content-Type', 'application/json')
      .send(`{"note":${nested(5000)}}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQUEST.TOO_DEEP');
  });

  it('given an integer beyond 2^53, refuses it rather than rounding it', async () => {
    const res = await http()
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":"a","password":"b","n":9007199254740993}');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQUEST.NUMBER_OUT_OF_RANGE');
  });

  it('given an object of 100,000 keys within the size limit, answers 400 REQUEST.TOO_MANY_KEYS', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `"${i.toString(36)}":0`).join(',');
    const res = await http().post('/auth/login').set('Content-Type', 'application/json').send(`{${keys}}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQUEST.TOO_MANY_KEYS');
  });
});
