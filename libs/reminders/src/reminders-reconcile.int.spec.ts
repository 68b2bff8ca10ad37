import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { foldTask, planReminders, type TaskEvent } from '@zw/domain';
import { createChannels } from './channels/reminder.routing';
import { loadReminderConfig } from './reminder.config';
import { ReminderPlanner } from './reminder.planner';
import { ReminderProcessor } from './reminder.processor';
import { ReminderReconciler } from './reminder.reconciler';
import { BullMqScheduler } from './scheduler/bullmq.scheduler';
import { testJob } from './testing/reminder-scheduler.contract';
import { assignedC5, C5_STREAM, openStore, type StoreHarness } from './testing/reminder.fixtures';

const sharedRedis = process.env.TEST_REDIS_URL;
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
const config = loadReminderConfig({});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A redis-server of this test's own, without persistence: killing it loses every key. */
class ThrowawayRedis {
  private child?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'zw-redis-reconcile-'));
  constructor(readonly port: number) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 200; i++) {
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      const up = await probe.connect().then(
        () => probe.ping(),
        () => undefined,
      );
      probe.disconnect();
      if (up === 'PONG') return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('redis-server did not start');
  }
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Redis is a cache of the plan of reminders, the event log the truth: after Redis loses the
 * jobs, a worker resuming from its planner checkpoint re-creates none of them, and the
 * reconciler puts back every one still owed — each then delivered and recorded once.
 */
describe('reminders reconciled from the log after Redis lost them (real redis-server, real SQLite file)', () => {
  let h: StoreHarness;
  const schedulers: BullMqScheduler[] = [];
  const prefixes: Array<{ url: string; prefix: string }> = [];
  let ownRedis: ThrowawayRedis | undefined;

  const open = (redisUrl: string, prefix: string) => {
    const scheduler = new BullMqScheduler({
      redisUrl,
      prefix,
      clock: h.clock,
      retry: { attempts: config.attempts, backoffMs: 20 },
      concurrency: 2,
      keepCompletedSeconds: 3600,
      keepFailedSeconds: 3600,
    });
    schedulers.push(scheduler);
    const planner = new ReminderPlanner(h.store, scheduler, {
      policy: config.policy,
      subscriberId: `planner-${prefix}`,
    });
    const reconciler = new ReminderReconciler(h.store, scheduler, { policy: config.policy, attempts: config.attempts });
    return { scheduler, planner, reconciler };
  };

  afterEach(async () => {
    await Promise.allSettled(schedulers.splice(0).map((s) => s.close()));
    for (const { url, prefix } of prefixes.splice(0)) {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 });
      const keys = await redis.keys(`${prefix}:*`).catch(() => []);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    await ownRedis?.stop();
    ownRedis = undefined;
    await h?.close();
  });

  /** Plans C-5's reminders, lets Redis lose them, then checks a restarted worker with reconciliation. */
  async function scenario(redisUrl: () => string, lose: (prefix: string) => Promise<void>): Promise<void> {
    h = openStore('2024-01-02T09:00:00+08:00');
    const prefix = `zw-test-${randomUUID()}`;
    prefixes.push({ url: redisUrl(), prefix });
    await h.append(assignedC5());

    const first = open(redisUrl(), prefix);
    await first.planner.start();
    await first.planner.stop();
    const planned = (await first.scheduler.waitingJobIds()).sort();
    expect(planned.length).toBeGreaterThan(2);
    await first.scheduler.close();

    await lose(prefix);

    const second = open(redisUrl(), prefix);
    await second.planner.start(); // resumes from its checkpoint: plans nothing again
    await second.planner.stop();
    expect(await second.scheduler.waitingJobIds()).toEqual([]);
    expect(await second.reconciler.reconcile()).toEqual({ owed: planned.length, added: planned.length, dropped: 0 });
    expect((await second.scheduler.waitingJobIds()).sort()).toEqual(planned);

    // 签收 was due 2024-01-05: the first reminders fall due on Monday the 8th.
    h.clock.set('2024-01-09T09:00:00+08:00');
    const processor = new ReminderProcessor(h.store, h.clock, config, createChannels(config, h.clock));
    await second.scheduler.start(processor.run);
    const owedNow = planReminders(
      foldTask((await h.store.readStream(C5_STREAM)) as unknown as TaskEvent[]),
      config.policy,
    );
    const due = owedNow.filter((r) => Date.parse(r.fireAt) <= h.clock.now().getTime()).length;
    expect(due).toBeGreaterThan(0);
    const settled = async () =>
      (await h.deliveries()).length >= due && (await second.scheduler.pending()) === planned.length - due;
    for (const deadline = performance.now() + 20_000; !(await settled()) && performance.now() < deadline;) {
      await second.scheduler.runDue();
      await new Promise((r) => setTimeout(r, 25));
    }
    const deliveries = await h.deliveries();
    expect(deliveries.map((e) => e.type)).toEqual(Array(due).fill('ReminderSent'));
    expect(new Set(deliveries.map((e) => (e.data as { deliveryId: string }).deliveryId)).size).toBe(due);

    // Reconciling again adds nothing: what was delivered is settled in the stream.
    expect(await second.reconciler.reconcile()).toEqual({ owed: planned.length - due, added: 0, dropped: 0 });
    await second.scheduler.runDue();
    expect(await h.deliveries()).toHaveLength(due);
  }

  (sharedRedis ? it : it.skip)(
    'given reminders pending, when Redis loses every key of the queue (a flush), then reconciling re-creates each and each is delivered and recorded once',
    async () => {
      await scenario(
        () => sharedRedis!,
        async (prefix) => {
          // The shared test Redis is never FLUSHALLed: the queue's keys are what a flush takes.
          const redis = new Redis(sharedRedis!);
          const keys = await redis.keys(`${prefix}:*`);
          expect(keys.length).toBeGreaterThan(0);
          await redis.del(...keys);
          await redis.quit();
        },
      );
    },
  );

  (hasRedisServer ? it : it.skip)(
    'given reminders pending, when a redis-server without persistence is killed and started again, then reconciling re-creates each and each is delivered once',
    async () => {
      ownRedis = new ThrowawayRedis(await freePort());
      await ownRedis.start();
      await scenario(
        () => ownRedis!.url,
        async () => {
          await ownRedis!.kill();
          await ownRedis!.start();
        },
      );
    },
  );

  (sharedRedis ? it : it.skip)('given a waiting job the log does not call for, then reconciling drops it', async () => {
    h = openStore('2024-01-02T09:00:00+08:00');
    const prefix = `zw-test-${randomUUID()}`;
    prefixes.push({ url: sharedRedis!, prefix });
    await h.append(assignedC5());
    const { scheduler, planner, reconciler } = open(sharedRedis!, prefix);
    await planner.start();
    await planner.stop();
    const planned = (await scheduler.waitingJobIds()).sort();
    await scheduler.schedule([{ ...testJob('stale', '2024-02-01T09:00:00+08:00'), streamId: C5_STREAM }]);
    expect(await reconciler.reconcile()).toEqual({ owed: planned.length, added: 0, dropped: 1 });
    expect((await scheduler.waitingJobIds()).sort()).toEqual(planned);
  });
});
