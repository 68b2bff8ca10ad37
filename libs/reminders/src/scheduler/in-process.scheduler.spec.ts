import { reminderSchedulerContract } from '../testing/reminder-scheduler.contract';
import { InProcessScheduler } from './in-process.scheduler';

reminderSchedulerContract('in-process (embedded default)', {
  create: async (clock, retry) => new InProcessScheduler({ clock, retry, tickMs: 60_000, concurrency: 4 }),
});
