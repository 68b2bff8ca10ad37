import { shanghaiDay, type LocalDate } from '@zw/domain';

const DAY_MS = 86_400_000;

/**
 * The Shanghai day of a stored instant. Our clock writes Shanghai time (`…+08:00`), whose first
 * ten characters are the day: the common case needs no parsing (an as-of view reads ~10k events
 * per plan). Other offsets are converted; instants always parse.
 */
export function dayOf(instant: string): LocalDate {
  if (instant.length >= 16 && instant.endsWith('+08:00')) return instant.slice(0, 10);
  return shanghaiDay(instant) ?? instant.slice(0, 10);
}

/** Fractional days between two instants (acknowledgement latency). */
export function daysBetweenInstants(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}
