/** The plan's time zone. China has no daylight saving time, so the offset is fixed. */
export const PLAN_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600_000;

/** An instant as ISO 8601 in Shanghai time, e.g. `2023-12-31T23:59:59.000+08:00`. */
export function toShanghaiIso(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** The calendar date (YYYY-MM-DD) of an instant in Shanghai. */
export function shanghaiDate(instant: Date): string {
  return toShanghaiIso(instant).slice(0, 10);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD: 2023-02-30 is refused (Date.UTC would roll it into March). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
