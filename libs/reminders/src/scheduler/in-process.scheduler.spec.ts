import { ManualClock } from '@zw/clock';
import { reminderSchedulerContract, T0, testJob } from '../testing/reminder-scheduler.contract';
import { InProcessScheduler } from './in-process.scheduler';
import type { JobRun } from './reminder-scheduler.port';

reminderSchedulerContract('in-process (embedded default)', {
  create: async (clock, retry) => new InProcessScheduler({ clock, retry, tickMs: 60_000, concurrency: 4 }),
});

/** A ManualClock whose periodic work the test fires, to see what the scheduler hangs on the clock. */
class TickingClock extends ManualClock {
  readonly ticks: Array<{ ms: number; run: () => void; stopped: boolean }> = [];
  override every(ms: number, run: () => void): () => void {
    const tick = { ms, run, stopped: false };
    this.ticks.push(tick);
    return () => void (tick.stopped = true);
  }
}

describe('in-process scheduler ticks on the injected clock', () => {
  const HOUR = 3_600_000;
  const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

  it('given a job due in an hour, when the clock moves past it, then it runs only on the clock’s tick (never on a wall-clock timer), and close stops the ticks', async () => {
    const clock = new TickingClock(T0);
    const setInterval = jest.spyOn(global, 'setInterval');
    const scheduler = new InProcessScheduler({
      clock,
      retry: { attempts: 1, backoffMs: 1 },
      tickMs: 1000,
      concurrency: 1,
    });
    const runs: JobRun[] = [];
    try {
      await scheduler.schedule([testJob('soon', at(HOUR))]);
      await scheduler.start(async (run) => void runs.push(run));
      expect(clock.ticks.map((t) => t.ms)).toEqual([1000]);
      expect(setInterval).not.toHaveBeenCalled();

      clock.advance(HOUR);
      expect(runs).toEqual([]);
      clock.ticks[0]!.run();
      await scheduler.runDue(); // waits for the pass the tick started
      expect(runs.map((r) => r.job.jobId)).toEqual(['r-soon']);
    } finally {
      await scheduler.close();
      setInterval.mockRestore();
    }
    expect(clock.ticks[0]!.stopped).toBe(true);
  });
});
