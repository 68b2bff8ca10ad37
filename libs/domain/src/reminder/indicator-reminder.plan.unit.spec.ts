import { foldIndicator } from '../indicator/indicator.state';
import type { IndicatorEvent } from '../indicator/indicator.events';
import { confirmed, def, ECO, NOW, PLAN, reported, URBAN } from '../indicator/testing/indicator.fixtures';
import { deliveryEvents, recordedDeliveries } from './reminder.deliveries';
import {
  indicatorReminderDropReason,
  indicatorReminderMessage,
  indicatorReminderSubject,
  planIndicatorReminders,
} from './indicator-reminder.plan';
import { planDiff, type PlannedReminder } from './reminder.plan';
import { DEFAULT_REMINDER_POLICY as POLICY } from './reminder.policy';

const plan = (no: number, events: IndicatorEvent[] = []) =>
  planIndicatorReminders(def(no), foldIndicator(events), POLICY);
const periodOf = (r: PlannedReminder) => (r.target.kind === 'indicator' ? r.target.period : '');
const periods = (reminders: PlannedReminder[]) => [...new Set(reminders.map(periodOf))].sort();
const rejected = (reportId: string, period: string): IndicatorEvent => ({
  type: 'IndicatorReportRejected',
  data: { reportId, period, reason: '与统计年报不符', rejectedAt: NOW },
});
const named = (departments: string[]): IndicatorEvent => ({
  type: 'IndicatorResponsibilitySet',
  data: { departments, previous: [], reason: '无废办指定', setAt: NOW },
});
const value = { kind: 'number', value: 6.5, unit: '%' } as const;

describe('indicator reporting reminders (指标报送提醒)', () => {
  it('given indicator 14 with nothing reported, then its department is reminded 30, 7 and 1 working days before 31 January and chased after it, for 2023 to 2025', () => {
    const reminders = plan(14);
    expect(periods(reminders)).toEqual(['2023', '2024', '2025']);
    expect(new Set(reminders.map((r) => r.department))).toEqual(new Set([ECO]));
    const due2023 = reminders.filter((r) => periodOf(r) === '2023');
    expect(new Set(due2023.map((r) => r.dueDate))).toEqual(new Set(['2024-01-31']));
    expect(due2023.filter((r) => r.rule === 'before-due').map((r) => [r.days, r.fireAt])).toEqual([
      [30, '2023-12-19T08:30:00+08:00'],
      [7, '2024-01-22T08:30:00+08:00'],
      [1, '2024-01-30T08:30:00+08:00'],
    ]);
    // Overdue: daily for a week, then weekly to day 91. Day 3 (Saturday 3 February) moves to the 调休 workday
    // Sunday 4 February, where day 4's notice is the later step: only that one is sent.
    const overdue = due2023.filter((r) => r.rule === 'overdue');
    expect(overdue.slice(0, 3).map((r) => [r.days, r.fireAt.slice(0, 10)])).toEqual([
      [1, '2024-02-01'],
      [2, '2024-02-02'],
      [4, '2024-02-04'],
    ]);
    expect(overdue.at(-1)!.days).toBe(91);
    expect(reminders.every((r) => r.level === undefined && !r.rule.startsWith('escalation'))).toBe(true);
    expect(new Set(reminders.map((r) => r.key)).size).toBe(reminders.length);
    expect(reminders[0]!.key).toBe(`before-due/i-2023/${ECO}/2024-01-31/30`);
  });

  it('when a report for 2023 awaits confirmation, then 2023 is no longer chased; rejected, the chase resumes; confirmed, it stops', () => {
    const submitted = [reported('r1', '2023', ECO, value)];
    const diff = planDiff(plan(14), plan(14, submitted));
    expect(diff.schedule).toEqual([]);
    expect(periods(diff.cancel)).toEqual(['2023']);
    expect(periods(plan(14, submitted))).toEqual(['2024', '2025']);
    expect(periods(plan(14, [...submitted, rejected('r1', '2023')]))).toEqual(['2023', '2024', '2025']);
    expect(periods(plan(14, [...submitted, confirmed('r1', '2023')]))).toEqual(['2024', '2025']);
  });

  it('given an indicator reported by four departments, then each is reminded, and one report settles the period for all', () => {
    expect(new Set(plan(20).map((r) => r.department))).toEqual(new Set(['区城管局', ECO, '区住建局', '区经发局']));
    expect(
      periods(plan(20, [reported('r1', '2023', URBAN, { kind: 'number', value: 100, unit: '%' }, null, '20')])),
    ).toEqual(['2024', '2025']);
  });

  it('given indicator 32, for which the plan names no department, then nobody is reminded until the office names one', () => {
    expect(plan(32)).toEqual([]);
    const after = plan(32, [named([URBAN])]);
    expect(new Set(after.map((r) => r.department))).toEqual(new Set([URBAN]));
    const replaced = planDiff(after, plan(32, [named([URBAN]), named([ECO])]));
    expect(new Set(replaced.cancel.map((r) => r.department))).toEqual(new Set([URBAN]));
    expect(new Set(replaced.schedule.map((r) => r.department))).toEqual(new Set([ECO]));
  });

  it('given a quarterly schedule, then each quarter is chased from day 15 of the month after it', () => {
    const quarterly = planIndicatorReminders(def(14), foldIndicator([]), POLICY, {
      cadence: 'quarterly',
      annualDue: { month: 1, day: 31 },
      quarterlyDueDay: 15,
    });
    expect(periods(quarterly)).toHaveLength(12);
    expect(quarterly.find((r) => periodOf(r) === '2024-Q3' && r.rule === 'overdue' && r.days === 1)!.dueDate).toBe(
      '2024-10-15',
    );
  });

  it('writes Chinese texts naming the indicator, period, department, due date and what is expected', () => {
    const [first] = plan(14);
    expect(indicatorReminderMessage(first!, def(14))).toBe(
      `【指标报送提醒】${ECO}：指标 14「工业危险废物综合利用率」2023 年度数值（单位：%）应于 2024-01-31 前报送（还有 30 个工作日）。请在系统中报送，并注明数据来源、上传佐证材料。`,
    );
    const overdue = plan(9).find((r) => r.rule === 'overdue' && r.days === 5 && periodOf(r) === '2023')!;
    expect(indicatorReminderMessage(overdue, def(9))).toBe(
      `【指标逾期提醒】${URBAN}：指标 9「生活垃圾清运量」2023 年度达成情况（达成/未达成）应于 2024-01-31 前报送，至今未报送，已逾期 5 天。请在系统中报送，并注明数据来源、上传佐证材料；确有困难请向无废办说明原因。`,
    );
    expect(indicatorReminderSubject(overdue, def(9))).toBe('【指标逾期提醒】指标 9 生活垃圾清运量 2023 年度');
  });

  it('says why a reminder is dropped: a report in, a department replaced', () => {
    const [first] = plan(14);
    expect(indicatorReminderDropReason(def(14), foldIndicator([reported('r1', '2023', ECO, value)]), first!)).toBe(
      'report r1 pending',
    );
    expect(
      indicatorReminderDropReason(
        def(14),
        foldIndicator([reported('r1', '2023', ECO, value), confirmed('r1', '2023')]),
        first!,
      ),
    ).toBe('report r1 confirmed');
    expect(indicatorReminderDropReason(def(14), foldIndicator([named([URBAN])]), first!)).toBe(
      'department no longer responsible',
    );
  });

  it('when a delivery is recorded in the indicator stream, then the indicator state is unchanged and the delivery is found', () => {
    const given = [reported('r1', '2024', ECO, value)];
    const state = foldIndicator(given);
    const [first] = plan(14);
    const stream = `indicator-${PLAN.id}.14`;
    const events = deliveryEvents(
      stream,
      first!,
      'm',
      [{ route: { channel: 'inapp', recipient: ECO }, outcome: { ok: true } }],
      recordedDeliveries(given),
      { now: NOW, attempt: 1 },
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ReminderSent',
        data: expect.objectContaining({
          target: { kind: 'indicator', indicatorId: '14', period: '2023' },
          department: ECO,
        }),
      }),
    ]);
    expect(foldIndicator(events, state)).toBe(state);
    expect(recordedDeliveries([...given, ...events]).sent).toEqual(new Set([`${stream}/${first!.key}/inapp/${ECO}`]));
  });
});
