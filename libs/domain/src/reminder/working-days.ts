import { getHolidaysInRange, isWorkday as packageIsWorkday } from 'chinese-days';
import type { LocalDate } from '../shared/local-date';
import type { OperatorHolidays } from './holiday-calendar';

/**
 * Chinese working days as a table per year, built once from `chinese-days` and kept. The
 * planner asks about the same few hundred dates over and over (every task event re-plans ~100
 * reminders); each `chinese-days` call parses and formats through dayjs (≈ 5 µs), which made
 * the calendar most of the planner's CPU. A table answers from arrays: a year costs ~365 calls
 * once. The answers are `chinese-days`' own (equality over 2023-2026 is a unit test).
 */
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface YearTable {
  /** Days since 1970-01-01 of 1 January. */
  readonly first: number;
  readonly dates: readonly LocalDate[];
  /** Filled on the first working-day question: calendar arithmetic alone needs no `chinese-days`. */
  working?: Uint8Array;
}

const years = new Map<number, YearTable>();
let operator: OperatorHolidays | undefined;
/** Years whose working days were asked for although neither the operator's file nor `chinese-days` knows them. */
const unknownYears = new Set<number>();
let onUnknownYear: ((year: number) => void) | undefined;

/**
 * The operator's holiday file (holiday-calendar.ts), applied once at start; undefined: only
 * `chinese-days`. Tables already built are recomputed on the next question.
 */
export function useOperatorHolidays(
  calendar: OperatorHolidays | undefined,
  unknownYear?: (year: number) => void,
): void {
  operator = calendar;
  onUnknownYear = unknownYear;
  unknownYears.clear();
  for (const t of years.values()) t.working = undefined;
}

/** Years asked about that nobody knows: their holidays are guessed as Monday–Friday (readiness reports them). */
export function unknownCalendarYears(): number[] {
  return [...unknownYears].sort((a, b) => a - b);
}

/** `chinese-days` lists New Year's Day of every year it knows. */
function packageKnows(year: number): boolean {
  return getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

function isWorkday(date: LocalDate): boolean {
  const listed = operator?.days.get(date);
  if (listed !== undefined) return listed;
  if (operator?.years.has(Number(date.slice(0, 4)))) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
  return packageIsWorkday(date);
}
/** Where each date already asked about sits in the tables; only real dates get in, so it stays as small as the calendar. */
const positions = new Map<LocalDate, Readonly<Cursor>>();

function table(year: number): YearTable {
  let kept = years.get(year);
  if (!kept) {
    const first = Date.UTC(year, 0, 1) / DAY_MS;
    const length = Date.UTC(year + 1, 0, 1) / DAY_MS - first;
    const dates = Array.from({ length }, (_, i) => new Date((first + i) * DAY_MS).toISOString().slice(0, 10));
    kept = { first, dates };
    years.set(year, kept);
  }
  return kept;
}

function workingFlags(t: YearTable): Uint8Array {
  if (!t.working) {
    const year = Number(t.dates[0]!.slice(0, 4));
    if (!operator?.years.has(year) && !packageKnows(year) && !unknownYears.has(year)) {
      unknownYears.add(year);
      onUnknownYear?.(year);
    }
    t.working = Uint8Array.from(t.dates, (date) => (isWorkday(date) ? 1 : 0));
  }
  return t.working;
}

/** A position in the tables: the year's table and the day's index in it. */
interface Cursor {
  year: number;
  t: YearTable;
  i: number;
}

/** Undefined for anything but a real `YYYY-MM-DD` of years 1000-9999 (the caller falls back to the slow path). */
function cursorAt(date: LocalDate): Cursor | undefined {
  const known = positions.get(date);
  if (known) return { ...known };
  const found = locate(date);
  if (found) positions.set(date, { ...found });
  return found;
}

function locate(date: LocalDate): Cursor | undefined {
  if (!ISO_DATE.test(date)) return undefined;
  const year = Number(date.slice(0, 4));
  if (year < 1000) return undefined;
  const t = table(year);
  const i = Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS - t.first;
  // Date.UTC rolls 2023-02-30 over into March; only real dates have their own entry.
  return t.dates[i] === date ? { year, t, i } : undefined;
}

function step(c: Cursor, direction: 1 | -1): void {
  c.i += direction;
  if (c.i < 0) {
    c.t = table(--c.year);
    c.i = c.t.dates.length - 1;
  } else if (c.i >= c.t.dates.length) {
    c.t = table(++c.year);
    c.i = 0;
  }
}

export function isWorkingDayFast(date: LocalDate): boolean {
  const c = cursorAt(date);
  return c ? workingFlags(c.t)[c.i] === 1 : isWorkday(date);
}

/** `chinese-days`' `findWorkday(n, date)` for n ≠ 0: the n-th working day after (n < 0: before) `date`; undefined off the table. */
export function nthWorkingDay(date: LocalDate, n: number): LocalDate | undefined {
  const c = cursorAt(date);
  if (!c || n === 0 || !Number.isInteger(n)) return undefined;
  const direction = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0;) {
    step(c, direction);
    if (workingFlags(c.t)[c.i] === 1) left--;
  }
  return c.t.dates[c.i];
}

/** `date` plus `days` calendar days; undefined off the table. */
export function plusCalendarDays(date: LocalDate, days: number): LocalDate | undefined {
  const c = cursorAt(date);
  if (!c || !Number.isInteger(days)) return undefined;
  let i = c.i + days;
  let year = c.year;
  let t = c.t;
  while (i < 0) {
    t = table(--year);
    i += t.dates.length;
  }
  while (i >= t.dates.length) {
    i -= t.dates.length;
    t = table(++year);
  }
  return t.dates[i];
}
