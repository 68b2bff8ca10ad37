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
