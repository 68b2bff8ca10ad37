/**
 * Deadlines are calendar days in Asia/Shanghai (the plan's time zone), inclusive: a due date
 * is the last day on which the work is on time. Instants arrive as ISO 8601 strings with an
 * offset; the domain only ever asks "which Shanghai day is this?". China has kept UTC+8 without
 * daylight saving since 1991, so a fixed offset is exact. The calendar check itself is the
 * clock library's (pure, like the domain).
 */
import { isLocalDate as isCalendarDate } from '@zw/clock';

export type LocalDate = string;
export type Instant = string;

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isLocalDate(value: unknown): value is LocalDate {
  return isCalendarDate(value);
}

/** The Shanghai calendar day of an instant, or undefined when it is not ISO 8601 with an offset. */
export function shanghaiDay(instant: unknown): LocalDate | undefined {
  if (typeof instant !== 'string' || !INSTANT.test(instant) || !isLocalDate(instant.slice(0, 10))) return undefined;
  // Date.parse would roll 30 February over into March rather than refuse it; the check above does.
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Valid YYYY-MM-DD strings compare correctly as strings; this names the intent. */
export function isAfter(a: LocalDate, b: LocalDate): boolean {
  return a > b;
}
