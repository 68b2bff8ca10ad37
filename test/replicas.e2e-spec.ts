import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import request from 'supertest';
import { taskStreamId, type ReminderSent } from '@zw/domain';
import { PostgresEventStore, type RecordedEvent } from '@zw/event-store';
import { createTestDatabase, type TestDatabase } from '../libs/event-store/src/testing/postgres-databases';
import {
  freePort,
  GENEROUS_MS,
  runCli,
  startProcess,
  stopAll,
  stopProcess,
  until,
  type Started,
} from './support/processes';
import { INITIAL_PASSWORD, TEST_PASSWORD } from './support/sign-in';
import { overdueTaskFixture } from './support/reminder-fixture';

/**
 * The scale-out topology, for real: two api processes and one worker (BullMQ on a real
 * redis-server) on one PostgreSQL database, started as production starts them
 * (DATABASE_URL, REDIS_URL, API_RUNS_WORKER=false), the accounts made with the `users` CLI.
 */
const redisUrl = process.env.TEST_REDIS_URL;
const postgres = process.env.TEST_PG_URL;
const CLOCK_START = '2024-07-03T09:00:00+08:00';
const ECO = '连云生态环境局';
const URBAN = '区城管局';
const PLAN = 'lianyun-2022-2025';
const FIXTURE_STREAM = taskStreamId(PLAN, 'C-5');

(redisUrl && postgres ? describe : describe.skip)('two api replicas and a worker on one PostgreSQL database', () => {
  const prefix = `zw-test-${randomUUID()}`;
  // Each process its own DATA_DIR (view snapshots), as on separate machines.
  const dirs = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'zw-replica-')));
  const hook = createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
  const processes: Started[] = [];
  let worker: Started;
  let db: TestDatabase;
  let store: PostgresEventStore;
  let env: Record<string, string>;
  let a: string, b: string;
  const api = (base: string) => request(base);

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: db.url });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl!,
      API_RUNS_WORKER: 'false',
      CLOCK_START,
      JWT_SECRET: 'replicas-test-secret-0123456789-abcdef',
      LOGIN_THROTTLE_LIMIT: '4',
      // Windows far longer than the test, however slow the machine: the throttle counts, never expires, here.
      LOGIN_THROTTLE_WINDOW: '1h',
      ACCESS_TOKEN_TTL: '1h',
      LOGIN_THROTTLE_REDIS_PREFIX: `${prefix}:throttle:`,
      REMINDER_QUEUE_PREFIX: prefix,
      REMINDER_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
      REMINDER_WEBHOOK_SECRET: 'replicas-webhook-secret-0123',
    };
    // A task due before the clock starts, written before any process runs: the worker owes it reminders.
    await store.append(FIXTURE_STREAM, overdueTaskFixture(ECO, URBAN), 'no_stream');
    const [portA, portB] = [await freePort(), await freePort()];
    [a, b] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
    const apiEnv = (port: number, dir: string) => ({ ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir });
    processes.push(startProcess('apps/api/src/main.ts', apiEnv(portA, dirs[0]), ['--seed-plan']));
    processes.push(startProcess('apps/api/src/main.ts', apiEnv(portB, dirs[1])));
    worker = startProcess('apps/worker/src/main.ts', { ...env, DATA_DIR: dirs[2] });
    processes.push(worker);
    for (const base of [a, b]) {
      let last = 'no answer';
      await until(
        `${base} ready`,
        async () => {
          const health = await api(base).get('/health');
          last = `${health.status} ${health.text}`;
          return health.status === 200 ? true : undefined;
        },
        // Three ts-node processes starting at once, each compiling the app, on a loaded 2-core machine.
        2 * GENEROUS_MS,
      ).catch((error: Error) => {
        throw new Error(`${error.message} (last: ${last})\n${processes.map((p) => p.output()).join('\n---\n')}`);
      });
    }
  }, 4 * GENEROUS_MS);

  afterAll(async () => {
    await stopAll();
    await store?.close();
    await new Promise<void>((r) => hook.close(() => r()));
    const redis = new Redis(redisUrl!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await db?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('serves one system from both replicas: accounts, commands, racing If-Match, read-your-writes, equal boards, reminders once, a shared login throttle', async () => {
    // The users CLI honours DATABASE_URL: the admin it bootstraps logs in on either replica.
    const boot = await runCli('apps/api/src/auth/users.cli.ts', env, ['bootstrap']);
    expect(boot.code).toBe(0);
    const adminPassword = /One-time password[^:]*: (\S+)/.exec(boot.output)![1];
    const login = async (base: string, username: string, password = TEST_PASSWORD) => {
      const res = await api(base).post('/auth/login').send({ username, password });
      expect(res.status).toBe(200);
      return { Authorization: `Bearer ${res.body.accessToken as string}` };
    };
    /** The owner replaces a password someone else set before anything else works (AUTH.PASSWORD_CHANGE_REQUIRED). */
    const firstLogin = async (base: string, username: string, given: string) => {
      await api(base)
        .post('/auth/password')
        .set(await login(base, username, given))
        .send({ currentPassword: given, newPassword: TEST_PASSWORD })
        .expect(204);
      return login(base, username);
    };
    const admin = await firstLogin(a, 'admin', adminPassword);
    const accounts: Array<[string, string, string?]> = [
      ['office', 'office'],
      ['eco', 'department', ECO],
      ['urban', 'department', URBAN],
    ];
    for (const [username, role, department] of accounts) {
      await api(a)
        .post('/users')
        .set(admin)
        .send({
          username,
          displayName: department ?? role,
          role,
          ...(department && { department }),
          password: INITIAL_PASSWORD,
        })
        .expect(201);
      await firstLogin(a, username, INITIAL_PASSWORD);
    }
    // Created through A, used through B.
    const office = await login(b, 'office');
    const eco = await login(a, 'eco');
    const urban = await login(b, 'urban');

    // Commands spread over both replicas.
    await until('the seeded plan on B', async () =>
      (await api(b).get(`/tasks/A-4`).set(office)).status === 200 ? true : undefined,
    );
    await api(b).post('/tasks/A-4/assignment').set(office).send({}).expect(201);
    await api(a).post('/tasks/A-4/acknowledgements').set(eco).expect(201);
    await api(a).post('/tasks/D-1/assignment').set(office).send({}).expect(201);

    // 20 commands with the same If-Match, 10 through each replica: exactly one wins.
    const etag = (await api(a).get('/tasks/A-4').set(eco)).headers.etag as string;
    const race = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(i % 2 ? a : b)
          .post('/tasks/A-4/progress-reports')
          .set(eco)
          .set('If-Match', etag)
          .send({ percent: 10 + i, text: `第${i}次进展` }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    const a6 = (await store.readStream(taskStreamId(PLAN, 'A-4'))).map((e) => e.revision);
    expect(a6).toEqual(a6.map((_, i) => BigInt(i)));

    // Read-your-writes across replicas: written through B, read on A (and B) at that position.
    const ack = await api(b).post('/tasks/D-1/acknowledgements').set(urban).expect(201);
    // Each replica waits up to 5 s for its views to reach the position, then answers 503 (try
    // again): on a loaded machine a client may need a second try, never a stale board.
    const statuses: number[] = [];
    const boardOn = (base: string, position: string) =>
      until(`the board of ${base} at ${position}`, async () => {
        const res = await api(base).get('/board').set(office).set('X-Min-Position', position);
        statuses.push(res.status);
        return res.status === 200 ? res : undefined;
      });
    for (const board of await Promise.all([boardOn(a, ack.body.position), boardOn(b, ack.body.position)])) {
      const d1 = board.body.tasks.find((t: { code: string }) => t.code === 'D-1');
      expect(d1.departments).toEqual([expect.objectContaining({ name: URBAN, acknowledgementLabel: '已签收' })]);
    }

    // Every reminder the worker owed for the fixture task, recorded once (7 per milestone, two channels).
    const deliveries = async (): Promise<RecordedEvent[]> => {
      const events: RecordedEvent[] = [];
      for (
        let page = await store.readAll(0n, 1000);
        page.length > 0;
        page = await store.readAll(page.at(-1)!.position, 1000)
      )
        events.push(...page.filter((e) => e.type === 'ReminderSent' || e.type === 'EscalationSent'));
      return events;
    };
    await until('28 reminders of the fixture task', async () =>
      (await deliveries()).filter((e) => e.streamId === FIXTURE_STREAM).length >= 28 ? true : undefined,
    );
    // A duplicate would come from a second run of a job already recorded: once the worker has
    // stopped (SIGTERM lets its running jobs finish), nothing more can be recorded.
    await stopProcess(worker);
    expect(await worker.exited).toBe(0);
    const recorded = await deliveries();
    const ids = recorded.map((e) => (e.data as ReminderSent['data']).deliveryId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(recorded.filter((e) => e.streamId === FIXTURE_STREAM)).toHaveLength(28);

    // With the log quiet, both replicas' boards at its head are the same board.
    const head = (await store.readAll((recorded.at(-1)?.position ?? 0n) - 1n, 1000)).at(-1)!.position.toString();
    const [boardA, boardB] = await Promise.all([boardOn(a, head), boardOn(b, head)]);
    expect(boardA.body).toEqual(boardB.body);
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);

    // The login throttle counts in Redis: 4 attempts spread over both replicas use up the limit.
    const attempt = (base: string) => api(base).post('/auth/login').send({ username: 'mallory', password: 'wrong' });
    for (const base of [a, b, a, b]) expect((await attempt(base)).status).toBe(401);
    expect((await attempt(a)).status).toBe(429);
    expect((await attempt(b)).status).toBe(429);

    // The audit CLI on the same DATABASE_URL finds every chain intact.
    const audit = await runCli('apps/api/src/audit/audit-verify.cli.ts', env);
    expect(audit.code).toBe(0);
  }, 900_000); // generous for a loaded machine: nothing here waits on time passing
});
