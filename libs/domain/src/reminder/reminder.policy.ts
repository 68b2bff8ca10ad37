/**
 * The reminder policy (催办/督办) as data: what the office agreed, with the defaults of the
 * issue. Counting in `working` days follows the Chinese calendar with public holidays and
 * 调休 make-up workdays (reminder.calendar.ts); `calendar` counts every day.
 */
export type DayCount = 'working' | 'calendar';

export interface SendWindow {
  /** Local Shanghai time, `HH:MM`, inclusive. */
  readonly start: string;
  /** Local Shanghai time, `HH:MM`, exclusive. */
  readonly end: string;
  /** Sends only on working days (weekends and holidays are quiet; 调休 Saturdays are not). */
  readonly workingDaysOnly: boolean;
}

export interface ReminderPolicy {
  /** Reminders this many days before a due date (counted in `dayCount`). */
  readonly beforeDueDays: readonly number[];
  /** Reminders this many days after a missed 签收 deadline (counted in `dayCount`). */
  readonly acknowledgementLateDays: readonly number[];
  /** Overdue notices (calendar days after the due date): daily for `dailyFor` days, then every `thenEvery` days up to `until`. */
  readonly overdue: { readonly dailyFor: number; readonly thenEvery: number; readonly until: number };
  /** 督办: escalate to the office / to leadership once overdue by this many days (counted in `dayCount`). */
  readonly escalateToOfficeAfter: number;
  readonly escalateToLeadershipAfter: number;
  readonly dayCount: DayCount;
  /** Quiet hours are everything outside this window. */
  readonly sendWindow: SendWindow;
  /**
   * 持续开展 tasks: each reporting period's report is due this many days (counted in `dayCount`)
   * after the period ends, and chased like a milestone. Default 10.
   */
  readonly periodReportDueDays?: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  beforeDueDays: [30, 7, 1],
  acknowledgementLateDays: [1, 3],
  overdue: { dailyFor: 7, thenEvery: 7, until: 91 },
  escalateToOfficeAfter: 3,
  escalateToLeadershipAfter: 14,
  dayCount: 'working',
  sendWindow: { start: '08:30', end: '18:00', workingDaysOnly: true },
  periodReportDueDays: 10,
};

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Every problem of a policy, each naming its field; [] when it is usable. */
export function policyProblems(policy: ReminderPolicy): string[] {
  const problems: string[] = [];
  const positive = (name: string, n: number) => {
    if (!Number.isInteger(n) || n < 1 || n > 3660) problems.push(`${name}=${n} must be an integer from 1 to 3660`);
  };
  policy.beforeDueDays.forEach((n) => positive('beforeDueDays', n));
  policy.acknowledgementLateDays.forEach((n) => positive('acknowledgementLateDays', n));
  positive('overdue.dailyFor', policy.overdue.dailyFor);
  positive('overdue.thenEvery', policy.overdue.thenEvery);
  positive('overdue.until', policy.overdue.until);
  positive('escalateToOfficeAfter', policy.escalateToOfficeAfter);
  positive('escalateToLeadershipAfter', policy.escalateToLeadershipAfter);
  if (policy.periodReportDueDays !== undefined) positive('periodReportDueDays', policy.periodReportDueDays);
  if (policy.escalateToLeadershipAfter <= policy.escalateToOfficeAfter) {
    problems.push('escalateToLeadershipAfter must be greater than escalateToOfficeAfter (the ladder goes up)');
  }
  const { start, end } = policy.sendWindow;
  if (!HH_MM.test(start)) problems.push(`sendWindow.start="${start}" must be HH:MM`);
  if (!HH_MM.test(end)) problems.push(`sendWindow.end="${end}" must be HH:MM`);
  if (HH_MM.test(start) && HH_MM.test(end) && start >= end)
    problems.push(`sendWindow ${start}-${end} must end after it starts`);
  return problems;
}
