import {
  decodeTaskEvent,
  foldTask,
  planReminders,
  reminderMessage,
  reminderSubject,
  type PlannedReminder,
  type ReminderPolicy,
  type TaskState,
} from '@zw/domain';
import { decodeAllKnown, type RecordedEvent } from '@zw/event-store';
import type { Recheck } from '../reminder.recheck';

/**
 * A task reminder is still called for when the policy plans it (by key) from the task as it
 * stands: a completed milestone, an extended date, a replaced department, an accepted task —
 * and it is dropped, with the reason.
 */
export function recheckTask(
  events: readonly RecordedEvent[],
  reminder: PlannedReminder,
  policy: ReminderPolicy,
): Recheck {
  const state = foldTask(decodeAllKnown(events, decodeTaskEvent));
  const planned = planReminders(state, policy).find((r) => r.key === reminder.key);
  if (!planned || !('task' in state)) return { due: false, reason: dropReason(state, reminder) };
  const { task } = state;
  return {
    due: true,
    reminder: planned,
    text: reminderMessage(planned, task, policy.dayCount),
    subject: reminderSubject(planned, task),
    about: { taskCode: task.facts.code, taskTitle: task.facts.title },
  };
}

function dropReason(state: TaskState, reminder: PlannedReminder): string {
  if (state.status === 'unassigned') return 'task not assigned';
  if (state.status !== 'assigned' && state.status !== 'in_progress') return `task ${state.status}`;
  const { target } = reminder;
  if (target.kind === 'milestone') {
    const milestone = state.task.milestones.get(target.milestoneId);
    if (!milestone) return 'milestone removed';
    if (milestone.completion) return 'milestone completed';
    if (milestone.dueDate !== reminder.dueDate) return `due date moved to ${milestone.dueDate}`;
    if (milestone.owner !== reminder.department) return `milestone now owned by ${milestone.owner}`;
  }
  if (target.kind === 'period' && state.task.periodicReports.get(target.period)?.includes(reminder.department))
    return `periodic report ${target.period} submitted`;
  if (target.kind === 'acknowledgement' && state.task.parts.get(reminder.department)?.acknowledged)
    return 'acknowledged';
  if (!state.task.parts.has(reminder.department)) return 'department no longer assigned';
  return 'facts changed';
}
