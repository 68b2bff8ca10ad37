import { readFileSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { parseHolidayFile, useOperatorHolidays } from '@zw/domain';

export class HolidayFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid HOLIDAY_FILE:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'HolidayFileError';
  }
}

/**
 * The working-day calendar of this process: `chinese-days`, extended or overridden by the
 * operator's HOLIDAY_FILE (the State Council's yearly notice as JSON, docs/reminders.md). Called
 * once when the api or worker module is built, before any deadline is computed. A year nobody
 * knows is warned about once, when first asked (and reported by /health/ready).
 */
export function applyHolidayFile(path: string | undefined): void {
  let calendar;
  if (path) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new HolidayFileError([`HOLIDAY_FILE="${path}" cannot be read as JSON: ${(error as Error).message}`]);
    }
    const parsed = parseHolidayFile(value);
    if (parsed.problems.length > 0)
      throw new HolidayFileError(parsed.problems.map((p) => `HOLIDAY_FILE="${path}": ${p}`));
    calendar = parsed.calendar;
  }
  const logger = new Logger('Calendar');
  useOperatorHolidays(calendar, (year) =>
    logger.warn(
      { year },
      `working days of ${year} are not known (neither chinese-days nor HOLIDAY_FILE): counted Monday to Friday without holidays; add the State Council's notice for ${year} to HOLIDAY_FILE`,
    ),
  );
}
