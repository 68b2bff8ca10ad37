import type { OverdueFigures } from './overdue';

const zh = new Intl.Collator('zh-Hans-CN').compare;

/**
 * The ranking between a city's districts. Districts differ in size, so the keys are shares,
 * not counts: (1) red tasks of the tasks assigned, lower first; (2) overdue items per assigned
 * task, fewer first; (3) completion rate (accepted of all tasks), higher first. A district that
 * has assigned nothing yet ranks after every district that has; equal keys share a rank.
 */
export const DISTRICT_RANKING_RULE =
  '按（1）红灯任务占已交办任务的比例从低到高，（2）平均每项已交办任务的当前逾期事项数从少到多，（3）办结率（已办结任务占任务总数）从高到低排序；尚未交办任何任务的区排在最后；三项相同则名次并列';

export interface DistrictLine {
  readonly organisationId: string;
  readonly name: string;
  readonly tasks: { readonly assigned: number; readonly red: number; readonly completionRate: number };
  readonly overdue: OverdueFigures;
}

export interface DistrictRank {
  readonly rank: number;
  readonly organisationId: string;
  readonly name: string;
  /** The keys the rule compares, as numbers the reader can check. */
  readonly redShare: number | null;
  readonly overduePerTask: number | null;
  readonly completionRate: number;
}

export function rankDistricts(lines: readonly DistrictLine[]): DistrictRank[] {
  const keyed = lines.map((l) => ({
    organisationId: l.organisationId,
    name: l.name,
    redShare: l.tasks.assigned === 0 ? null : round(l.tasks.red / l.tasks.assigned),
    overduePerTask: l.tasks.assigned === 0 ? null : round(l.overdue.items / l.tasks.assigned),
    completionRate: l.tasks.completionRate,
  }));
  keyed.sort((a, b) => compare(a, b) || zh(a.name, b.name));
  let rank = 0;
  return keyed.map((k, i) => {
    if (i === 0 || compare(keyed[i - 1]!, k) !== 0) rank = i + 1;
    return { rank, ...k };
  });
}

type Keys = Pick<DistrictRank, 'redShare' | 'overduePerTask' | 'completionRate'>;

function compare(a: Keys, b: Keys): number {
  return (
    (a.redShare ?? Infinity) - (b.redShare ?? Infinity) ||
    (a.overduePerTask ?? Infinity) - (b.overduePerTask ?? Infinity) ||
    b.completionRate - a.completionRate ||
    0
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
