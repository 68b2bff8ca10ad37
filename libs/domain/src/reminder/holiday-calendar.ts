import { isLocalDate, type LocalDate } from '../shared/local-date';

/**
 * The operator's holiday file: the State Council's yearly notice (国务院办公厅关于…部分节假日安排的通知)
 * as JSON, for years `chinese-days` does not know yet or to correct it. For each year it names,
 * the file decides that whole year (listed holidays are off, listed 调休 workdays are on, every
 * other day by Monday–Friday); a listed date outside its year's key overrides that one day only.
 *
 *   { "2027": { "holidays": [{ "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" }, "2027-10-01"],
 *               "workdays": ["2027-02-06"] } }
 */
export interface OperatorHolidays {
  /** Years the file decides in full. */
  readonly years: ReadonlySet<number>;
  /** Each listed date: false = holiday, true = 调休 workday. */
  readonly days: ReadonlyMap<LocalDate, boolean>;
}

const DAY_MS = 86_400_000;

/** Every problem at once, each naming where it is (`2027.holidays[0].to`); no calendar when there is any. */
export function parseHolidayFile(value: unknown): { calendar?: OperatorHolidays; problems: string[] } {
  const problems: string[] = [];
  const years = new Set<number>();
  const days = new Map<LocalDate, boolean>();
  if (!isObject(value)) return { problems: ['must be a JSON object of year → { holidays, workdays }'] };
  for (const [key, entry] of Object.entries(value)) {
    if (!/^\d{4}$/.test(key)) {
      problems.push(`"${key}" is not a year (YYYY)`);
      continue;
    }
    if (!isObject(entry)) {
      problems.push(`${key} must be { "holidays": [...], "workdays": [...] }`);
      continue;
    }
    years.add(Number(key));
    const { holidays = [], workdays = [], ...unknown } = entry;
    for (const name of Object.keys(unknown)) problems.push(`${key}.${name} is not known (holidays, workdays)`);
    const list = (items: unknown, field: string, working: boolean) => {
      if (!Array.isArray(items)) return problems.push(`${key}.${field} must be a list`);
      items.forEach((item, i) => {
        for (const date of datesOf(item, `${key}.${field}[${i}]`, problems, working)) {
          if (days.has(date) && days.get(date) !== working) problems.push(`${date} is both a holiday and a workday`);
          days.set(date, working);
        }
      });
    };
    list(holidays, 'holidays', false);
    list(workdays, 'workdays', true);
  }
  return problems.length > 0 ? { problems } : { calendar: { years, days }, problems };
}

function datesOf(item: unknown, at: string, problems: string[], working: boolean): LocalDate[] {
  if (isLocalDate(item)) return [item];
  if (!working && isObject(item) && isLocalDate(item.from) && isLocalDate(item.to)) {
    const from = Date.parse(`${item.from}T00:00:00Z`);
    const to = Date.parse(`${item.to}T00:00:00Z`);
    if (to >= from && to - from <= 31 * DAY_MS) {
      return Array.from({ length: (to - from) / DAY_MS + 1 }, (_, i) =>
        new Date(from + i * DAY_MS).toISOString().slice(0, 10),
      );
    }
    problems.push(`${at}: "to" must be on or after "from", at most 31 days later`);
    return [];
  }
  problems.push(
    working
      ? `${at} must be a date YYYY-MM-DD`
      : `${at} must be a date YYYY-MM-DD or { "name": "…", "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }`,
  );
  return [];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
