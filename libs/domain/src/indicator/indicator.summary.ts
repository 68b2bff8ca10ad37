import type { LocalDate } from '../shared/local-date';
import type { IndicatorDefinition } from './indicator.definition';
import type { ReportingSchedule } from './indicator.deadlines';
import { assessIndicator, type Assessment, type ConfirmedValue } from './indicator.light';
import { comparePeriods } from './indicator.period';
import { linkedTasksOf, responsibleOf, type IndicatorState, type ReportRecord } from './indicator.state';

export interface PeriodHistory {
  readonly period: string;
  /** The value that counts for the period: its latest confirmed report. */
  readonly confirmed: ReportRecord | null;
  /** Every report of the period in order, corrections and rejections included. */
  readonly reports: readonly ReportRecord[];
}

export interface IndicatorSummary {
  readonly def: IndicatorDefinition;
  readonly responsible: { readonly departments: readonly string[]; readonly source: 'plan' | 'office' };
  readonly tasks: { readonly list: readonly string[]; readonly source: 'plan' | 'office' };
  readonly periods: readonly PeriodHistory[];
  readonly assessment: Assessment;
}

/** Everything the indicator views show, from the plan's definition and the stream's state on `today`. */
export function summarizeIndicator(
  def: IndicatorDefinition,
  state: IndicatorState,
  today: LocalDate,
  schedule?: ReportingSchedule,
): IndicatorSummary {
  const byPeriod = new Map<string, ReportRecord[]>();
  for (const report of state.reports.values())
    byPeriod.set(report.period, [...(byPeriod.get(report.period) ?? []), report]);
  const periods = [...byPeriod.entries()]
    .sort(([a], [b]) => comparePeriods(a, b))
    .map(([period, reports]) => ({
      period,
      reports,
      confirmed: reports.filter((r) => r.status === 'confirmed').at(-1) ?? null,
    }));
  const confirmed: ConfirmedValue[] = periods.flatMap((p) =>
    p.confirmed ? [{ period: p.period, value: p.confirmed.value }] : [],
  );
  const pending = new Set(
    periods.filter((p) => p.reports.some((r) => r.status === 'pending' && !r.supersededBy)).map((p) => p.period),
  );
  const departments = responsibleOf(state, def.responsible);
  const assessment = assessIndicator({ def, confirmed, pending, today, ...(schedule ? { schedule } : {}) });
  // Overdue with nobody named to report: the office has to act, not a department.
  const unnamed = departments.length === 0 && assessment.light === 'red' && assessment.latest === null;
  return {
    def,
    responsible: { departments, source: state.responsible ? 'office' : 'plan' },
    tasks: linkedTasksOf(state, def.defaultTasks),
    periods,
    assessment: unnamed
      ? { ...assessment, reason: `${assessment.reason}；方案未点名报送部门，待无废办指定` }
      : assessment,
  };
}
