import { findWorkday } from 'chinese-days';
import type { Instant, LocalDate } from '../shared/local-date';
import type { DayCount, SendWindow } from './reminder.policy';
import { isWorkingDayFast as isWorkday, nthWorkingDay, plusCalendarDays } from './working-days';

/**
 * Days and send times of reminders. Working days come from `chinese-days` (the State
 * Council's holiday and 调休 schedule, maintained upstream; years it does not know yet fall
 * back to Monday–Friday), read through the per-year tables of working-days.ts. Everything is
 * Shanghai local time (UTC+8, no daylight saving).
 */
const DAY_MS = 86_400_000;
const OFFSET = '+08:00';

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return (
    plusCalendarDays(date, days) ?? new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
  );
}

/** `days` days after (negative: before) `date`, counted in working or calendar days. */
export function addDays(date: LocalDate, days: number, count: DayCount): LocalDate {
  if (count === 'calendar' || days === 0) return addCalendarDays(date, days);
  return nthWorkingDay(date, days) ?? findWorkday(days, date);
}

export function isWorkingDay(date: LocalDate): boolean {
  return isWorkday(date);
}

/** The first moment on or after `day` at which the window allows a send. */
export function firstSendTimeOn(day: LocalDate, window: SendWindow): Instant {
  const sendDay = window.workingDaysOnly && !isWorkday(day) ? (nthWorkingDay(day, 1) ?? findWorkday(1, day)) : day;
  return `${sendDay}T${window.start}:00${OFFSET}`;
}

/** Shanghai day and `HH:MM` of an instant given with any offset. */
export function shanghaiClock(instant: Instant | Date): { day: LocalDate; time: string } {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const local = new Date(ms + 8 * 3_600_000).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}

export function isSendTime(instant: Instant | Date, window: SendWindow): boolean {
  const { day, time } = shanghaiClock(instant);
  if (window.workingDaysOnly && !isWorkday(day)) return false;
  return time >= window.start && time < window.end;
}

/** `instant` itself when sending is allowed then, else the start of the next send window. */
export function nextSendTime(instant: Instant | Date, window: SendWindow): Instant {
  const at = typeof instant === 'string' ? instant : instant.toISOString();
  if (isSendTime(at, window)) return at;
  const { day, time } = shanghaiClock(at);
  const today = time < window.start && (!window.workingDaysOnly || isWorkday(day));
  return today ? `${day}T${window.start}:00${OFFSET}` : firstSendTimeOn(addCalendarDays(day, 1), window);
}

/** Whole days from `from` to `to` (positive when `to` is later), in working or calendar days. */
export function daysBetween(from: LocalDate, to: LocalDate, count: DayCount): number {
  const calendar = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
  if (count === 'calendar' || calendar <= 0) return calendar;
  let working = 0;
  for (let d = 1; d <= calendar; d++) if (isWorkday(addCalendarDays(from, d))) working++;
  return working;
}
