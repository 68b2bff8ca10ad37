import { ManualClock } from '@zw/clock';
import type { PlannedReminder } from '@zw/domain';
import {
  DeferDelivery,
  type JobRun,
  type ReminderJob,
  type ReminderScheduler,
  type RetryPolicy,
} from '../scheduler/reminder-scheduler.port';

export const T0 = '2024-07-01T08:30:00+08:00';
const HOUR = 3_600_000;

export interface SchedulerHarness {
  create(clock: ManualClock, retry: RetryPolicy): Promise<ReminderScheduler>;
  /** Drops whatever the scheduler left behind (Redis keys), after it was closed. */
  cleanup?(): Promise<void>;
}

export function testJob(id: string, fireAt: string): ReminderJob {
  const reminder: PlannedReminder = {
    key: `overdue/m-${id}/区城管局/2024-06-30/1`,
    rule: 'overdue',
    target: { kind: 'milestone', milestoneId: id },
    department: '区城管局',
    dueDate: '2024-06-30',
    days: 1,
    fireAt,
  };
  // Real ids are `r-<hash>`; a bare name could collide with BullMQ's own keys (`marker`, `meta`, `id`…).
  return { jobId: `r-${id}`, streamId: 'task-lianyun-2022-2025.C-5', reminder };
}

const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

/** The one contract of both schedulers; every wait polls (runDue, then a short pause) instead of sleeping until a due time; only a failing test waits out its generous deadline. */
export function reminderSchedulerContract(name: string, harness: SchedulerHarness): void {
  describe(`ReminderScheduler contract: ${name}`, () => {
    let clock: ManualClock;
    let scheduler: ReminderScheduler;
    let runs: JobRun[];
    const ran = (id: string) => runs.filter((r) => r.job.jobId === `r-${id}`);
    const open = async (retry: RetryPolicy = { attempts: 3, backoffMs: 20 }) => {
      clock = new ManualClock(T0);
      runs = [];
      scheduler = await harness.create(clock, retry);
      return scheduler;
    };
    const waitFor = async (done: () => boolean | Promise<boolean>, advanceMs = 0) => {
      for (const deadline = performance.now() + 60_000; !(await done());) {
        if (performance.now() > deadline) throw new Error('condition not met within 60 s');
        clock.advance(advanceMs);
        await scheduler.runDue();
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    afterEach(async () => {
      await scheduler.close();
      await harness.cleanup?.();
    });

    it('given a job due later, then it runs only once the injected clock reaches its time', async () => {
      await open();
      await scheduler.start(async (run) => void runs.push(run));
      await scheduler.schedule([testJob('later', at(HOUR)), testJob('now', at(0))]);
      // A job whose processor returned may still count as pending (BullMQ: active until moved to completed).
      await waitFor(async () => ran('now').length === 1 && (await scheduler.pending()) === 1);
      expect(ran('later')).toEqual([]);
      expect(await scheduler.pending()).toBe(1);
      expect(await scheduler.waitingJobIds()).toEqual(['r-later']);
      clock.advance(HOUR);
      await waitFor(async () => ran('later').length === 1 && (await scheduler.pending()) === 0);
      expect(ran('later')[0]).toMatchObject({ attempt: 1, job: testJob('later', at(HOUR)) });
      expect(await scheduler.pending()).toBe(0);
    });

    it('given the same job id scheduled twice, before and after it ran, then it runs once', async () => {
      await open();
      await scheduler.start(async (run) => void runs.push(run));
      await scheduler.schedule([testJob('dup', at(0)), testJob('dup', at(0))]);
      await scheduler.schedule([testJob('dup', at(0))]);
      await waitFor(() => ran('dup').length === 1);
      await scheduler.schedule([testJob('dup', at(0)), testJob('marker', at(0))]);
      await waitFor(() => ran('marker').length === 1);
      expect(ran('dup')).toHaveLength(1);
    });

    it('when a job is cancelled before its time, then it never runs; cancelling an unknown id is no error', async () => {
      await open();
      await scheduler.start(async (run) => void runs.push(run));
      await scheduler.schedule([testJob('cancelled', at(HOUR)), testJob('kept', at(HOUR))]);
      await scheduler.cancel(['r-cancelled', 'r-never-scheduled']);
      clock.advance(HOUR);
      await waitFor(() => ran('kept').length === 1);
      expect(ran('cancelled')).toEqual([]);
    });

    it('given jobs already due when it starts, then they run at start (catch-up)', async () => {
      await open();
      await scheduler.schedule([testJob('missed-1', at(-48 * HOUR)), testJob('missed-2', at(-HOUR))]);
      await scheduler.start(async (run) => void runs.push(run));
      await waitFor(() => runs.length === 2);
      expect(runs.map((r) => r.job.jobId).sort()).toEqual(['r-missed-1', 'r-missed-2']);
    });

    it('when a job fails, then it is retried with backoff and attempts counted up, the last one marked final', async () => {
      await open({ attempts: 3, backoffMs: 20 });
      await scheduler.start(async (run) => {
        runs.push(run);
        if (run.attempt < 3) throw new Error(`channel down (attempt ${run.attempt})`);
      });
      await scheduler.schedule([testJob('flaky', at(0))]);
      await waitFor(() => ran('flaky').length === 3, 1_000);
      expect(ran('flaky').map((r) => [r.attempt, r.final])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      expect(await scheduler.failed()).toEqual([]);
    });

    it('when a job fails every attempt, then it stays visible as failed until retried for one more attempt', async () => {
      await open({ attempts: 2, backoffMs: 20 });
      let healthy = false;
      await scheduler.start(async (run) => {
        runs.push(run);
        if (!healthy) throw new Error('SMTP 554 rejected');
      });
      await scheduler.schedule([testJob('broken', at(0))]);
      await waitFor(async () => (await scheduler.failed()).length === 1, 1_000);
      const [failed] = await scheduler.failed();
      expect(failed).toMatchObject({
        jobId: 'r-broken',
        attempts: 2,
        error: 'SMTP 554 rejected',
        streamId: 'task-lianyun-2022-2025.C-5',
      });
      expect(await scheduler.retry('no-such-job')).toBe(false);
      healthy = true;
      expect(await scheduler.retry('r-broken')).toBe(true);
      await waitFor(() => ran('broken').length === 3);
      expect(ran('broken').map((r) => r.attempt)).toEqual([1, 2, 3]);
      await waitFor(async () => (await scheduler.failed()).length === 0);
    });

    it('when the processor defers (quiet hours), then the job waits for that time without using an attempt', async () => {
      await open();
      await scheduler.start(async (run) => {
        runs.push(run);
        if (runs.length === 1) throw new DeferDelivery(at(15 * HOUR));
      });
      await scheduler.schedule([testJob('night', at(0)), testJob('day', at(HOUR))]);
      await waitFor(() => ran('night').length === 1);
      clock.advance(HOUR);
      await waitFor(() => ran('day').length === 1);
      expect(ran('night')).toHaveLength(1);
      clock.advance(14 * HOUR);
      await waitFor(() => ran('night').length === 2);
      expect(ran('night').map((r) => r.attempt)).toEqual([1, 1]);
    });

    it('refuses a job id with a colon', async () => {
      await open();
      await expect(scheduler.schedule([testJob('task:C-5', at(0))])).rejects.toThrow(/:/);
    });
  });
}
