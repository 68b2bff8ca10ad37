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
import { RemindersService } from '@zw/reminders';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module';
import { configureHttp } from '../apps/api/src/configure-http';
import { signIn, type SignIn } from './support/sign-in';

/**
 * Reminders on the embedded default (no Redis: in-process scheduler inside the api), driven
 * through HTTP. The app is test/support's createTestApp with one difference: the clock is a
 * ManualClock, so the test moves time instead of sleeping until 签收 deadlines pass.
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
  const http = () => request(app.getHttpServer());
  const stream = taskStreamId('lianyun-2022-2025', 'C-5');
  const sent = async () => (await store.readStream(stream)).filter((e) => e.type === 'ReminderSent').map((e) => e.data as ReminderSent['data']);
  /** The planner follows the log live; wait until it has scheduled what the last command called for. */
  const plannedAtLeast = async (n: number) => {
    for (let i = 0; i < 400 && (await reminders.scheduler.pending()) < n; i++) await new Promise((r) => setTimeout(r, 10));
  };
  const bearer = async (username: string) => ({ Authorization: `Bearer ${(await as.login(username)).accessToken}` });

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', LOGIN_THROTTLE_LIMIT: '100000' });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).overrideProvider(CLOCK).useValue(clock).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    configureHttp(app);
    await app.init();
    store = app.get(EVENT_STORE);
    reminders = app.get(RemindersService);
    as = signIn(app);
    await http().post('/plans').set(await as.office()).send(loadLianyunPlan()).expect(201);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given C-5 assigned over HTTP and not acknowledged, when the 签收 deadline passes, then both departments are reminded in Chinese and the deliveries are in the task stream', async () => {
    const assigned = await http().post('/tasks/C-5/assignment').set(await as.office()).send({}).expect(201);
    expect(assigned.body.status).toBe('assigned');
    await as.dept(ECO);
    await as.dept(URBAN);
    await plannedAtLeast(1);
    expect(await sent()).toEqual([]);

    clock.set('2023-03-07T09:00:00+08:00'); // 签收 by Monday 6 March (3 working days)
    await reminders.scheduler.runDue();
    const first = await sent();
    expect(first.map((d) => [d.rule, d.department, d.channel, d.dueDate]).sort()).toEqual([
      ['acknowledgement-late', URBAN, 'inapp', '2023-03-06'], ['acknowledgement-late', ECO, 'inapp', '2023-03-06'],
    ].sort());
    expect(first[0]!.message).toMatch(/^【签收提醒】.*任务 C-5「.+」已交办贵单位，签收期限为 2023-03-06/);
    expect(first[0]!.sentAt).toBe('2023-03-07T09:00:00.000+08:00');
  });

  it('when ECO acknowledges over HTTP, then only 区城管局 is chased on the third working day, and the task reads as before', async () => {
    const pending = await reminders.scheduler.pending();
    await http().post('/tasks/C-5/acknowledgements').set(await bearer(as.username(ECO))).expect(201);
    // The live subscription plans the acknowledgement: ECO's remaining 签收 reminder is cancelled.
    for (let i = 0; i < 400 && (await reminders.scheduler.pending()) >= pending; i++) await new Promise((r) => setTimeout(r, 10));
    clock.set('2023-03-09T09:00:00+08:00');
    await reminders.scheduler.runDue();
    const later = (await sent()).filter((d) => d.sentAt.startsWith('2023-03-09'));
    expect(later.map((d) => [d.department, d.deliveryId.split('/').at(-3)])).toEqual([[URBAN, '3']]);
    const task = await http().get('/tasks/C-5').set(await bearer('office')).expect(200);
    expect(task.body.status).toBe('in_progress');
  });
});
