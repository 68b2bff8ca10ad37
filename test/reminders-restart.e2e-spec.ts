import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { taskStreamId, type ReminderSent, type TaskEvent } from '@zw/domain';
import { SqliteEventStore, type RecordedEvent } from '@zw/event-store';
import { startProcess, stopAll, until } from './support/processes';
import { overdueTaskFixture } from './support/reminder-fixture';

/**
 * Restart safety of the production topology: the worker process on BullMQ (real redis-server)
 * and the real SQLite file, killed with SIGKILL while reminders are due, restarted later on
 * an injected clock (CLOCK_START): nothing due is lost, nothing is recorded twice, nothing is
 * sent for work completed while it was down. No sleeping on due dates: the clock is moved, and
 * no race with the worker's speed: the webhook holds its answer while the worker is killed.
 */
const redisUrl = process.env.TEST_REDIS_URL;
const ECO = '连云生态环境局';
const URBAN = '区城管局';
const STREAM = taskStreamId('lianyun-2022-2025', 'C-5');
const SECRET = 'restart-test-secret-0123456789';
const meta = (occurredAt: string) => ({
  actorId: 'office-test',
  role: 'office',
  correlationId: 't',
  causationId: 't',
  occurredAt,
});

const completedM1: TaskEvent = {
  type: 'MilestoneCompleted',
  data: {
    milestoneId: 'm1',
    title: '制定社会源危险废物收集方案',
    department: ECO,
    evidence: [{ title: '收集方案', documentRef: '连环发〔2024〕12号' }],
    note: '',
    dueDate: '2024-06-30',
    late: true,
    completedAt: '2024-07-04T10:00:00+08:00',
  },
};

const startWorker = (env: Record<string, string>) => startProcess('apps/worker/src/main.ts', env);

/**
 * The webhook receiver: answers the first call, then holds every later one unanswered while
 * `holding`. A worker running one job at a time is then stuck inside its second reminder,
 * with exactly one reminder recorded, however fast or slow the machine is.
 */
function holdingHook() {
  const held: ServerResponse[] = [];
  let answered = 0;
  let holding = true;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (holding && answered > 0) return void held.push(res);
      answered += 1;
      res.writeHead(204).end();
    });
  });
  const release = () => {
    holding = false;
    for (const res of held.splice(0)) res.destroy();
  };
  return { server, held, release };
}

(redisUrl ? describe : describe.skip)(
  'reminders survive a SIGKILLed worker (BullMQ on real redis-server, real SQLite file)',
  () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zw-restart-'));
    const prefix = `zw-test-${randomUUID()}`;
    const hook = holdingHook();
    let store: SqliteEventStore;

    beforeAll(async () => {
      await new Promise<void>((r) => hook.server.listen(0, '127.0.0.1', r));
      store = new SqliteEventStore({ filename: join(dataDir, 'events.db') });
    });
    afterAll(async () => {
      await stopAll();
      await store.close();
      hook.release();
      hook.server.closeAllConnections();
      await new Promise<void>((r) => hook.server.close(() => r()));
      const redis = new Redis(redisUrl!);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const deliveries = async () =>
      (await store.readStream(STREAM)).filter((e) => e.type === 'ReminderSent' || e.type === 'EscalationSent');
    const ids = (events: RecordedEvent[]) => events.map((e) => (e.data as ReminderSent['data']).deliveryId);

    it('given reminders due, when the worker is SIGKILLed and restarted days later, then every due reminder is recorded once and none for work done meanwhile', async () => {
      await store.append(STREAM, overdueTaskFixture(ECO, URBAN), 'no_stream');
      const env = {
        DATA_DIR: dataDir,
        REDIS_URL: redisUrl!,
        API_RUNS_WORKER: 'false',
        REMINDER_QUEUE_PREFIX: prefix,
        REMINDER_CONCURRENCY: '1',
        // The killed worker's job is taken over once its lock expires; long enough that a worker
        // starved of CPU on a loaded machine still renews its lock in time.
        REMINDER_LOCK_MS: '10000',
        // A held webhook call stays held: it never times out into a retry during the test.
        REMINDER_SEND_TIMEOUT_MS: '600000',
        REMINDER_WEBHOOK_URL: `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/hook`,
        REMINDER_WEBHOOK_SECRET: SECRET,
      };

      // Wednesday 3 July: both milestones are 3 days overdue; 7 reminders each are due (30/7/1 before, overdue 1-3, 督办 to the office).
      const first = startWorker({ ...env, CLOCK_START: '2024-07-03T09:00:00+08:00' });
      // The first reminder went out on both channels and was recorded; the second is stuck in its webhook call.
      await until('a second webhook call, held', async () => (hook.held.length > 0 ? true : undefined));
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      hook.release();
      const beforeRestart = await deliveries();
      expect(beforeRestart.map((e) => (e.data as ReminderSent['data']).channel).sort()).toEqual(['inapp', 'webhook']);

      // While it is down, ECO completes m1 (Thursday 4 July).
      await store.append(STREAM, [{ ...completedM1, metadata: meta('2024-07-04T10:00:00+08:00') }], 'stream_exists');

      // Friday 5 July: m2 is now 5 days overdue — 9 reminders, on two channels each.
      const second = startWorker({ ...env, CLOCK_START: '2024-07-05T09:00:00+08:00' });
      const m2 = (events: RecordedEvent[]) =>
        events.filter(
          (e) =>
            (e.data as ReminderSent['data']).target.kind === 'milestone' &&
            ((e.data as ReminderSent['data']).target as { milestoneId: string }).milestoneId === 'm2',
        );
      await until('every m2 reminder', async () => (m2(await deliveries()).length >= 18 ? true : undefined)).catch(
        (error: Error) => {
          throw new Error(`${error.message}\n${second.output()}`);
        },
      );
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      const after = await deliveries();
      expect(new Set(ids(after)).size).toBe(after.length);
      const m2Keys = m2(after)
        .map((e) => {
          const d = e.data as ReminderSent['data'];
          return `${d.rule}/${d.channel}/${d.deliveryId.split('/')[5]}`;
        })
        .sort();
      expect(m2Keys).toEqual(
        ['before-due', 'overdue', 'escalation-office']
          .flatMap((rule) =>
            (rule === 'before-due' ? ['1', '30', '7'] : rule === 'overdue' ? ['1', '2', '3', '4', '5'] : ['3']).flatMap(
              (step) => [`${rule}/inapp/${step}`, `${rule}/webhook/${step}`],
            ),
          )
          .sort(),
      );
      // m1 was done while the worker was down: nothing about it was recorded after the restart.
      const m1After = after.filter((e) => !m2(after).includes(e));
      expect(ids(m1After).sort()).toEqual(ids(beforeRestart.filter((e) => !m2(beforeRestart).includes(e))).sort());
      expect(ids(m1After).length).toBeLessThan(14);
    }, 900_000); // two ts-node worker starts on a loaded machine; nothing here waits on time passing
  },
);
