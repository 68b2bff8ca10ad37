import type { LocalDate } from '../shared/local-date';
import type { IndicatorDefinition } from './indicator.definition';
import { DEFAULT_REPORTING_SCHEDULE, periodDeadlines, type ReportingSchedule } from './indicator.deadlines';
import type { ReportedValue } from './indicator.events';
import { comparePeriods, periodYear } from './indicator.period';
import { expectedValue, meetsTarget, notWorse, progressPercent } from './indicator.progress';

/**
 * 红黄绿灯 of an indicator on a day, first rule that applies (docs/indicators.md):
 * 1. 红 a due period (its deadline has passed) has no confirmed value, neither for it nor a later
 *    period — 黄 instead while a report for it awaits the office's confirmation (the office's delay).
 * 2. 无 nothing confirmed yet and nothing due yet.
 * 3. Then the latest confirmed value (the latest period):
 *    numeric — 绿 target met; 红 worse than the previous confirmed value (or the baseline),
 *    i.e. moving away from the target; 红 target year reached and not met; 绿 on or ahead of the
 *    straight line from the 2022 baseline to the 2025 target for that period; 黄 behind it;
 *    without a line (no baseline, bound target): 黄; without a district target: 绿 (nothing to be behind).
 *    met / not met — 绿 met; 红 not met in the target year; 黄 not met before.
 */
export type Light = 'green' | 'yellow' | 'red' | 'none';

export const LIGHT_LABELS = { green: '绿', yellow: '黄', red: '红', none: '无' } as const satisfies Record<
  Light,
  string
>;

export interface ConfirmedValue {
  readonly period: string;
  readonly value: ReportedValue;
}

export interface Assessment {
  readonly light: Light;
  /** Why, in Chinese, for the view and the export. */
  readonly reason: string;
  readonly latest: ConfirmedValue | null;
  readonly progressPercent: number | null;
  readonly met: boolean | null;
  /** The straight-line value for the latest period, where there is a line. */
  readonly expected: number | null;
}

export interface AssessInput {
  readonly def: IndicatorDefinition;
  /** One confirmed value per period (the latest confirmed report of each). */
  readonly confirmed: readonly ConfirmedValue[];
  /** Periods with a report awaiting confirmation. */
  readonly pending: ReadonlySet<string>;
  readonly today: LocalDate;
  readonly schedule?: ReportingSchedule;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 10000) / 10000);

export function assessIndicator({
  def,
  confirmed,
  pending,
  today,
  schedule = DEFAULT_REPORTING_SCHEDULE,
}: AssessInput): Assessment {
  const history = [...confirmed].sort((a, b) => comparePeriods(a.period, b.period));
  const latest = history.at(-1) ?? null;
  const numbers = scoreOf(def, latest);
  const overdue = periodDeadlines(def, schedule)
    .filter((d) => d.dueDate < today)
    .at(-1);
  if (overdue && !(latest && comparePeriods(latest.period, overdue.period) >= 0)) {
    return pending.has(overdue.period)
      ? {
          ...numbers,
          light: 'yellow',
          reason: `${overdue.period}期数值已报送，待无废办确认（应于${overdue.dueDate}前报送）`,
        }
      : {
          ...numbers,
          light: 'red',
          reason: `${overdue.period}期数值逾期未报送或未确认（应于${overdue.dueDate}前报送）`,
        };
  }
  if (!latest) return { ...numbers, light: 'none', reason: '尚无确认数值，未到报送期限' };
  const finalYear = periodYear(latest.period) >= def.targetYear;
  const { measure } = def;
  if (latest.value.kind === 'met' || measure.kind === 'qualitative') {
    const met = latest.value.kind === 'met' ? latest.value.met : false;
    if (met) return { ...numbers, met, light: 'green', reason: '已达成' };
    return { ...numbers, met, light: finalYear ? 'red' : 'yellow', reason: finalYear ? '目标年未达成' : '尚未达成' };
  }
  const value = latest.value.value;
  if (numbers.met) return { ...numbers, light: 'green', reason: '已达到目标值' };
  const previous = history.at(-2)?.value;
  const reference = previous?.kind === 'number' ? previous.value : measure.baseline;
  if (reference !== null && !notWorse(measure.direction, value, reference)) {
    return { ...numbers, light: 'red', reason: previous ? '较上期偏离目标' : '较2022年现状值偏离目标' };
  }
  if (measure.target === null) return { ...numbers, light: 'green', reason: '区级未设目标值，较上期未偏离' };
  if (finalYear) return { ...numbers, light: 'red', reason: '目标年未达到目标值' };
  if (numbers.expected === null)
    return {
      ...numbers,
      light: 'yellow',
      reason: '未达目标值（无2022年现状值或目标为“＞0”类界限，无法按直线进度判断）',
    };
  return notWorse(measure.direction, value, numbers.expected)
    ? { ...numbers, light: 'green', reason: `达到或快于直线进度（本期应达 ${numbers.expected}）` }
    : { ...numbers, light: 'yellow', reason: `慢于直线进度（本期应达 ${numbers.expected}）` };
}

function scoreOf(
  def: IndicatorDefinition,
  latest: ConfirmedValue | null,
): Pick<Assessment, 'latest' | 'progressPercent' | 'met' | 'expected'> {
  const { measure } = def;
  if (!latest || latest.value.kind !== 'number' || measure.kind !== 'numeric') {
    return {
      latest,
      progressPercent: null,
      met: latest?.value.kind === 'met' ? latest.value.met : null,
      expected: null,
    };
  }
  const value = latest.value.value;
  return {
    latest,
    progressPercent: progressPercent(measure, value),
    met: meetsTarget(measure, value),
    expected: round(expectedValue(measure, latest.period, def.baselineYear, def.targetYear)),
  };
}
