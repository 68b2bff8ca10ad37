import type { Instant, LocalDate } from '../shared/local-date';
import type { TaskRecord } from '../task/task.record';
import type { TaskState } from '../task/task.state';
import { addCalendarDays, addDays, firstSendTimeOn } from './reminder.calendar';
import type { EscalationLevel, ReminderRule, ReminderTarget } from './reminder.events';
import type { ReminderPolicy } from './reminder.policy';
import { periodicReportItems, type WorkItem } from './periodic-report.plan';

/**
 * Which reminders a task's current state calls for (an indicator's: indicator-reminder.plan.ts), with their send times: a pure function
 * of the state and the policy. The planner schedules the difference between the plan before
 * and after each event; the worker asks it again before sending, so a reminder the facts no
 * longer call for (milestone done, date extended, department replaced) is never sent.
 */
export interface PlannedReminder {
  /** Unique within the task: `<rule>/<target>/<department>/<dueDate>/<step>`. A changed fact is a new key. */
  readonly key: string;
  readonly rule: ReminderRule;
  readonly target: ReminderTarget;
  readonly department: string;
  /** What the reminder is about: the due date, or the 签收 deadline. */
  readonly dueDate: LocalDate;
  /** Days before (before-due) or after (late, overdue, escalation) `dueDate`, in the rule's count. */
  readonly days: number;
  readonly fireAt: Instant;
  readonly level?: EscalationLevel;
  /** For milestones: their title, so the text can name them. */
  readonly milestoneTitle?: string;
}

/** Reminders only chase work that is with the departments: not once submitted for 会签/办结, accepted or cancelled. */
export function planReminders(state: TaskState, policy: ReminderPolicy): PlannedReminder[] {
  if (state.status !== 'assigned' && state.status !== 'in_progress') return [];
  const task = state.task;
  const planned = [
    ...acknowledgementReminders(task, policy),
    ...workItems(task, policy).flatMap((item) => workReminders(item, policy)),
  ];
  return planned.sort(byFireTime);
}

function workItems(task: TaskRecord, policy: ReminderPolicy): WorkItem[] {
  if (task.facts.ongoing) return periodicReportItems(task, policy);
  if (task.milestones.size === 0) {
    const leads = [...task.parts].filter(([, p]) => p.role === 'lead').map(([d]) => d);
    return task.dueDate ? [{ target: { kind: 'task' }, departments: leads, dueDate: task.dueDate }] : [];
  }
  return [...task.milestones.values()]
    .filter((m) => !m.completion)
    .map((m) => ({
      target: { kind: 'milestone', milestoneId: m.milestoneId },
      departments: [m.owner],
      dueDate: m.dueDate,
      title: m.title,
    }));
}

function acknowledgementReminders(task: TaskRecord, policy: ReminderPolicy): PlannedReminder[] {
  const target: ReminderTarget = { kind: 'acknowledgement' };
  return [...task.parts]
    .filter(([, part]) => !part.acknowledged)
    .flatMap(([department, part]) =>
      chain(
        policy.acknowledgementLateDays.map((days) =>
          reminder(
            'acknowledgement-late',
            target,
            department,
            part.acknowledgeBy,
            days,
            addDays(part.acknowledgeBy, days, policy.dayCount),
            policy,
          ),
        ),
      ),
    );
}

function workReminders(item: WorkItem, policy: ReminderPolicy): PlannedReminder[] {
  const { target, dueDate, title } = item;
  return item.departments.flatMap((department) => {
    const escalation = (rule: ReminderRule, days: number, level: EscalationLevel) =>
      reminder(rule, target, department, dueDate, days, addDays(dueDate, days, policy.dayCount), policy, level, title);
    return [
      ...deadlineReminders(target, department, dueDate, policy, title),
      escalation('escalation-office', policy.escalateToOfficeAfter, 'office'),
      escalation('escalation-leadership', policy.escalateToLeadershipAfter, 'leadership'),
    ];
  });
}

/**
 * The chase of one due date for one department, without 督办: reminders before it
 * (`beforeDueDays`, in the policy's day count) and overdue notices after it (calendar days,
 * daily then every `thenEvery` days up to `until`). Tasks add the escalation ladder; indicator
 * reporting deadlines use this alone.
 */
export function deadlineReminders(
  target: ReminderTarget,
  department: string,
  dueDate: LocalDate,
  policy: ReminderPolicy,
  milestoneTitle?: string,
): PlannedReminder[] {
  const { dailyFor, thenEvery, until } = policy.overdue;
  const overdueDays = [
    ...range(1, dailyFor),
    ...range(1, Math.floor((until - dailyFor) / thenEvery)).map((i) => dailyFor + i * thenEvery),
  ];
  const make = (rule: ReminderRule, days: number, day: LocalDate) =>
    reminder(rule, target, department, dueDate, days, day, policy, undefined, milestoneTitle);
  return [
    ...chain(policy.beforeDueDays.map((days) => make('before-due', days, addDays(dueDate, -days, policy.dayCount)))),
    ...chain(overdueDays.map((days) => make('overdue', days, addCalendarDays(dueDate, days)))),
  ];
}

/** Send order: by time, then by key (a stable order for equal times). */
export function byFireTime(a: PlannedReminder, b: PlannedReminder): number {
  return a.fireAt < b.fireAt ? -1 : a.fireAt > b.fireAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Built in one go: copying with spreads (`{ ...r, milestoneTitle }`) was a third of the plan's time. */
function reminder(
  rule: ReminderRule,
  target: ReminderTarget,
  department: string,
  dueDate: LocalDate,
  days: number,
  day: LocalDate,
  policy: ReminderPolicy,
  level?: EscalationLevel,
  milestoneTitle?: string,
): PlannedReminder {
  const planned: { -readonly [K in keyof PlannedReminder]: PlannedReminder[K] } = {
    key: `${rule}/${targetKey(target)}/${department}/${dueDate}/${days}`,
    rule,
    target,
    department,
    dueDate,
    days,
    fireAt: firstSendTimeOn(day, policy.sendWindow),
  };
  if (level) planned.level = level;
  if (milestoneTitle) planned.milestoneTitle = milestoneTitle;
  return planned;
}

export function targetKey(target: ReminderTarget): string {
  switch (target.kind) {
    case 'milestone':
      return `m-${target.milestoneId}`;
    case 'task':
      return 'task';
    case 'acknowledgement':
      return 'ack';
    case 'period':
      return `p-${target.period}`;
    case 'indicator':
      return `i-${target.period}`;
    default: {
      const never: never = target;
      throw new Error(`unknown reminder target ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Steps of one chain that quiet days push onto the same send time (a notice due on Saturday
 * moves to Monday, where Monday's own waits): only the last step is sent, so nobody receives
 * two notices of the same kind at once.
 */
function chain(steps: PlannedReminder[]): PlannedReminder[] {
  const byTime = new Map<string, PlannedReminder>();
  for (const step of steps) {
    const kept = byTime.get(step.fireAt);
    if (!kept || isLater(step, kept)) byTime.set(step.fireAt, step);
  }
  return [...byTime.values()];
}

/** The step nearer the end of its chain: fewer days before a due date, more days after one. */
function isLater(a: PlannedReminder, b: PlannedReminder): boolean {
  return a.rule === 'before-due' ? a.days < b.days : a.days > b.days;
}

function range(from: number, to: number): number[] {
  return to < from ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The change a new state makes: reminders to schedule and keys to cancel. */
export function planDiff(before: readonly PlannedReminder[], after: readonly PlannedReminder[]) {
  const beforeKeys = new Set(before.map((r) => r.key));
  const afterKeys = new Set(after.map((r) => r.key));
  return {
    schedule: after.filter((r) => !beforeKeys.has(r.key)),
    cancel: before.filter((r) => !afterKeys.has(r.key)),
  };
}
