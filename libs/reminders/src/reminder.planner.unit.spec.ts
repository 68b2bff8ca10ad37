import { DEFAULT_REMINDER_POLICY, foldTask, planDiff, planReminders, type TaskEvent } from '@zw/domain';
import type { EventStore, RecordedEvent } from '@zw/event-store';
import { ReminderPlanner } from './reminder.planner';
import { reminderJobId } from './scheduler/reminder-job.ids';
import type { ReminderJob, ReminderScheduler } from './scheduler/reminder-scheduler.port';
import { acknowledgedBy, assignedC5, C5_STREAM, completedM1, ECO, meta, URBAN } from './testing/reminder.fixtures';

const AT = '2024-03-01T10:00:00+08:00';
const report = { department: ECO, text: '进展', difficulties: '', nextSteps: '' };
/** Events the planner skips (reminder.triggers.ts), as the api and the worker append them. */
const NEUTRAL: TaskEvent[] = [
  { type: 'ProgressReported', data: { ...report, percent: 40, reportedAt: AT } },
  {
    type: 'ExtensionRequested',
    data: {
      extensionId: 'e1',
      department: ECO,
      target: { kind: 'milestone', milestoneId: 'm1' },
      reason: '论证',
      currentDueDate: '2024-06-30',
      newDueDate: '2024-08-30',
      requestedAt: AT,
    },
  },
  {
    type: 'ExtensionRejected',
    data: { extensionId: 'e1', target: { kind: 'milestone', milestoneId: 'm1' }, reason: '理由不足', rejectedAt: AT },
  },
  {
    type: 'ReminderSent',
    data: {
      deliveryId: 'd',
      rule: 'before-due',
      department: ECO,
      channel: 'inapp',
      recipient: ECO,
      target: { kind: 'milestone', milestoneId: 'm1' },
      dueDate: '2024-06-30',
      message: '催办',
      sentAt: AT,
    },
  },
];

/** A stream in memory, a scheduler that records every call, and a planner fed by hand. */
function harness(history: TaskEvent[]) {
  const log: RecordedEvent[] = history.map((e, i) => ({
    id: `e${i}`,
    streamId: C5_STREAM,
    type: e.type,
    data: e.data,
    metadata: meta(AT),
    revision: BigInt(i),
    position: BigInt(i + 1),
    recordedAt: AT,
  }));
  const reads: string[] = [];
  const calls: Array<{ schedule?: ReminderJob[]; cancel?: string[] }> = [];
  const store = {
    readStream: async (id: string) => (reads.push(id), log.filter((e) => e.streamId === id)),
  } as unknown as EventStore;
  const scheduler = {
    schedule: async (jobs: ReminderJob[]) => void calls.push({ schedule: jobs }),
    cancel: async (ids: string[]) => void calls.push({ cancel: ids }),
  } as unknown as ReminderScheduler;
  const planner = new ReminderPlanner(store, scheduler, { policy: DEFAULT_REMINDER_POLICY });
  const feed = async (from: number, to = log.length) => {
    for (const event of log.slice(from, to)) {
      await planner.handle(event);
      await planner.flush(event.position);
    }
  };
  return { feed, reads, calls };
}

const C5_ACKED = [assignedC5(), acknowledgedBy(ECO, 'lead', AT), acknowledgedBy(URBAN, 'cooperating', AT)];

describe('ReminderPlanner: events that cannot change the plan', () => {
  it('given C-5 planned, when progress, extension requests, refusals and deliveries arrive, then the scheduler is not called', async () => {
    const h = harness([...C5_ACKED, ...NEUTRAL]);
    await h.feed(0, C5_ACKED.length);
    const before = h.calls.length;
    await h.feed(C5_ACKED.length);
    expect(h.calls.length).toBe(before);
    expect(h.reads).toEqual([]);
  });

  it('given neutral events in between, when a milestone is completed, then exactly the reminders the full fold drops are cancelled', async () => {
    const history = [...C5_ACKED, ...NEUTRAL, completedM1('2024-03-20T16:00:00+08:00')];
    const h = harness(history);
    await h.feed(0, history.length - 1);
    h.calls.length = 0;
    await h.feed(history.length - 1);
    const expected = planDiff(
      planReminders(foldTask(history.slice(0, -1)), DEFAULT_REMINDER_POLICY),
      planReminders(foldTask(history), DEFAULT_REMINDER_POLICY),
    );
    expect(expected.cancel.length).toBeGreaterThan(0);
    expect(h.calls).toEqual([{ cancel: expected.cancel.map((r) => reminderJobId(C5_STREAM, r)) }]);
  });

  it('given a planner that never saw the stream (restart mid-stream), then a neutral event reads nothing and the next real change reads the stream once', async () => {
    const history = [...C5_ACKED, ...NEUTRAL, completedM1('2024-03-20T16:00:00+08:00')];
    const h = harness(history);
    await h.feed(C5_ACKED.length, history.length - 1);
    expect(h.reads).toEqual([]);
    expect(h.calls).toEqual([]);
    await h.feed(history.length - 1);
    expect(h.reads).toEqual([C5_STREAM]);
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.cancel!.length).toBeGreaterThan(0);
  });
});
