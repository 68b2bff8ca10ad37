import { addDays, daysBetween, isSendTime, nextSendTime } from './reminder.calendar';
import { DEFAULT_REMINDER_POLICY, policyProblems } from './reminder.policy';

const WINDOW = DEFAULT_REMINDER_POLICY.sendWindow;

describe('reminder calendar (Chinese working days, quiet hours)', () => {
  it('counts working days past the National Day holiday and onto the 调休 Sunday', () => {
    expect(addDays('2024-09-30', 1, 'working')).toBe('2024-10-08');
    expect(addDays('2024-10-08', -2, 'working')).toBe('2024-09-29');
    expect(addDays('2024-09-30', 1, 'calendar')).toBe('2024-10-01');
    expect(daysBetween('2024-09-30', '2024-10-08', 'working')).toBe(1);
    expect(daysBetween('2024-09-30', '2024-10-08', 'calendar')).toBe(8);
  });

  it.each([
    ['2024-09-29T10:00:00+08:00', true, 'a 调休 Sunday is a working day'],
    ['2024-10-02T10:00:00+08:00', false, 'National Day'],
    ['2024-10-08T08:29:00+08:00', false, 'before 08:30'],
    ['2024-10-08T08:30:00+08:00', true, 'at 08:30'],
    ['2024-10-08T17:59:00+08:00', true, 'before 18:00'],
    ['2024-10-08T10:00:00Z', false, '18:00 in Shanghai'],
  ])('%s: may send = %s (%s)', (instant, allowed) => {
    expect(isSendTime(instant, WINDOW)).toBe(allowed);
  });

  it('moves a send in quiet hours to the next window', () => {
    expect(nextSendTime('2024-09-30T19:00:00+08:00', WINDOW)).toBe('2024-10-08T08:30:00+08:00');
    expect(nextSendTime('2024-10-08T07:00:00+08:00', WINDOW)).toBe('2024-10-08T08:30:00+08:00');
    expect(nextSendTime('2024-10-08T09:00:00+08:00', WINDOW)).toBe('2024-10-08T09:00:00+08:00');
  });

  it('finds every problem of a policy at once', () => {
    const problems = policyProblems({
      ...DEFAULT_REMINDER_POLICY,
      beforeDueDays: [0],
      escalateToLeadershipAfter: 2,
      sendWindow: { start: '18:00', end: '08:30', workingDaysOnly: true },
    });
    expect(problems).toEqual([
      'beforeDueDays=0 must be an integer from 1 to 3660',
      'escalateToLeadershipAfter must be greater than escalateToOfficeAfter (the ladder goes up)',
      'sendWindow 18:00-08:30 must end after it starts',
    ]);
    expect(policyProblems(DEFAULT_REMINDER_POLICY)).toEqual([]);
  });
});
