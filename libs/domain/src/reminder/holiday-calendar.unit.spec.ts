import { addDays, isWorkingDay } from './reminder.calendar';
import { parseHolidayFile } from './holiday-calendar';
import { unknownCalendarYears, useOperatorHolidays } from './working-days';

/** The State Council's notice for 2027 as an operator would write it (chinese-days stops at 2026). */
const NOTICE_2027 = {
  '2027': {
    holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }, '2027-10-01'],
    workdays: ['2027-02-06'],
  },
};

describe('operator holiday file (HOLIDAY_FILE) over chinese-days', () => {
  afterEach(() => useOperatorHolidays(undefined));

  it('without a file, 2027 is unknown: New Year’s Day counts as a working day, and the year is reported once', () => {
    const told: number[] = [];
    useOperatorHolidays(undefined, (year) => told.push(year));
    expect(isWorkingDay('2027-01-01')).toBe(true);
    expect(addDays('2026-12-31', 1, 'working')).toBe('2027-01-01');
    expect(isWorkingDay('2027-01-04')).toBe(true);
    expect(unknownCalendarYears()).toEqual([2027]);
    expect(told).toEqual([2027]);
    expect(isWorkingDay('2026-01-01')).toBe(false); // chinese-days knows 2026
  });

  it('with the 2027 notice, its holidays are off, its 调休 Saturday is on, and nothing is unknown', () => {
    const { calendar, problems } = parseHolidayFile(NOTICE_2027);
    expect(problems).toEqual([]);
    const told: number[] = [];
    useOperatorHolidays(calendar, (year) => told.push(year));
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(addDays('2026-12-31', 1, 'working')).toBe('2027-01-04');
    expect(isWorkingDay('2027-02-06')).toBe(true); // a Saturday worked in lieu
    expect(isWorkingDay('2027-10-01')).toBe(false);
    expect(isWorkingDay('2027-03-01')).toBe(true);
    expect(unknownCalendarYears()).toEqual([]);
    expect(told).toEqual([]);
  });

  it('a listed date outside its year overrides that one day of chinese-days, nothing else', () => {
    const { calendar } = parseHolidayFile({ '2027': { holidays: ['2026-03-02'] } });
    useOperatorHolidays(calendar);
    expect(isWorkingDay('2026-03-02')).toBe(false);
    expect(isWorkingDay('2026-03-03')).toBe(true);
    expect(isWorkingDay('2026-01-01')).toBe(false);
  });

  it('names every problem of a malformed file and applies nothing', () => {
    expect(
      parseHolidayFile({
        '27': {},
        '2027': {
          holidays: ['2027-02-30', { from: '2027-01-03', to: '2027-01-01' }],
          workdays: ['2027-01-01'],
          extra: 1,
        },
      }),
    ).toEqual({
      problems: [
        '"27" is not a year (YYYY)',
        '2027.extra is not known (holidays, workdays)',
        '2027.holidays[0] must be a date YYYY-MM-DD or { "name": "…", "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }',
        '2027.holidays[1]: "to" must be on or after "from", at most 31 days later',
      ],
    });
    expect(parseHolidayFile([]).problems).toEqual(['must be a JSON object of year → { holidays, workdays }']);
  });
});
