import type { LocalDate } from '@zw/domain';
import type { IndicatorRow } from '../rows/indicator-row';
import type { TaskRow } from '../rows/task-row';
import { accountabilityView, type DepartmentFigures } from './accountability.view';

/**
 * The 考核 ranking: departments ordered by (1) overdue items they hold now, fewer first;
 * (2) on-time rate of completed work, higher first (none completed ranks after any rate);
 * (3) average acknowledgement latency, shorter first. Equal keys share a rank. The keys are
 * stated in the answer so a department can see why it stands where it stands.
 */
export const RANKING_RULE =
  '按（1）当前逾期事项数从少到多，（2）按时完成率从高到低，（3）平均签收用时从短到长排序；三项相同则名次并列';

export function rankingView(
  rows: readonly TaskRow[],
  departments: readonly string[],
  today: LocalDate,
  dueSoonDays: number,
  indicators: readonly IndicatorRow[] = [],
) {
  const scored = departments.map((department) => ({
    department,
    figures: accountabilityView(rows, department, today, dueSoonDays, indicators).figures,
  }));
  scored.sort((a, b) => compare(a.figures, b.figures) || a.department.localeCompare(b.department, 'zh-Hans-CN'));
  let rank = 0;
  return {
    asOf: today,
    rule: RANKING_RULE,
    departments: scored.map((entry, i) => {
      if (i === 0 || compare(scored[i - 1]!.figures, entry.figures) !== 0) rank = i + 1;
      return { rank, ...entry };
    }),
  };
}

function compare(a: DepartmentFigures, b: DepartmentFigures): number {
  return (
    a.overdueItems - b.overdueItems ||
    (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
    (a.averageAcknowledgementDays ?? Infinity) - (b.averageAcknowledgementDays ?? Infinity) ||
    0
  );
}
