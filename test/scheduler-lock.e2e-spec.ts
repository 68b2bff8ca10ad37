import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CLOCK, ManualClock } from '@zw/clock';
import { loadConfig } from '@zw/config';
import { taskStreamId } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import { loadReminderConfig, REMINDER_CONFIG, RemindersService } from '@zw/reminders';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module';
import { configureHttp } from '../apps/api/src/configure-http';
import { signIn } from './support/sign-in';

/**
 * Two embedded apis on one DATA_DIR (what an operator gets by starting the service twice): the
 * first takes the scheduler lock, the second runs as api only, so each webhook goes out once —
 * before the lock, every webhook was sent twice (recorded once).
 */
describe('two embedded apis on one DATA_DIR: one scheduler (real SQLite files, real webhook receiver)', () => {
  const clock = new ManualClock('2023-03-01T09:00:00+08:00');
  const dataDir = mkdtempSync(join(tmpdir(), 'zw-e2e-lock-'));
  const received: string[] = [];
  const hook = createServer((req, res) => {
    received.push(String(req.headers['webhook-id']));
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  const apps: NestExpressApplication[] = [];

  const start = async (hookUrl: string) => {
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
      .useValue(loadReminderConfig({ REMINDER_WEBHOOK_URL: hookUrl, REMINDER_WEBHOOK_SECRET: 'e2e-secret-0123456789' }))
      .compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    configureHttp(app);
    await app.init();
    apps.push(app);
    return app;
  };

  beforeAll(() => new Promise<void>((r) => hook.listen(0, '127.0.0.1', r)));
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await new Promise<void>((r) => hook.close(() => r()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given two apis started on one data folder, then only the first plans and sends: each webhook goes out once, recorded once', async () => {
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    const first = await start(hookUrl);
    const second = await start(hookUrl);
    const as = signIn(first);
    await request(first.getHttpServer())
      .post('/plans')
      .set(await as.office())
      .send(loadLianyunPlan())
      .expect(201);
    await request(first.getHttpServer())
      .post('/tasks/C-5/assignment')
      .set(await as.office())
      .send({})
      .expect(201);

    const [one, two] = [first.get(RemindersService), second.get(RemindersService)];
    // The first follows the log live: wait until it planned C-5's reminders on top of the indicators'.
    for (let i = 0; i < 400 && (await one.scheduler.pending()) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await one.scheduler.pending()).toBeGreaterThan(0);
    expect(await two.scheduler.pending()).toBe(0);

    clock.set('2023-03-07T09:00:00+08:00'); // 签收 was due Monday 6 March
    await Promise.all([one.scheduler.runDue(), two.scheduler.runDue()]);
    const store = first.get<EventStore>(EVENT_STORE);
    const recorded = (await store.readStream(taskStreamId('lianyun-2022-2025', 'C-5'))).filter(
      (e) => e.type === 'ReminderSent' && (e.data as { channel: string }).channel === 'webhook',
    );
    expect(recorded.length).toBeGreaterThan(0);
    expect(received).toHaveLength(recorded.length);
    expect(new Set(received).size).toBe(received.length);
  });
});
