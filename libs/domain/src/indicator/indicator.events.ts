import type { Event } from '../shared/message';
import type { Instant } from '../shared/local-date';
import type { ReminderEvent } from '../reminder/reminder.events';
import type { Evidence } from './evidence';

/**
 * Events of one indicator's stream (`indicatorStreamId(planId, indicatorId)`). Reports are never
 * edited: a correction is a new report for the same period naming the one it corrects, and
 * only the office's confirmation makes a value count.
 */

/** A measurement in the indicator's unit, or met / not met for an indicator stated in words. */
export type ReportedValue =
  | { readonly kind: 'number'; readonly value: number; readonly unit: string }
  | { readonly kind: 'met'; readonly met: boolean };

export type IndicatorReported = Event<
  'IndicatorReported',
  {
    readonly indicatorId: string;
    /** Stream-local, decided from the state: r1, r2, … */
    readonly reportId: string;
    /** "2024" (the year) or "2024-Q3". */
    readonly period: string;
    readonly department: string;
    readonly value: ReportedValue;
    /** 数据来源: where the figure comes from (统计年报, 监测报告 …). */
    readonly source: string;
    readonly evidence: readonly Evidence[];
    readonly note: string;
    /** The earlier report of the same period this one corrects (still pending or confirmed), if any. */
    readonly corrects: string | null;
    readonly reportedAt: Instant;
  }
>;

export type IndicatorReportConfirmed = Event<
  'IndicatorReportConfirmed',
  {
    readonly reportId: string;
    readonly period: string;
    readonly note: string;
    readonly confirmedAt: Instant;
  }
>;

export type IndicatorReportRejected = Event<
  'IndicatorReportRejected',
  {
    readonly reportId: string;
    readonly period: string;
    readonly reason: string;
    readonly rejectedAt: Instant;
  }
>;

/** The office's list of tasks that serve the indicator; replaces the plan's default list. */
export type IndicatorTasksLinked = Event<
  'IndicatorTasksLinked',
  {
    readonly tasks: readonly string[];
    readonly previous: readonly string[];
    readonly reason: string;
    readonly linkedAt: Instant;
  }
>;

/** The office names who reports where the plan does not (泛指 "领导小组成员单位") or names someone else. */
export type IndicatorResponsibilitySet = Event<
  'IndicatorResponsibilitySet',
  {
    readonly departments: readonly string[];
    readonly previous: readonly string[];
    readonly reason: string;
    readonly setAt: Instant;
  }
>;

export type IndicatorWorkflowEvent =
  | IndicatorReported
  | IndicatorReportConfirmed
  | IndicatorReportRejected
  | IndicatorTasksLinked
  | IndicatorResponsibilitySet;

/** Reporting reminders (指标报送提醒) are recorded in the indicator's stream too (libs/domain reminder). */
export type IndicatorEvent = IndicatorWorkflowEvent | ReminderEvent;

export type IndicatorEventType = IndicatorEvent['type'];
