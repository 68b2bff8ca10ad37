import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ManualClock } from '@zw/clock';
import { reminderSchedulerContract, T0, testJob } from '../testing/reminder-scheduler.contract';
import { BullMqScheduler } from './bullmq.scheduler';
import type { JobRun } from './reminder-scheduler.port';

/** Against a real redis-server: the URL the test runner provides (scripts/test.mjs). */
const redisUrl = process.env.TEST_REDIS_URL;

/** Every key under the prefix, removed after the test (the Redis is shared: never FLUSHALL). */
async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl!);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

(redisUrl ? describe : describe.skip)('BullMQ scheduler (real redis-server)', () => {
  let prefix = '';
  reminderSchedulerContract('BullMQ', {
    create: async (clock, retry) => {
      prefix = `zw-test-${randomUUID()}`;
      return new BullMqScheduler({
        redisUrl: redisUrl!,
        prefix,
        clock,
        retry,
        concurrency: 4,
        keepCompletedSeconds: 3600,
        keepFailedSeconds: 3600,
      });
    },
    cleanup: () => dropPrefix(prefix),
  });

  /** Every scheduler and prefix this file opens, closed and dropped in afterAll even when an expectation failed. */
  const opened: BullMqScheduler[] = [];
  const prefixes: string[] = [];
  afterAll(async () => {
    await Promise.allSettled(opened.map((s) => s.close()));
    await Promise.allSettled(prefixes.map((p) => dropPrefix(p)));
  });

  it('given jobs in Redis and no worker running, when a worker starts later by the clock, then it runs what fell due meanwhile, once', async () => {
    const testPrefix = `zw-test-${randomUUID()}`;
    prefixes.push(testPrefix);
    const clock = new ManualClock(T0);
    const options = {
      redisUrl: redisUrl!,
      prefix: testPrefix,
      clock,
      retry: { attempts: 3, backoffMs: 20 },
      concurrency: 2,
      keepCompletedSeconds: 3600,
      keepFailedSeconds: 3600,
    };
    const first = new BullMqScheduler(options);
    opened.push(first);
    await first.schedule([
      testJob('tomorrow', '2024-07-02T08:30:00+08:00'),
      testJob('next-week', '2024-07-08T08:30:00+08:00'),
    ]);
    await first.close();

    clock.set('2024-07-03T09:00:00+08:00');
    const second = new BullMqScheduler(options);
    opened.push(second);
    const runs: JobRun[] = [];
    await second.start(async (run) => void runs.push(run));
    // The processor returning is not the job completed: it stays 'active' (pending) until BullMQ moves it.
    const settled = async () => runs.length >= 1 && (await second.pending()) === 1;
    for (const deadline = performance.now() + 15_000; !(await settled()) && performance.now() < deadline;)
      await new Promise((r) => setTimeout(r, 20));
    expect(runs.map((r) => r.job.jobId)).toEqual(['r-tomorrow']);
    expect(await second.pending()).toBe(1);
  });
});
