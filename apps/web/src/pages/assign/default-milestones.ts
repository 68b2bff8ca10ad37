/**
 * The milestones 交办 gives by default, shown in the form before it is sent so the office sees
 * and edits them. Mirrors assignmentDefaults (libs/domain/src/task/assignment.defaults.ts) and
 * parseTimeWindow (libs/plan/src/time-window.ts): one milestone per year of the 时间 window, due
 * 31 December, past years left out when the plan's settings say so (judged on the service's
 * today, not the browser's); none for 持续开展, which reports instead.
 */
export interface MilestoneSettings {
  cadence: 'yearly' | 'final';
  skipPastYears: boolean;
  /** Titles with {year}: only (a one-year window), year, final. */
  titles: { only: string; year: string; final: string };
}

export interface DefaultMilestone {
  /** y2023…: the id the api gives a default milestone, so a prefilled one stays the same milestone. */
  milestoneId: string;
  title: string;
  dueDate: string;
  owner: string | undefined;
}

/** The plan's own defaults, for a plan whose settings do not say (libs/plan/src/plan.settings.ts). */
export const DEFAULT_MILESTONE_SETTINGS: MilestoneSettings = {
  cadence: 'yearly',
  skipPastYears: true,
  titles: { only: '完成任务', year: '{year}年度目标', final: '{year}年：完成任务' },
};

function years(window: string): number[] {
  const text = window.trim();
  const span = /^(\d{4})(?:-(\d{4}))?$/.exec(text);
  if (!span) return [];
  const from = Number(span[1]);
  const to = Number(span[2] ?? span[1]);
  const out: number[] = [];
  for (let year = from; year <= to; year++) out.push(year);
  return out;
}

export function defaultMilestones(
  window: string,
  settings: MilestoneSettings,
  today: string,
  owner: string | undefined,
): DefaultMilestone[] {
  const all = years(window);
  const last = all[all.length - 1];
  const thisYear = Number(today.slice(0, 4));
  const { cadence, skipPastYears, titles } = settings;
  const single = all.length === 1;
  return all
    .filter((year) => (cadence === 'final' ? year === last : year === last || !skipPastYears || year >= thisYear))
    .map((year) => ({
      milestoneId: `y${year}`,
      title: single ? titles.only : (year === last ? titles.final : titles.year).replaceAll('{year}', String(year)),
      dueDate: `${year}-12-31`,
      owner,
    }));
}
