/**
 * Accounts and the organisation tree on the one command path: the conventions of the task
 * commands (ETag, If-Match → 409 *.STALE with the current revision, Idempotency-Key replays
 * with `Idempotent-Replayed: true`, a reused key → 422), with each route's answer as before.
 */
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import request from 'supertest';
import { signIn, type AuthHeaders } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

describe('accounts and organisations: If-Match and Idempotency-Key as on tasks', () => {
  let t: TestApp;
  let store: EventStore;
  let admin: AuthHeaders;
  const http = () => request(t.app.getHttpServer());
  const count = async (streamId: string) => (await store.readStream(streamId)).length;

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00' });
    store = t.app.get(EVENT_STORE);
    admin = await signIn(t.app).admin();
  }, 120_000);
  afterAll(() => t.close());

  it('a created account is answered once with its one-time password; the replay shows none, a reused key is 422', async () => {
    const body = { username: 'wang.fang', displayName: '王芳', role: 'leader' };
    const first = await http().post('/users').set(admin).set('Idempotency-Key', 'create-wang').send(body).expect(201);
    expect(first.body).toMatchObject({
      username: 'wang.fang',
      statusLabel: '正常',
      temporaryPassword: expect.any(String),
    });
    expect(first.headers.etag).toBe('"0"');
    const replay = await http().post('/users').set(admin).set('Idempotency-Key', 'create-wang').send(body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toMatchObject({ username: 'wang.fang', statusLabel: '正常' });
    // The replay made up a password it never stored: showing it would lock the user out.
    expect(replay.body.temporaryPassword).toBeUndefined();
    const reused = await http()
      .post('/users')
      .set(admin)
      .set('Idempotency-Key', 'create-wang')
      .send({ ...body, displayName: '王芳芳' })
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await count('user-wang.fang')).toBe(1);
  });

  it('a stale If-Match on an account is 409 USER.STALE with the current revision; the current one is decided', async () => {
    await http()
      .post('/users')
      .set(admin)
      .send({ username: 'zhao.lei', displayName: '赵磊', role: 'office' })
      .expect(201);
    const disabled = await http()
      .post('/users/zhao.lei/disable')
      .set(admin)
      .set('If-Match', '"0"')
      .send({ reason: '调岗' })
      .expect(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', statusLabel: '已停用' });
    expect(disabled.headers.etag).toBe('"1"');
    const stale = await http().post('/users/zhao.lei/enable').set(admin).set('If-Match', '"0"').expect(409);
    expect(stale.body).toMatchObject({ code: 'USER.STALE', details: { currentRevision: '1' } });
    expect(JSON.stringify(stale.body)).not.toMatch(/user-|Stream|expected/);
    await http().post('/users/zhao.lei/enable').set(admin).set('If-Match', '"1"').expect(200);
    expect(await count('user-zhao.lei')).toBe(3);
  });

  it('the organisation tree: ETag on each answer, a stale If-Match is 409 ORGANISATION.STALE, a replay appends nothing', async () => {
    const own = (await http().get('/organisations').set(admin).expect(200)).body[0] as { id: string };
    const revision = BigInt((await count('organisations')) - 1);
    const rename = (name: string) => http().put(`/organisations/${own.id}/name`).set(admin).send({ name });
    const renamed = await rename('示例区')
      .set('If-Match', `"${revision}"`)
      .set('Idempotency-Key', 'rename-1')
      .expect(200);
    expect(renamed.body).toMatchObject({ id: own.id, name: '示例区' });
    expect(renamed.headers.etag).toBe(`"${revision + 1n}"`);
    const replay = await rename('示例区').set('Idempotency-Key', 'rename-1').expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const stale = await rename('另一名称').set('If-Match', `"${revision}"`).expect(409);
    expect(stale.body).toMatchObject({
      code: 'ORGANISATION.STALE',
      details: { currentRevision: String(revision + 1n) },
    });
    // Repeating what is already so decides nothing: the same name appends nothing.
    await rename('示例区').expect(200);
    expect(await count('organisations')).toBe(Number(revision) + 2);
  });
});
