import { addCalendarDays, periodBounds, type LocalDate, type ReportingCadence } from '@zw/domain';

/** Days after a period ends by which an ongoing task's periodic report (进展报送) is expected. */
export const PERIODIC_REPORT_GRACE_DAYS = 10;

/** The latest period of `cadence` that ended before `today` (e.g. 2024-05-20 quarterly → 2024-Q1). */
export function lastClosedPeriod(today: LocalDate, cadence: ReportingCadence): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (cadence) {
    case 'monthly':
      return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    case 'quarterly': {
      const quarter = Math.ceil(month / 3) - 1;
      return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
    }
    case 'half-yearly':
      return month <= 6 ? `${year - 1}-H2` : `${year}-H1`;
    case 'yearly':
      return String(year - 1);
    default: {
      const never: never = cadence;
      throw new Error(`unknown cadence ${String(never)}`);
    }
  }
}

export interface DuePeriod {
  readonly period: string;
  readonly end: LocalDate;
  /** The last day the period's report is on time. */
  readonly dueBy: LocalDate;
}

/**
 * Every period that ended before `until` and after the task was assigned, oldest first: each
 * owes a report, so a missed quarter stays missed when the next one closes.
 */
export function closedPeriodsSince(until: LocalDate, cadence: ReportingCadence, assignedDay: LocalDate): DuePeriod[] {
  const out: DuePeriod[] = [];
  let period = lastClosedPeriod(until, cadence);
  // A plan runs a few years: 200 monthly periods is far beyond any window.
  for (let i = 0; i < 200; i++) {
    const bounds = periodBounds(period, cadence);
    if (!bounds || bounds.end < assignedDay) break;
    out.push({ period, end: bounds.end, dueBy: addCalendarDays(bounds.end, PERIODIC_REPORT_GRACE_DAYS) });
    period = lastClosedPeriod(bounds.start, cadence);
  }
  return out.reverse();
}
