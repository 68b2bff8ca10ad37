import type { LocalDate } from '../shared/local-date';
import type { IndicatorDefinition } from './indicator.definition';

/**
 * When indicator values are due. Default: the annual value of year Y by 31 January of Y+1
 * (统计年报 are ready by then). A district may report quarterly instead: quarter Qn by day
 * `quarterlyDueDay` of the month after the quarter. Periods run from the year after the
 * baseline (2023) to the target year (2025). The light (what is overdue) and the reporting
 * reminders (`planIndicatorReminders`, libs/domain reminder) use `periodDeadlines`;
 * `reportingDeadlines` lists who owes what across a plan.
 */
export interface ReportingSchedule {
  readonly cadence: 'annual' | 'quarterly';
  /** Annual cadence: month and day of the next year by which the value is due. Default 1/31. */
  readonly annualDue: { readonly month: number; readonly day: number };
  /** Quarterly cadence: day of the month after the quarter. Default 15. */
  readonly quarterlyDueDay: number;
}

export const DEFAULT_REPORTING_SCHEDULE: ReportingSchedule = {
  cadence: 'annual',
  annualDue: { month: 1, day: 31 },
  quarterlyDueDay: 15,
};

export interface PeriodDeadline {
  readonly period: string;
  readonly dueDate: LocalDate;
}

export interface ReportingDeadline extends PeriodDeadline {
  readonly planId: string;
  readonly indicatorId: string;
  readonly indicatorName: string;
  readonly department: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function periodDeadlines(
  def: Pick<IndicatorDefinition, 'baselineYear' | 'targetYear'>,
  schedule: ReportingSchedule = DEFAULT_REPORTING_SCHEDULE,
): PeriodDeadline[] {
  const out: PeriodDeadline[] = [];
  for (let year = def.baselineYear + 1; year <= def.targetYear; year++) {
    if (schedule.cadence === 'annual') {
      out.push({
        period: String(year),
        dueDate: `${year + 1}-${pad(schedule.annualDue.month)}-${pad(schedule.annualDue.day)}`,
      });
      continue;
    }
    for (let q = 1; q <= 4; q++) {
      const month = q * 3 + 1;
      const dueYear = month > 12 ? year + 1 : year;
      out.push({
        period: `${year}-Q${q}`,
        dueDate: `${dueYear}-${pad(month > 12 ? 1 : month)}-${pad(schedule.quarterlyDueDay)}`,
      });
    }
  }
  return out;
}

/**
 * Every (indicator, period, department) that owes a value, in due-date order. `responsible`
 * gives the departments as they stand (the office's choice or the plan's); an indicator
 * nobody is named for yields nothing here and shows as 待指定 in the views.
 */
export function reportingDeadlines(
  defs: readonly IndicatorDefinition[],
  schedule: ReportingSchedule = DEFAULT_REPORTING_SCHEDULE,
  responsible: (def: IndicatorDefinition) => readonly string[] = (def) => def.responsible,
): ReportingDeadline[] {
  const out: ReportingDeadline[] = [];
  for (const def of defs) {
    for (const deadline of periodDeadlines(def, schedule)) {
      for (const department of responsible(def)) {
        out.push({ planId: def.planId, indicatorId: def.id, indicatorName: def.row.level3, department, ...deadline });
      }
    }
  }
  return out.sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.indicatorId.localeCompare(b.indicatorId, 'en', { numeric: true }),
  );
}
