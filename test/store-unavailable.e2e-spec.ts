import { ManualClock } from '@zw/clock';
import { EVENT_STORE, type EventStore, type WriteGuardedEventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { managementHandler } from '../apps/api/src/metrics/management';
import { signIn, type SignIn } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

/** What better-sqlite3 throws when the disk is full (SQLite's own wording and code). */
const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
const ioError = () => Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });

/**
 * A store that refuses writes, simulated by an injected failure of the real SQLite store under
 * the api's write guard (a real full disk is checked by hand: docs/deployment.md). The api must
 * answer 507/503 STORE.UNAVAILABLE in Chinese with Retry-After, report not ready until a write
 * succeeds again, and record nothing of the refused command.
 */
describe('store write failures over HTTP (real SQLite file, injected write failure)', () => {
  let t: TestApp;
  let as: SignIn;
  let adapter: EventStore;
  const http = () => request(t.app.getHttpServer());
  const ready = () => request(managementHandler(t.app)).get('/health/ready');
  const failWrites = (error: () => Error) => [
    jest.spyOn(adapter, 'append').mockImplementation(() => Promise.reject(error())),
    jest.spyOn(adapter.checkpoints, 'store').mockImplementation(() => Promise.reject(error())),
  ];

  beforeAll(async () => {
    t = await createTestApp({}, { clock: new ManualClock('2024-01-02T09:00:00+08:00') });
    as = signIn(t.app);
    await http()
      .post('/plans')
      .set(await as.office())
      .send(loadLianyunPlan())
      .expect(201);
    await as.dept('连云生态环境局');
    // The adapter under the guard the module wraps around it.
    adapter = t.app.get<WriteGuardedEventStore>(EVENT_STORE).adapter;
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  it('given a full disk, then a command answers 507 STORE.UNAVAILABLE in Chinese with Retry-After, readiness is down, and nothing is recorded; once writes succeed, both recover', async () => {
    const before = await adapter.readStream('task-lianyun-2022-2025.C-5');
    const spies = failWrites(diskFull);
    const refused = await http()
      .post('/tasks/C-5/assignment')
      .set(await as.office())
      .send({})
      .expect(507);
    expect(refused.body).toEqual({
      statusCode: 507,
      code: 'STORE.UNAVAILABLE',
      message: '存储空间已满，本次操作未保存。请稍后重试，或请管理员清理存储空间',
      details: {},
    });
    expect(refused.headers['retry-after']).toBe('60');
    const down = await ready().expect(503);
    expect(down.body.details.eventStore).toMatchObject({ status: 'down' });
    expect(await adapter.readStream('task-lianyun-2022-2025.C-5')).toEqual(before);

    for (const spy of spies) spy.mockRestore();
    // Readiness itself tries a write while writes are failing: it recovers without waiting for a user.
    const up = await ready().expect(200);
    expect(up.body.details.eventStore.status).toBe('up');
    await http()
      .post('/tasks/C-5/assignment')
      .set(await as.office())
      .send({})
      .expect(201);
  });

  it('given a failing disk (I/O error), then a command answers 503 STORE.UNAVAILABLE with Retry-After', async () => {
    const spies = failWrites(ioError);
    const refused = await http()
      .post('/tasks/C-5/acknowledgements')
      .set(await as.dept('连云生态环境局'))
      .expect(503);
    expect(refused.body).toMatchObject({
      code: 'STORE.UNAVAILABLE',
      message: '数据存储暂时不可用，本次操作未保存，请稍后重试',
    });
    expect(refused.headers['retry-after']).toBe('10');
    for (const spy of spies) spy.mockRestore();
    await ready().expect(200);
    await http()
      .post('/tasks/C-5/acknowledgements')
      .set(await as.dept('连云生态环境局'))
      .expect(201);
  });
});
