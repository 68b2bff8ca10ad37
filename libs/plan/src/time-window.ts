/**
 * The 时间 column of the task list says when a task is due, in the plan's words. Deadlines are
 * local dates in Asia/Shanghai; China has kept UTC+8 without daylight saving since 1991, so a
 * fixed offset is exact and needs no time-zone database.
 */
import { isLocalDate, PLAN_TIME_ZONE } from '@zw/clock';
export type LocalDate = string;

export { PLAN_TIME_ZONE };
const SHANGHAI_OFFSET = '+08:00';

export interface Milestone {
  readonly year: number;
  /** 31 December of the year, the last day the deliverable is on time. */
  readonly due: LocalDate;
  /** The milestone whose acceptance completes the task. */
  readonly final: boolean;
}

export type TimeWindow =
  | {
      readonly kind: 'dated';
      readonly raw: string;
      readonly startYear: number;
      readonly endYear: number;
      readonly milestones: readonly Milestone[];
      readonly finalDue: LocalDate;
    }
  | {
      readonly kind: 'ongoing';
      readonly raw: string;
      /** Ongoing work has no completion date; it is followed through quarterly progress reports. */
      readonly progressReports: 'quarterly';
      readonly finalDue: null;
    };

export interface UnknownWindowError {
  readonly code: 'UNKNOWN_WINDOW';
  readonly raw: string;
  readonly message: string;
}

export type TimeWindowResult =
  { readonly ok: true; readonly window: TimeWindow } | { readonly ok: false; readonly error: UnknownWindowError };

const ONGOING = '持续开展';
const SINGLE_YEAR = /^(\d{4})$/;
const YEAR_SPAN = /^(\d{4})-(\d{4})$/;

function unknown(raw: string, reason: string): TimeWindowResult {
  return { ok: false, error: { code: 'UNKNOWN_WINDOW', raw, message: `无法识别的时间“${raw}”：${reason}` } };
}

function yearEnd(year: number): LocalDate {
  return `${String(year).padStart(4, '0')}-12-31`;
}

function dated(raw: string, startYear: number, endYear: number): TimeWindowResult {
  const milestones: Milestone[] = [];
  for (let year = startYear; year <= endYear; year++) {
    milestones.push({ year, due: yearEnd(year), final: year === endYear });
  }
  return { ok: true, window: { kind: 'dated', raw, startYear, endYear, milestones, finalDue: yearEnd(endYear) } };
}

/**
 * "2023" → due 2023-12-31; "2023-2025" → one milestone per year, the last completes the task;
 * "持续开展" → ongoing. Anything else is reported, never guessed.
 */
export function parseTimeWindow(raw: string): TimeWindowResult {
  const text = raw.trim();
  if (text === ONGOING)
    return { ok: true, window: { kind: 'ongoing', raw, progressReports: 'quarterly', finalDue: null } };

  const single = SINGLE_YEAR.exec(text);
  if (single) return dated(raw, Number(single[1]), Number(single[1]));

  const span = YEAR_SPAN.exec(text);
  if (span) {
    const from = Number(span[1]);
    const to = Number(span[2]);
    if (from > to) return unknown(raw, '起始年份晚于结束年份');
    return dated(raw, from, to);
  }
  return unknown(raw, '应为“YYYY”“YYYY-YYYY”或“持续开展”');
}

/** The plan's dates are calendar dates; the check is the clock library's. */
export { isLocalDate };

/** Last second of a local day in Asia/Shanghai: "2023-12-31" → "2023-12-31T23:59:59+08:00". */
export function endOfDayInstant(date: LocalDate): string {
  if (!isLocalDate(date)) throw new RangeError(`不是有效日期：${date}`);
  return `${date}T23:59:59${SHANGHAI_OFFSET}`;
}

/** Due dates of the quarterly progress reports of an ongoing task within one year. */
export function quarterlyReportDues(year: number): readonly LocalDate[] {
  const y = String(year).padStart(4, '0');
  return [`${y}-03-31`, `${y}-06-30`, `${y}-09-30`, `${y}-12-31`];
}
