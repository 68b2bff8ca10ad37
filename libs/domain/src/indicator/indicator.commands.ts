import type { Command } from '../shared/message';
import type { Evidence } from './evidence';

/** What users ask of an indicator. The report id is decided by the domain (next in the stream). */
export type ReportIndicator = Command<
  'ReportIndicator',
  {
    readonly period: string;
    /** Numeric indicators: a number in the indicator's unit (`unit`, when given, must be that unit). */
    readonly value?: number;
    readonly unit?: string;
    /** Indicators stated in words: met / not met. */
    readonly met?: boolean;
    readonly source: string;
    readonly evidence: readonly Evidence[];
    readonly note?: string;
  }
>;
export type ConfirmIndicatorReport = Command<
  'ConfirmIndicatorReport',
  { readonly reportId: string; readonly note?: string }
>;
export type RejectIndicatorReport = Command<
  'RejectIndicatorReport',
  { readonly reportId: string; readonly reason: string }
>;
/** Task codes are checked against the plan by the application (the domain does not hold the task list). */
export type LinkIndicatorTasks = Command<
  'LinkIndicatorTasks',
  { readonly tasks: readonly string[]; readonly reason?: string }
>;
/** Departments are canonical names of 附件4, resolved by the application. */
export type SetIndicatorResponsibility = Command<
  'SetIndicatorResponsibility',
  { readonly departments: readonly string[]; readonly reason: string }
>;

export type IndicatorCommand =
  ReportIndicator | ConfirmIndicatorReport | RejectIndicatorReport | LinkIndicatorTasks | SetIndicatorResponsibility;
