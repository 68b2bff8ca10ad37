import { leadsOf, type LocalDate, type TaskRecord } from '@zw/domain';
import { dayOf } from './dates';
import { closedPeriodsSince } from './periods';

/** A periodic report (进展报送) an ongoing task's lead still owes for a closed period. */
export interface MissingReport {
  readonly period: string;
  readonly dueBy: LocalDate;
  readonly department: string;
  /** Past its grace days: counted as an overdue item. */
  readonly overdue: boolean;
}

/** Every report owed for every closed period since assignment, oldest first (dated tasks owe none). */
export function missingReports(task: TaskRecord, today: LocalDate): MissingReport[] {
  if (!task.reporting) return [];
  const leads = leadsOf(task);
  const out: MissingReport[] = [];
  for (const due of closedPeriodsSince(today, task.reporting, dayOf(task.assignedAt))) {
    const reported = new Set(task.periodicReports.get(due.period) ?? []);
    for (const department of leads) {
      if (!reported.has(department))
        out.push({ period: due.period, dueBy: due.dueBy, department, overdue: today > due.dueBy });
    }
  }
  return out;
}
