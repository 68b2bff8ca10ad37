import { evolve } from '../task/task.state';
import { foldTask } from '../task/task.fold';
import type { TaskEvent } from '../task/task.events';
import { acknowledged, assigned, C2, C5, C5_IN, ECO, extensionRequested, URBAN } from '../task/testing/task.fixtures';
import { planReminders } from './reminder.plan';
import { DEFAULT_REMINDER_POLICY as POLICY } from './reminder.policy';
import { canChangeReminderPlan, PLAN_NEUTRAL_TASK_EVENTS } from './reminder.triggers';

const AT = '2024-03-28T10:00:00+08:00';
const delivery = {
  deliveryId: 'x',
  rule: 'overdue',
  department: ECO,
  channel: 'inapp',
  recipient: ECO,
  target: { kind: 'task' },
  dueDate: '2024-06-30',
  message: '催办',
} as const;
const report = { department: ECO, text: '进展', difficulties: '', nextSteps: '' };

/** One real event of each type the planner skips. */
const NEUTRAL: Record<string, TaskEvent> = {
  ProgressReported: { type: 'ProgressReported', data: { ...report, percent: 40, reportedAt: AT } },
  ExtensionRequested: extensionRequested,
  ExtensionRejected: {
    type: 'ExtensionRejected',
    data: { extensionId: 'e1', target: { kind: 'milestone', milestoneId: 'm2' }, reason: '理由不足', rejectedAt: AT },
  },
  SignedOff: { type: 'SignedOff', data: { department: URBAN, note: '', remaining: [], signedAt: AT } },
  ReminderSent: { type: 'ReminderSent', data: { ...delivery, sentAt: AT } },
  EscalationSent: { type: 'EscalationSent', data: { ...delivery, level: 'office', daysOverdue: 3, sentAt: AT } },
  ReminderFailed: { type: 'ReminderFailed', data: { ...delivery, error: 'timeout', attempt: 1, failedAt: AT } },
};

/** States the events meet in real streams: every status of C-5, and an ongoing task. */
const GIVEN: Record<string, TaskEvent[]> = {
  ...C5_IN,
  'assigned, one cooperating acknowledged': [assigned(C5), acknowledged(URBAN, 'cooperating')],
  'ongoing (C-2) in progress': [assigned(C2), acknowledged(C2.lead[0]!, 'lead')],
};

describe('events that cannot change the reminder plan (the planner skips them)', () => {
  it('lists reports, extension requests and refusals, signatures and deliveries — nothing else', () => {
    expect([...PLAN_NEUTRAL_TASK_EVENTS].sort()).toEqual(Object.keys(NEUTRAL).sort());
  });

  describe.each(Object.entries(GIVEN))('given C-5 %s', (_, history) => {
    it.each(Object.keys(NEUTRAL))('when %s, then the plan is exactly what it was', (type) => {
      const before = foldTask(history);
      expect(planReminders(evolve(before, NEUTRAL[type]!), POLICY)).toEqual(planReminders(before, POLICY));
    });
  });

  it.each([
    'TaskAssigned',
    'TaskAcknowledged',
    'MilestoneCompleted',
    'ExtensionApproved',
    'TaskReassigned',
    'TaskCancelled',
    'SignOffObjected',
    // A 持续开展 task's report settles its period's chase (periodic-report.plan.ts).
    'PeriodicReportSubmitted',
  ])('re-plans on %s', (type) => expect(canChangeReminderPlan(type)).toBe(true));

  it('re-plans on an event type it does not know (the safe side)', () => {
    expect(canChangeReminderPlan('SomethingNew')).toBe(true);
    expect(canChangeReminderPlan('toString')).toBe(true);
  });
});
