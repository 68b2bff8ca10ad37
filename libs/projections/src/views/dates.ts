import { shanghaiDay, type LocalDate } from '@zw/domain';

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). Date.UTC is arithmetic only. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Shanghai day of a stored instant; instants come from our own clock, so they always parse. */
export function dayOf(instant: string): LocalDate {
  return shanghaiDay(instant) ?? instant.slice(0, 10);
}

/** Fractional days between two instants (acknowledgement latency). */
export function daysBetweenInstants(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

function utc(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}
