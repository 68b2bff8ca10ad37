import type { Instant } from '../shared/local-date';
import type { Evidence } from './evidence';
import type { IndicatorEvent, ReportedValue } from './indicator.events';

export type ReportStatus = 'pending' | 'confirmed' | 'rejected';

export const REPORT_STATUS_LABELS = {
  pending: '待确认',
  confirmed: '已确认',
  rejected: '已退回',
} as const satisfies Record<ReportStatus, string>;

export interface ReportRecord {
  readonly reportId: string;
  readonly period: string;
  readonly department: string;
  readonly value: ReportedValue;
  readonly source: string;
  readonly evidence: readonly Evidence[];
  readonly note: string;
  readonly corrects: string | null;
  readonly reportedAt: Instant;
  readonly status: ReportStatus;
  /** A later report of the same period that corrects this one. */
  readonly supersededBy?: string;
  readonly review?: { readonly at: Instant; readonly note: string };
}

/**
 * What an indicator's events say; the plan's side (unit, baseline, default departments and
 * tasks) is the IndicatorDefinition, joined when deciding and viewing. `null` means "as the
 * plan says": only the office's events replace the plan's defaults.
 */
export interface IndicatorState {
  /** In report order (r1, r2, …): Map keeps insertion order. */
  readonly reports: ReadonlyMap<string, ReportRecord>;
  readonly tasks: { readonly list: readonly string[]; readonly reason: string; readonly at: Instant } | null;
  readonly responsible: {
    readonly departments: readonly string[];
    readonly reason: string;
    readonly at: Instant;
  } | null;
}

export function initialIndicatorState(): IndicatorState {
  return { reports: new Map(), tasks: null, responsible: null };
}

function withReport(
  state: IndicatorState,
  reportId: string,
  update: (r: ReportRecord) => ReportRecord,
): IndicatorState {
  const report = state.reports.get(reportId);
  return report ? { ...state, reports: new Map(state.reports).set(reportId, update(report)) } : state;
}

export function evolveIndicator(state: IndicatorState, event: IndicatorEvent): IndicatorState {
  switch (event.type) {
    case 'IndicatorReported': {
      const { indicatorId: _, ...report } = event.data;
      const reports = new Map(state.reports).set(report.reportId, { ...report, status: 'pending' });
      const next = { ...state, reports };
      return report.corrects
        ? withReport(next, report.corrects, (r) => ({ ...r, supersededBy: report.reportId }))
        : next;
    }
    case 'IndicatorReportConfirmed': {
      const { reportId, note, confirmedAt: at } = event.data;
      return withReport(state, reportId, (r) => ({ ...r, status: 'confirmed', review: { at, note } }));
    }
    case 'IndicatorReportRejected': {
      const { reportId, reason: note, rejectedAt: at } = event.data;
      return withReport(state, reportId, (r) => ({ ...r, status: 'rejected', review: { at, note } }));
    }
    case 'IndicatorTasksLinked':
      return { ...state, tasks: { list: event.data.tasks, reason: event.data.reason, at: event.data.linkedAt } };
    case 'IndicatorResponsibilitySet':
      return {
        ...state,
        responsible: { departments: event.data.departments, reason: event.data.reason, at: event.data.setAt },
      };
    case 'ReminderSent':
    case 'EscalationSent':
    case 'ReminderFailed':
      // A delivery records who was reminded to report; the indicator's values stand as they were.
      return state;
    default: {
      const never: never = event;
      throw new Error(`unknown indicator event ${JSON.stringify(never)}`);
    }
  }
}

export function foldIndicator(
  events: Iterable<IndicatorEvent>,
  from: IndicatorState = initialIndicatorState(),
): IndicatorState {
  let state = from;
  for (const event of events) state = evolveIndicator(state, event);
  return state;
}

/** The departments that report: the office's choice once made, else the plan's. */
export function responsibleOf(state: IndicatorState, planDefault: readonly string[]): readonly string[] {
  return state.responsible?.departments ?? planDefault;
}

export function linkedTasksOf(
  state: IndicatorState,
  planDefault: readonly string[],
): { list: readonly string[]; source: 'plan' | 'office' } {
  return state.tasks ? { list: state.tasks.list, source: 'office' } : { list: planDefault, source: 'plan' };
}

/** The report a new one of the same period corrects: the latest not rejected. */
export function currentReportOf(state: IndicatorState, period: string): ReportRecord | undefined {
  return [...state.reports.values()].filter((r) => r.period === period && r.status !== 'rejected').at(-1);
}
