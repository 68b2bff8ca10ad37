import type { LocalDate } from '../shared/local-date';
import type { ReportingCadence } from './task.events';

/**
 * Reporting periods of ongoing tasks, written the way offices write them: `2024-03` (monthly),
 * `2024-Q1` (quarterly, the default), `2024-H1` (half-yearly), `2024` (yearly).
 */
const FORMATS: Record<ReportingCadence, { pattern: RegExp; months: number }> = {
  monthly: { pattern: /^(\d{4})-(0[1-9]|1[0-2])$/, months: 1 },
  quarterly: { pattern: /^(\d{4})-Q([1-4])$/, months: 3 },
  'half-yearly': { pattern: /^(\d{4})-H([12])$/, months: 6 },
  yearly: { pattern: /^(\d{4})$/, months: 12 },
};

export interface PeriodBounds {
  readonly start: LocalDate;
  readonly end: LocalDate;
}

/** First and last day of a period, or undefined when the text is not a period of this cadence. */
export function periodBounds(period: string, cadence: ReportingCadence): PeriodBounds | undefined {
  const { pattern, months } = FORMATS[cadence];
  const match = pattern.exec(period);
  if (!match) return undefined;
  const year = Number(match[1]);
  const index = match[2] === undefined ? 1 : Number(match[2]);
  const firstMonth = (index - 1) * months + 1;
  // Day 0 of the month after the period is its last day; Date.UTC is used for arithmetic only.
  const last = new Date(Date.UTC(year, firstMonth - 1 + months, 0));
  return {
    start: `${match[1]}-${pad(firstMonth)}-01`,
    end: `${match[1]}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
