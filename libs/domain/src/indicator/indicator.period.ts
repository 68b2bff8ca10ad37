import type { LocalDate } from '../shared/local-date';
import { periodBounds, type PeriodBounds } from '../task/period';

/**
 * Indicator values are reported per year ("2024") or per quarter ("2024-Q3"). Periods compare by
 * their last day; a year sorts after its fourth quarter (same last day, the fuller figure).
 */
export function indicatorPeriodBounds(period: string): PeriodBounds | undefined {
  return periodBounds(period, 'yearly') ?? periodBounds(period, 'quarterly');
}

export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}

/** How far along the line from the end of `baselineYear` to the end of `targetYear` the period ends (0…1+). */
export function periodFraction(period: string, baselineYear: number, targetYear: number): number {
  const quarter = /-Q([1-4])$/.exec(period);
  const elapsed = periodYear(period) - baselineYear - (quarter ? 1 - Number(quarter[1]) / 4 : 0);
  return elapsed / (targetYear - baselineYear);
}

export function comparePeriods(a: string, b: string): number {
  const [ea, eb] = [indicatorPeriodBounds(a)?.end ?? '', indicatorPeriodBounds(b)?.end ?? ''];
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.length - b.length === 0 ? 0 : a.length < b.length ? 1 : -1;
}

export function periodEnd(period: string): LocalDate | undefined {
  return indicatorPeriodBounds(period)?.end;
}
