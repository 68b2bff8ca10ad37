import { addCalendarDays } from '@zw/domain';
import type { LocalDate } from '@zw/domain';
import type { TaskRow } from '../rows/task-row';
import { dayOf } from './dates';
import { closedPeriodsSince } from './periods';
import { byCode } from './plan-task';

export type DeadlineKind = 'task_due' | 'milestone_due' | 'acknowledgement_due' | 'report_due';
export const DEADLINE_LABELS = {
  task_due: '任务期限',
  milestone_due: '里程碑期限',
  acknowledgement_due: '签收期限',
  report_due: '进展报送期限',
} as const;

export interface Deadline {
  /** Stable across rebuilds (iCal UID). */
  readonly id: string;
  readonly date: LocalDate;
  readonly kind: DeadlineKind;
  readonly kindLabel: string;
  readonly code: string;
  readonly taskTitle: string;
  readonly title: string;
  readonly departments: readonly string[];
  readonly done: boolean;
  readonly overdue: boolean;
  readonly statusLabel: string;
}

/**
 * Deadlines of open tasks (and the met ones, marked done) between `from` and `to` inclusive,
 * optionally only those a department answers for: a milestone's owner, a task's leads, an
 * acknowledgement's own department.
 */
export function calendarView(
  rows: readonly TaskRow[],
  today: LocalDate,
  range: { from?: LocalDate; to?: LocalDate },
  department?: string,
): Deadline[] {
  const out: Deadline[] = [];
  const push = (d: Omit<Deadline, 'kindLabel' | 'overdue' | 'statusLabel'>) => {
    if ((range.from && d.date < range.from) || (range.to && d.date > range.to)) return;
    if (department !== undefined && !d.departments.includes(department)) return;
    const overdue = !d.done && d.date < today;
    out.push({
      ...d,
      kindLabel: DEADLINE_LABELS[d.kind],
      overdue,
      statusLabel: d.done ? '已完成' : overdue ? '已逾期' : '未到期',
    });
  };
  for (const row of [...rows].sort(byCode)) {
    const { state } = row;
    if (state.status === 'unassigned' || state.status === 'cancelled') continue;
    const { task } = state;
    const closed = state.status === 'accepted';
    const taskTitle = task.facts.title;
    const leads = [...task.parts].filter(([, p]) => p.role === 'lead').map(([d]) => d);
    if (task.dueDate) {
      const done = closed || state.status === 'awaiting_acceptance';
      push({
        id: `${row.streamId}.due`,
        date: task.dueDate,
        kind: 'task_due',
        code: row.code,
        taskTitle,
        title: `${row.code} ${taskTitle}`,
        departments: leads,
        done,
      });
    }
    for (const m of task.milestones.values()) {
      push({
        id: `${row.streamId}.m.${m.milestoneId}`,
        date: m.dueDate,
        kind: 'milestone_due',
        code: row.code,
        taskTitle,
        title: `${row.code} 里程碑：${m.title}`,
        departments: [m.owner],
        done: !!m.completion || closed,
      });
    }
    if (task.reporting) {
      // Ongoing tasks: each period's report, up to the range's end (a year ahead for a feed).
      const until = addCalendarDays(range.to ?? addCalendarDays(today, 366), 1);
      for (const due of closedPeriodsSince(until, task.reporting, dayOf(task.assignedAt))) {
        const reported = new Set(task.periodicReports.get(due.period) ?? []);
        push({
          id: `${row.streamId}.r.${due.period}`,
          date: due.dueBy,
          kind: 'report_due',
          code: row.code,
          taskTitle,
          title: `${row.code} 报送 ${due.period} 进展`,
          departments: leads,
          done: closed || leads.every((d) => reported.has(d)),
        });
      }
    }
    for (const [name, part] of task.parts) {
      push({
        id: `${row.streamId}.ack.${name}`,
        date: part.acknowledgeBy,
        kind: 'acknowledgement_due',
        code: row.code,
        taskTitle,
        title: `${row.code} 签收：${name}`,
        departments: [name],
        done: !!part.acknowledged || closed,
      });
    }
  }
  // Stable: within a day and a task, the task's own order (due date, milestones, departments).
  return out.sort((a, b) => a.date.localeCompare(b.date) || byCode(a, b));
}
