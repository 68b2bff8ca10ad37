import { findWorkday, isWorkday } from 'chinese-days';
import { addCalendarDays, addDays, firstSendTimeOn } from './reminder.calendar';
import { DEFAULT_REMINDER_POLICY } from './reminder.policy';
import { isWorkingDayFast, nthWorkingDay, plusCalendarDays } from './working-days';

const DAY_MS = 86_400_000;
const slowCalendar = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Every day of 2023-2026: the years of the bundled plan and the reminders that follow it. */
const DAYS = Array.from({ length: (Date.UTC(2027, 0, 1) - Date.UTC(2023, 0, 1)) / DAY_MS }, (_, i) =>
  slowCalendar('2023-01-01', i),
);
/** The policy's steps (30, 7, 1 before; 1, 3 late; 3, 14 escalations) and a few more. */
const STEPS = [-30, -7, -1, 1, 3, 14, -60, 45];

describe('working-day tables (memoised chinese-days)', () => {
  it('says working day exactly where chinese-days does, every day of 2023-2026', () => {
    const differ = DAYS.filter((d) => isWorkingDayFast(d) !== isWorkday(d));
    expect(DAYS).toHaveLength(1461);
    expect(differ).toEqual([]);
  });

  it.each(STEPS)('finds the same %i-th working day as chinese-days from every day of 2023-2026', (n) => {
    const differ = DAYS.filter((d) => nthWorkingDay(d, n) !== findWorkday(n, d));
    expect(differ).toEqual([]);
  });

  it('adds calendar days as the date arithmetic does, across years and leap days', () => {
    const differ = DAYS.flatMap((d) =>
      [-400, -91, -1, 1, 29, 91, 400]
        .filter((n) => plusCalendarDays(d, n) !== slowCalendar(d, n))
        .map((n) => `${d}${n}`),
    );
    expect(differ).toEqual([]);
  });

  it('plans the same send times as the unmemoised calendar', () => {
    const window = DEFAULT_REMINDER_POLICY.sendWindow;
    const slowSend = (day: string) => `${isWorkday(day) ? day : findWorkday(1, day)}T${window.start}:00+08:00`;
    expect(DAYS.filter((d) => firstSendTimeOn(d, window) !== slowSend(d))).toEqual([]);
  });

  it('leaves what is not a real date to the slow path, unchanged', () => {
    expect(nthWorkingDay('2023-02-30', 1)).toBeUndefined();
    expect(plusCalendarDays('2023-2-3', 1)).toBeUndefined();
    expect(addCalendarDays('2023-02-30', 1)).toBe(slowCalendar('2023-02-30', 1));
    expect(addDays('2024-09-30', 1, 'working')).toBe('2024-10-08');
    expect(addDays('2024-09-30', 0, 'working')).toBe('2024-09-30');
  });
});
