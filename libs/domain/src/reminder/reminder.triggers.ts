import { isKnownTaskEventType, TASK_EVENTS, type KnownTaskEventType } from '../task/task.catalogue';

/**
 * Which task events can change the reminders `planReminders` calls for: the catalogue's
 * `changesReminderPlan` (libs/domain task.catalogue.ts). An event whose `evolve` touches none
 * of what the plan reads leaves the plan as it was, so the planner need not plan it again: on
 * the embedded default that is most events (进展报送, deliveries). `reminder.triggers.unit.spec.ts`
 * checks each `false` against the real `evolve` and `planReminders`.
 */

/** False only for task event types known to leave the reminder plan unchanged; anything else is re-planned. */
export function canChangeReminderPlan(type: string): boolean {
  return isKnownTaskEventType(type) ? TASK_EVENTS[type].changesReminderPlan : true;
}

/** The event types the planner skips, for tests and docs. */
export const PLAN_NEUTRAL_TASK_EVENTS: readonly KnownTaskEventType[] = (
  Object.keys(TASK_EVENTS) as KnownTaskEventType[]
).filter((type) => !TASK_EVENTS[type].changesReminderPlan);
