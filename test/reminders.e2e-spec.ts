import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CLOCK, ManualClock } from '@zw/clock';
import { loadConfig } from '@zw/config';
import { taskStreamId, type ReminderSent } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import { loadReminderConfig, REMINDER_CONFIG, RemindersService } from '@zw/reminders';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module';
import { configureHttp } from '../apps/api/src/configure-http';
import { signIn, type SignIn } from './support/sign-in';

/**
 * Reminders on the embedded default (no Redis: in-process scheduler inside the api), driven
 * through HTTP. The app is test/support's createTestApp with one difference: the clock is a
 * ManualClock, so the test moves time instead of sleeping until 签收 deadlines pass. Besides
 * in-app, a webhook to a port where nothing listens is configured, one attempt per job: its
 * deliveries fail, and the failed jobs are what GET /reminders/failed shows.
 */
const ECO = '连云生态环境局';
const URBAN = '区城管局';

describe('reminders over HTTP on the embedded default (real SQLite file, ManualClock)', () => {
  const clock = new ManualClock('2023-03-01T09:00:00+08:00');
  const dataDir = mkdtempSync(join(tmpdir(), 'zw-e2e-reminders-'));
  let app: NestExpressApplication;
  let store: EventStore;
  let reminders: RemindersService;
  let as: SignIn;
  /** Jobs the plan import itself schedules: 指标报送 reminders of the 50 indicators. */
  let indicatorJobs = 0;
  const http = () => request(app.getHttpServer());
  const stream = taskStreamId('lianyun-2022-2025', 'C-5');
  const sent = async () =>
    (await store.readStream(stream))
      .filter((e) => e.type === 'ReminderSent')
      .map((e) => e.data as ReminderSent['data']);
  /** The planner follows the log live; wait until it has scheduled what the last command called for. */
  const plannedAtLeast = async (n: number) => {
    for (let i = 0; i < 400 && (await reminders.scheduler.pending()) < n; i++)
      await new Promise((r) => setTimeout(r, 10));
  };
  const bearer = async (username: string) => ({ Authorization: `Bearer ${(await as.login(username)).accessToken}` });

  beforeAll(async () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      LOGIN_THROTTLE_LIMIT: '100000',
    });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .overrideProvider(REMINDER_CONFIG)
      .useValue(
        loadReminderConfig({
          REMINDER_WEBHOOK_URL: 'http://127.0.0.1:1/hook',
          REMINDER_WEBHOOK_SECRET: 'e2e-secret-0123456789',
          REMINDER_ATTEMPTS: '1',
        }),
      )
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    configureHttp(app);
    await app.init();
    store = app.get(EVENT_STORE);
    reminders = app.get(RemindersService);
    as = signIn(app);
    await http()
      .post('/plans')
      .set(await as.office())
      .send(loadLianyunPlan())
      .expect(201);
    // The planner schedules the indicators' reporting reminders from the import in one go; tasks' jobs come on top.
    await plannedAtLeast(1);
    indicatorJobs = await reminders.scheduler.pending();
    // Accounts are made now: the admin's token would have expired once the clock has moved on.
    await Promise.all([as.leader(), as.dept(ECO), as.dept(URBAN)]);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given C-5 assigned over HTTP and not acknowledged, when the 签收 deadline passes, then both departments are reminded in Chinese and the deliveries are in the task stream', async () => {
    const assigned = await http()
      .post('/tasks/C-5/assignment')
      .set(await as.office())
      .send({})
      .expect(201);
    expect(assigned.body.status).toBe('assigned');
    expect(indicatorJobs).toBeGreaterThan(0);
    await plannedAtLeast(indicatorJobs + 1);
    expect(await sent()).toEqual([]);

    clock.set('2023-03-07T09:00:00+08:00'); // 签收 by Monday 6 March (3 working days)
    await reminders.scheduler.runDue();
    const first = await sent();
    expect(first.map((d) => [d.rule, d.department, d.channel, d.dueDate]).sort()).toEqual(
      [
        ['acknowledgement-late', URBAN, 'inapp', '2023-03-06'],
        ['acknowledgement-late', ECO, 'inapp', '2023-03-06'],
      ].sort(),
    );
    expect(first[0]!.message).toMatch(/^【签收提醒】.*任务 C-5「.+」已交办贵单位，签收期限为 2023-03-06/);
    expect(first[0]!.sentAt).toBe('2023-03-07T09:00:00.000+08:00');
  });

  it('when ECO acknowledges over HTTP, then only 区城管局 is chased on the third working day, and the task reads as before', async () => {
    const pending = await reminders.scheduler.pending();
    await http()
      .post('/tasks/C-5/acknowledgements')
      .set(await bearer(as.username(ECO)))
      .expect(201);
    // The live subscription plans the acknowledgement: ECO's remaining 签收 reminder is cancelled.
    for (let i = 0; i < 400 && (await reminders.scheduler.pending()) >= pending; i++)
      await new Promise((r) => setTimeout(r, 10));
    clock.set('2023-03-09T09:00:00+08:00');
    await reminders.scheduler.runDue();
    const later = (await sent()).filter((d) => d.sentAt.startsWith('2023-03-09'));
    expect(later.map((d) => [d.department, d.deliveryId.split('/').at(-3)])).toEqual([[URBAN, '3']]);
    const task = await http()
      .get('/tasks/C-5')
      .set(await bearer('office'))
      .expect(200);
    expect(task.body.status).toBe('in_progress');
  });

  it('lists the jobs whose webhook failed for the office and the leaders, not for departments; the office retries one', async () => {
    const office = await bearer('office');
    const failed = await http().get('/reminders/failed').set(office).expect(200);
    // 区城管局's two; ECO's failed job went with the cancellation when ECO acknowledged (moot now).
    expect(failed.body.jobs.map((j: { department: string; days: number }) => j.department)).toEqual([URBAN, URBAN]);
    expect(failed.body.jobs[0]).toMatchObject({
      taskCode: 'C-5',
      planId: 'lianyun-2022-2025',
      rule: 'acknowledgement-late',
      attempts: 1,
      error: expect.stringMatching(/^webhook 区城管局: .*fetch failed|ECONNREFUSED/),
    });
    const failures = (await store.readStream(stream)).filter((e) => e.type === 'ReminderFailed');
    expect(failures.map((e) => e.data)).toEqual(
      expect.arrayContaining([expect.objectContaining({ channel: 'webhook', attempt: 1, dueDate: '2023-03-06' })]),
    );
    await http()
      .get('/reminders/failed')
      .set(await bearer(as.username(URBAN)))
      .expect(403);
    await http()
      .get('/reminders/failed')
      .set(await bearer('leader'))
      .expect(200);

    const { jobId } = failed.body.jobs[0];
    await http().post(`/reminders/failed/${jobId}/retry`).set(office).expect(202, { jobId, retried: true });
    await http().post('/reminders/failed/r-unknown/retry').set(office).expect(404);
    await reminders.scheduler.runDue();
    expect((await http().get('/reminders/failed').set(office).expect(200)).body.jobs.length).toBe(2);
    const retried = (await store.readStream(stream)).filter(
      (e) => e.type === 'ReminderFailed' && (e.data as { attempt: number }).attempt === 2,
    );
    expect(retried).toHaveLength(1);
  });
});
