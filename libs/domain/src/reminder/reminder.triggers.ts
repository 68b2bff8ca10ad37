import type { TaskEvent } from '../task/task.events';

/**
 * Which task events can change the reminders `planReminders` calls for. The plan reads only the
 * status (whether it is 待签收/办理中), each department's part (role, 签收 deadline, whether it
 * acknowledged), the task's due date and its milestones (due date, owner, title, completion).
 * An event whose `evolve` touches none of these leaves the plan as it was, so the planner need
 * not plan it again: on the embedded default that is most events (进展报送, deliveries).
 *
 * A record over every event type, so a new event type does not compile until someone decides
 * which it is; `reminder.triggers.unit.spec.ts` checks each `false` against the real
 * `evolve` and `planReminders`.
 */
const CHANGES_REMINDER_PLAN: Readonly<Record<TaskEvent['type'], boolean>> = {
  TaskAssigned: true,
  TaskCreated: true,
  TaskAcknowledged: true,
  MilestoneCompleted: true,
  MilestoneReopened: true,
  MilestoneAdded: true,
  MilestoneRemoved: true,
  SignOffRequested: true,
  SignOffObjected: true,
  TaskReturned: true,
  TaskAccepted: true,
  ExtensionApproved: true,
  TaskReassigned: true,
  TaskCancelled: true,
  // Reports record what a department said, not who owes what by when…
  ProgressReported: false,
  // …except a 持续开展 task's periodic report, which settles that period's chase.
  PeriodicReportSubmitted: true,
  // A request or a refusal leaves the due date where it is; only an approval moves it.
  ExtensionRequested: false,
  ExtensionRejected: false,
  // Within a 会签 round (nothing is chased there) a signature only moves it toward 待办结 (still nothing chased).
  SignedOff: false,
  // Deliveries record what was said about the task; the work stands as it was.
  ReminderSent: false,
  EscalationSent: false,
  ReminderFailed: false,
};

/** False only for task event types known to leave the reminder plan unchanged; anything else is re-planned. */
export function canChangeReminderPlan(type: string): boolean {
  return Object.hasOwn(CHANGES_REMINDER_PLAN, type) ? CHANGES_REMINDER_PLAN[type as TaskEvent['type']] : true;
}

/** The event types the planner skips, for tests and docs. */
export const PLAN_NEUTRAL_TASK_EVENTS: readonly TaskEvent['type'][] = (
  Object.keys(CHANGES_REMINDER_PLAN) as TaskEvent['type'][]
).filter((type) => !CHANGES_REMINDER_PLAN[type]);
