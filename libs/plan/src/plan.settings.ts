/**
 * What a plan decides beyond its appendices, kept in the plan file (`settings`) so that nothing
 * specific to one district lives in code: whose plan it is, how long a department has to 签收,
 * which milestones an assignment gets by default, how ongoing work reports, and the office's
 * judgement calls about indicators (direction, a target read out of prose, default task links).
 */
import {
  INDICATOR_DIRECTIONS,
  MILESTONE_CADENCES,
  ORGANISATION_KINDS,
  REPORTING_CADENCES,
  type IndicatorDirection,
  type MilestoneCadence,
  type OrganisationKind,
  type ReportingCadence,
} from './plan.vocabulary';
import * as is from './schema.primitives';

export interface IndicatorSetting {
  /** The indicator's 序号 in 附件2. */
  readonly no: number;
  readonly direction?: IndicatorDirection;
  /** A numeric target where the plan's cell wraps one in prose; the plan's cell is still shown verbatim. */
  readonly target?: string;
  /** Tasks that serve the indicator, until the office links others (`IndicatorTasksLinked`). */
  readonly tasks?: readonly string[];
  readonly reason: string;
}

export interface MilestoneDefaults {
  /** `yearly`: one milestone per year of the 时间 window, the last completing the task; `final`: one, at the end. */
  readonly cadence: MilestoneCadence;
  /** Years already over when a task is assigned get no milestone of their own (the final one always stays). */
  readonly skipPastYears: boolean;
  /** Titles; `{year}` stands for the milestone's year. `only` when the window has a single milestone. */
  readonly titles: { readonly only: string; readonly year: string; readonly final: string };
}

export interface PlanSettings {
  /** The organisation the plan belongs to, as its people name it (连云区), and its level. */
  readonly organisation: { readonly name: string; readonly kind: OrganisationKind };
  /** Working days (Chinese calendar) a department has to 签收 what it was given. */
  readonly acknowledgeWorkingDays: number;
  readonly milestones: MilestoneDefaults;
  /** How ongoing (持续开展) tasks report progress by default. */
  readonly ongoingReporting: ReportingCadence;
  readonly indicators: readonly IndicatorSetting[];
}

export const MAX_ACKNOWLEDGE_WORKING_DAYS = 30;

/**
 * The settings of a plan stored before plans carried their own (read back from an old catalogue
 * stream): the behaviour the service had then, minus any indicator judgement — those came from
 * code and return only when the plan file is imported again (a `PlanHeaderRevised` records it).
 */
export function defaultPlanSettings(regionName: string): PlanSettings {
  return {
    organisation: { name: regionName, kind: 'district' },
    acknowledgeWorkingDays: 3,
    milestones: { cadence: 'yearly', skipPastYears: true, titles: DEFAULT_MILESTONE_TITLES },
    ongoingReporting: 'quarterly',
    indicators: [],
  };
}

export const DEFAULT_MILESTONE_TITLES = {
  only: '完成任务',
  year: '{year}年度目标',
  final: '{year}年：完成任务',
} as const;

/** Checks `settings` of a plan file; indicator numbers must be the plan's own (`indicatorNos`). */
export function checkSettings(errors: is.Errors, value: unknown, path: string, indicatorNos: ReadonlySet<number>) {
  if (!is.object(errors, path, value)) return;
  const organisation = value['organisation'];
  if (is.object(errors, `${path}.organisation`, organisation)) {
    is.text(errors, `${path}.organisation.name`, organisation['name']);
    is.oneOf(errors, `${path}.organisation.kind`, organisation['kind'], ORGANISATION_KINDS);
  }
  const days = value['acknowledgeWorkingDays'];
  if (is.integer(errors, `${path}.acknowledgeWorkingDays`, days) && (days < 1 || days > MAX_ACKNOWLEDGE_WORKING_DAYS)) {
    is.fail(errors, `${path}.acknowledgeWorkingDays`, `应为 1 至 ${MAX_ACKNOWLEDGE_WORKING_DAYS} 个工作日`);
  }
  const milestones = value['milestones'];
  if (is.object(errors, `${path}.milestones`, milestones)) {
    is.oneOf(errors, `${path}.milestones.cadence`, milestones['cadence'], MILESTONE_CADENCES);
    is.boolean(errors, `${path}.milestones.skipPastYears`, milestones['skipPastYears']);
    const titles = milestones['titles'];
    if (is.object(errors, `${path}.milestones.titles`, titles)) {
      for (const key of ['only', 'year', 'final']) is.text(errors, `${path}.milestones.titles.${key}`, titles[key]);
    }
  }
  is.oneOf(errors, `${path}.ongoingReporting`, value['ongoingReporting'], REPORTING_CADENCES);
  const seen = new Set<number>();
  is.array(errors, `${path}.indicators`, value['indicators'], (item, at) => {
    if (!is.object(errors, at, item)) return;
    const no = item['no'];
    if (is.integer(errors, `${at}.no`, no)) {
      if (!indicatorNos.has(no)) is.fail(errors, `${at}.no`, `计划指标表中没有序号为 ${no} 的指标`);
      else if (seen.has(no)) is.fail(errors, `${at}.no`, `序号 ${no} 的指标重复设置`);
      seen.add(no);
    }
    if (item['direction'] !== undefined) is.oneOf(errors, `${at}.direction`, item['direction'], INDICATOR_DIRECTIONS);
    is.optionalText(errors, `${at}.target`, item['target']);
    if (item['tasks'] !== undefined) is.textArray(errors, `${at}.tasks`, item['tasks']);
    is.text(errors, `${at}.reason`, item['reason']);
  });
}

/** `{year}` in a milestone title template → the year. */
export function milestoneTitle(template: string, year: number): string {
  return template.replaceAll('{year}', String(year));
}
