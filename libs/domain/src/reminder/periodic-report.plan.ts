import { shanghaiDay, type LocalDate } from '../shared/local-date';
import { periodBounds } from '../task/period';
import type { TaskRecord } from '../task/task.record';
import type { ReportingCadence } from '../task/task.events';
import { addDays } from './reminder.calendar';
import type { ReminderTarget } from './reminder.events';
import type { ReminderPolicy } from './reminder.policy';

/** Something owed by a date: a milestone, a dated task, a period's report. */
export interface WorkItem {
  readonly target: ReminderTarget;
  readonly departments: readonly string[];
  readonly dueDate: LocalDate;
  readonly title?: string;
}

/** Periods planned ahead: the assignment year and the two after it (a 持续开展 task has no end date). */
const YEARS_AHEAD = 2;

const PERIODS_PER_YEAR: Record<ReportingCadence, (year: number) => string[]> = {
  monthly: (y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`),
  quarterly: (y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`),
  'half-yearly': (y) => [`${y}-H1`, `${y}-H2`],
  yearly: (y) => [String(y)],
};

/**
 * What a 持续开展 task owes: the periodic report (定期报送) of each reporting period, from the
 * lead departments, due `periodReportDueDays` after the period ends — chased and escalated like
 * a milestone until the department submits it (`PeriodicReportSubmitted`). Periods that ended
 * before the task was assigned owe nothing (the command refuses them too).
 */
export function periodicReportItems(task: TaskRecord, policy: ReminderPolicy): WorkItem[] {
  if (task.reporting === null) return [];
  const assignedOn: LocalDate = shanghaiDay(task.assignedAt) ?? task.assignedAt.slice(0, 10);
  const firstYear = Number(assignedOn.slice(0, 4));
  const leads = [...task.parts].filter(([, p]) => p.role === 'lead').map(([d]) => d);
  const dueAfter = policy.periodReportDueDays ?? 10;
  const items: WorkItem[] = [];
  for (let year = firstYear; year <= firstYear + YEARS_AHEAD; year++) {
    for (const period of PERIODS_PER_YEAR[task.reporting](year)) {
      const bounds = periodBounds(period, task.reporting);
      if (!bounds || bounds.end < assignedOn) continue;
      const reported = task.periodicReports.get(period) ?? [];
      const departments = leads.filter((d) => !reported.includes(d));
      if (departments.length === 0) continue;
      items.push({
        target: { kind: 'period', period },
        departments,
        dueDate: addDays(bounds.end, dueAfter, policy.dayCount),
      });
    }
  }
  return items;
}

/** "2024-Q1" → 2024 年第 1 季度, "2024-H2" → 2024 年下半年, "2024-03" → 2024 年 3 月, "2024" → 2024 年度. */
export function reportPeriodLabel(period: string): string {
  const [year, part] = period.split('-');
  if (!part) return `${year} 年度`;
  if (part.startsWith('Q')) return `${year} 年第 ${part.slice(1)} 季度`;
  if (part.startsWith('H')) return `${year} 年${part === 'H1' ? '上' : '下'}半年`;
  return `${year} 年 ${Number(part)} 月`;
}
