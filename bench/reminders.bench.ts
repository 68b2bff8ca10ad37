/**
 * Reminder benchmark (`npm run bench:reminders`) against a local Redis (REDIS_URL or
 * TEST_REDIS_URL, default redis://127.0.0.1:6379), every queue under its own prefix, removed after.
 * (1) raw BullMQ `addBulk` of N delayed jobs vs our planner scheduling N reminders from task
 *     events in a real SQLite store (fold → policy → deterministic ids → addBulk);
 * (2) firing lateness when RATE reminders fall due per second for SECONDS seconds: a worker
 *     process (this file with --worker) runs the BullMQ scheduler; each job reads its task
 *     stream and appends a ReminderSent with the stream's revision (the processor's store
 *     work); lateness = processor start − due time; the worker's peak RSS is its maxRSS.
 * Prints human-readable lines, then ONE JSON line (the last) with every figure and `targets`.
 * Knobs: BENCH_REMINDERS (100000), BENCH_RATE (1000), BENCH_SECONDS (10), BENCH_CONCURRENCY (50).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ManualClock, systemClock, toShanghaiIso } from '@zw/clock';
import {
  DEFAULT_REMINDER_POLICY,
  foldTask,
  planReminders,
  taskStreamId,
  type PlannedReminder,
  type TaskEvent,
} from '@zw/domain';
import { ConcurrencyError, SqliteEventStore } from '@zw/event-store';
import { BullMqScheduler, ReminderPlanner, type ReminderJob } from '@zw/reminders';
import { fmt, machineInfo, round, tempDir } from './bench-util';

const N = Number(process.env.BENCH_REMINDERS ?? 100_000);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const REDIS = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TARGETS = { schedulingVsRaw: '>= 0.5', firingP99Ms: '< 1000' } as const;
const RETRY = { attempts: 3, backoffMs: 1000 };
const meta = (occurredAt: string) => ({
  actorId: 'bench',
  role: 'office',
  correlationId: 'bench',
  causationId: 'bench',
  occurredAt,
});

/** A dated task with four milestones (the shape of a 2023-2025 plan row): about 100 reminders. */
function assignment(i: number): TaskEvent {
  const due = ['2025-06-30', '2025-09-30', '2025-12-31', '2026-06-30'];
  return {
    type: 'TaskAssigned',
    data: {
      facts: {
        planId: 'bench',
        code: `T-${i}`,
        title: `基准任务${i}`,
        text: `基准任务${i}`,
        system: '制度体系建设',
        area: '基准',
        window: '2025-2026',
        ongoing: false,
      },
      lead: ['区生态环境局'],
      cooperating: ['区城管局'],
      dueDate: '2026-06-30',
      reporting: null,
      source: 'plan',
      assignedAt: '2025-01-02T09:00:00+08:00',
      acknowledgeBy: '2025-01-07',
      milestones: due.map((dueDate, m) => ({
        milestoneId: `m${m}`,
        title: `节点${m}`,
        dueDate,
        owner: m % 2 ? '区城管局' : '区生态环境局',
      })),
    },
  };
}

/** The reminders of one task: the payloads the raw run adds, so both runs move the same bytes. */
const SAMPLE: PlannedReminder[] = planReminders(foldTask([assignment(0)]), DEFAULT_REMINDER_POLICY);

async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS);
  for (let keys = await redis.keys(`${prefix}:*`); keys.length > 0; keys = keys.slice(1000))
    await redis.del(...keys.slice(0, 1000));
  await redis.quit();
}

/** (1a) The floor: N delayed jobs of the same shape straight into BullMQ, 1000 per addBulk. */
async function rawAddBulk(jobs: ReminderJob[]): Promise<number> {
  const prefix = `zw-bench-raw-${randomUUID()}`;
  const connection = new Redis(REDIS, { maxRetriesPerRequest: null });
  const queue = new Queue('reminders', { connection, prefix });
  const start = performance.now();
  for (let i = 0; i < jobs.length; i += 1000) {
    await queue.addBulk(
      jobs.slice(i, i + 1000).map((job) => ({
        name: job.reminder.rule,
        data: job,
        opts: {
          jobId: job.jobId,
          delay: 86_400_000 + i,
          attempts: RETRY.attempts,
          backoff: { type: 'exponential', delay: RETRY.backoffMs },
          removeOnComplete: { age: 3600 },
          removeOnFail: { age: 3600 },
        },
      })),
    );
  }
  const rate = (jobs.length * 1000) / (performance.now() - start);
  await queue.close();
  await connection.quit();
  await dropPrefix(prefix);
  return rate;
}

/** (1b) Ours: the planner catches up over a log of task assignments and schedules every reminder. */
async function schedulingFromEvents(
  dir: ReturnType<typeof tempDir>,
): Promise<{ rate: number; reminders: number; tasks: number }> {
  const tasks = Math.ceil(N / SAMPLE.length);
  const store = new SqliteEventStore({ filename: dir.file('plan.db'), synchronous: 'NORMAL' });
  for (let i = 0; i < tasks; i++)
    await store.append(
      taskStreamId('bench', `T-${i}`),
      [{ ...assignment(i), metadata: meta('2025-01-02T09:00:00+08:00') }],
      'no_stream',
    );
  const prefix = `zw-bench-ours-${randomUUID()}`;
  const clock = new ManualClock('2025-01-02T09:00:00+08:00');
  const scheduler = new BullMqScheduler({
    redisUrl: REDIS,
    prefix,
    clock,
    retry: RETRY,
    concurrency: 1,
    keepCompletedSeconds: 3600,
    keepFailedSeconds: 3600,
  });
  const planner = new ReminderPlanner(store, scheduler, { policy: DEFAULT_REMINDER_POLICY });
  const start = performance.now();
  await planner.start();
  const seconds = (performance.now() - start) / 1000;
  await planner.stop();
  const reminders = await scheduler.pending();
  await scheduler.close();
  await store.close();
  await dropPrefix(prefix);
  return { rate: reminders / seconds, reminders, tasks };
}

/** (2) Due at RATE per second; a separate worker process fires them. */
async function firing(dir: ReturnType<typeof tempDir>) {
  const streams = 1000;
  const file = dir.file('fire.db');
  const store = new SqliteEventStore({ filename: file });
  for (let i = 0; i < streams; i++)
    await store.append(
      taskStreamId('bench', `F-${i}`),
      [{ ...assignment(i), metadata: meta('2025-01-02T09:00:00+08:00') }],
      'no_stream',
    );
  await store.close();
  const prefix = `zw-bench-fire-${randomUUID()}`;
  const worker = fork(__filename, ['--worker', prefix, file], {
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
  });
  await message(worker, 'ready');
  const total = RATE * SECONDS;
  const scheduler = new BullMqScheduler({
    redisUrl: REDIS,
    prefix,
    clock: systemClock,
    retry: RETRY,
    concurrency: 1,
    keepCompletedSeconds: 3600,
    keepFailedSeconds: 3600,
  });
  const base = systemClock.now().getTime() + 3000 + total / 10; // time to add every job first
  const reminder = planReminders(foldTask([assignment(0)]), DEFAULT_REMINDER_POLICY)[0]!;
  await scheduler.schedule(
    Array.from({ length: total }, (_, i) => ({
      jobId: `r-fire-${i}`,
      streamId: taskStreamId('bench', `F-${i % streams}`),
      reminder: { ...reminder, key: `${reminder.key}/${i}`, fireAt: new Date(base + (i * 1000) / RATE).toISOString() },
    })),
  );
  for (let processed = 0; processed < total;) {
    await new Promise((r) => setTimeout(r, 500));
    worker.send('progress');
    processed = (await message(worker, 'progress')).processed as number;
  }
  worker.send('report');
  const report = await message(worker, 'report');
  await scheduler.close();
  await dropPrefix(prefix);
  return { total, ...report } as {
    total: number;
    p50: number;
    p99: number;
    max: number;
    peakRssMiB: number;
    conflicts: number;
  };
}

function message(child: ChildProcess, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const exit = (code: number | null) => reject(new Error(`worker exited with ${code}`));
    const on = (m: Record<string, unknown>) => {
      if (m.type !== type) return;
      child.off('message', on).off('exit', exit);
      resolve(m);
    };
    child.on('message', on).once('exit', exit);
  });
}

/** The worker role: BullMQ scheduler, the store work of a delivery per job, lateness recorded at start. */
async function workerRole(prefix: string, file: string): Promise<void> {
  const store = new SqliteEventStore({ filename: file });
  const lateness: number[] = [];
  let conflicts = 0;
  const scheduler = new BullMqScheduler({
    redisUrl: REDIS,
    prefix,
    clock: systemClock,
    retry: RETRY,
    concurrency: CONCURRENCY,
    keepCompletedSeconds: 3600,
    keepFailedSeconds: 3600,
  });
  await scheduler.start(async ({ job }) => {
    lateness.push(Date.now() - Date.parse(job.reminder.fireAt));
    const at = toShanghaiIso(new Date());
    const data = {
      deliveryId: `${job.streamId}/${job.reminder.key}/inapp/x`,
      rule: job.reminder.rule,
      department: job.reminder.department,
      channel: 'inapp',
      recipient: 'x',
      target: job.reminder.target,
      dueDate: job.reminder.dueDate,
      message: '催办',
      sentAt: at,
    };
    for (;;) {
      const events = await store.readStream(job.streamId);
      try {
        await store.append(
          job.streamId,
          [{ type: 'ReminderSent', data, metadata: { ...meta(at), actorId: 'system:reminders', role: 'system' } }],
          events.at(-1)!.revision,
        );
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        conflicts++;
      }
    }
  });
  process.send!({ type: 'ready' });
  process.on('message', (m: string) => {
    if (m === 'progress') process.send!({ type: 'progress', processed: lateness.length });
    if (m !== 'report') return;
    const sorted = [...lateness].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    process.send!(
      {
        type: 'report',
        p50: q(0.5),
        p99: q(0.99),
        max: sorted.at(-1),
        peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 1),
        conflicts,
      },
      () => {
        void scheduler
          .close()
          .then(() => store.close())
          .then(() => process.exit(0));
      },
    );
  });
}

async function main(): Promise<void> {
  const dir = tempDir('zw-bench-reminders-');
  try {
    console.log(`Machine: ${JSON.stringify(machineInfo())}`);
    // The raw floor runs first, so any warm-up favours it, not us.
    const tasks = Math.ceil(N / SAMPLE.length);
    const raw = await rawAddBulk(
      Array.from({ length: tasks * SAMPLE.length }, (_, i) => ({
        jobId: `r-raw-${i}`,
        streamId: taskStreamId('bench', `T-${Math.floor(i / SAMPLE.length)}`),
        reminder: SAMPLE[i % SAMPLE.length]!,
      })),
    );
    const ours = await schedulingFromEvents(dir);
    console.log(
      `(1) raw addBulk ${fmt(raw)} jobs/s; ours ${fmt(ours.rate)} reminders/s from ${ours.tasks} task assignments (${ours.reminders} reminders)`,
    );
    const fire = await firing(dir);
    console.log(
      `(2) ${fire.total} reminders due at ${RATE}/s: firing lateness p50 ${fire.p50} ms, p99 ${fire.p99} ms, max ${fire.max} ms; worker peak RSS ${fire.peakRssMiB} MiB (${fire.conflicts} revision conflicts retried)`,
    );
    const figures = {
      rawAddBulkJobsPerSec: round(raw),
      schedulingRemindersPerSec: round(ours.rate),
      schedulingVsRaw: round(ours.rate / raw, 3),
      remindersScheduled: ours.reminders,
      firingRatePerSec: RATE,
      firingReminders: fire.total,
      firingP50Ms: fire.p50,
      firingP99Ms: fire.p99,
      firingMaxMs: fire.max,
      workerPeakRssMiB: fire.peakRssMiB,
      workerConcurrency: CONCURRENCY,
    };
    const meetsTargets = { schedulingVsRaw: figures.schedulingVsRaw >= 0.5, firingP99Ms: figures.firingP99Ms < 1000 };
    console.log(JSON.stringify({ ...figures, targets: TARGETS, meetsTargets }));
  } finally {
    dir.remove();
  }
}

if (process.argv[2] === '--worker') void workerRole(process.argv[3]!, process.argv[4]!);
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
