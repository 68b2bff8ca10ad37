import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EVENT_STORE, PostgresEventStore, type WriteGuardedEventStore } from '@zw/event-store';
import { taskStreamId } from '@zw/domain';
import { createTestDatabase, type TestDatabase } from '../libs/event-store/src/testing/postgres-databases';
import { runCli } from './support/processes';
import { signIn } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const PLAN = 'lianyun-2022-2025';

/**
 * DATABASE_URL selects PostgreSQL for the CLIs and the api alike, and an api that does not run
 * the worker's jobs (API_RUNS_WORKER=false) needs no Redis at all.
 */
(process.env.TEST_PG_URL ? describe : describe.skip)('the api and the CLIs on PostgreSQL, without Redis', () => {
  let db: TestDatabase;
  let t: TestApp | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'zw-pg-cli-'));
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(async () => {
    await t?.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports the plan and rebuilds the views with the CLIs, then serves commands and views with no Redis', async () => {
    const env = { DATABASE_URL: db.url, DATA_DIR: dataDir, REDIS_URL: '' };
    const imported = await runCli('apps/api/src/plans/plan-import.cli.ts', env, [`libs/plan/data/${PLAN}.json`]);
    expect(imported.code).toBe(0);
    const rebuilt = await runCli('apps/api/src/views/projections-rebuild.cli.ts', env);
    expect(rebuilt.code).toBe(0);
    // The rebuild folded the log this database holds: up to the plan import's last event.
    const probe = new PostgresEventStore({ connectionString: db.url });
    const head = (await probe.readAll(0n, 1000)).at(-1)!.position;
    await probe.close();
    expect(JSON.parse(rebuilt.output.trim().split('\n').at(-1)!)).toMatchObject({ position: head.toString() });

    t = await createTestApp({
      DATABASE_URL: db.url,
      API_RUNS_WORKER: 'false',
      CLOCK_START: '2024-03-01T09:00:00+08:00',
    });
    expect(t.config.redisUrl).toBeUndefined();
    // Under the module's write guard (store failures → 507/503), the adapter it chose.
    expect(t.app.get<WriteGuardedEventStore>(EVENT_STORE).adapter).toBeInstanceOf(PostgresEventStore);
    const http = () => request(t!.app.getHttpServer());
    const office = await signIn(t.app).office();
    const assigned = await http().post('/tasks/A-4/assignment').set(office).send({}).expect(201);
    const { body } = await http()
      .get('/board')
      .set(office)
      .set('X-Min-Position', String(assigned.body.position))
      .expect(200);
    expect(body.tasks.find((x: { code: string }) => x.code === 'A-4')).toMatchObject({ status: 'assigned' });
    await http().get('/health').expect(200);

    // What the api appended is in the database the CLIs used.
    const store = new PostgresEventStore({ connectionString: db.url });
    expect((await store.readStream(taskStreamId(PLAN, 'A-4')))[0].type).toBe('TaskAssigned');
    await store.close();
  }, 180_000);
});
