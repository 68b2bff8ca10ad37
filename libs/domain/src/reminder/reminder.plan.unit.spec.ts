import { foldTask } from '../task/task.fold';
import type { TaskEvent } from '../task/task.events';
import {
  acknowledged,
  assigned,
  C2,
  C5,
  C5_IN,
  completed,
  ECO,
  M1,
  URBAN,
  COMMERCE,
} from '../task/testing/task.fixtures';
import { planDiff, planReminders, type PlannedReminder } from './reminder.plan';
import { DEFAULT_REMINDER_POLICY as POLICY } from './reminder.policy';

const plan = (events: TaskEvent[]) => planReminders(foldTask(events), POLICY);
const of = (reminders: PlannedReminder[], rule: string, department?: string, targetKind?: string) =>
  reminders.filter(
    (r) =>
      r.rule === rule && (!department || r.department === department) && (!targetKind || r.target.kind === targetKind),
  );
const m1 = (reminders: PlannedReminder[]) =>
  reminders.filter((r) => r.target.kind === 'milestone' && r.target.milestoneId === 'm1');

describe('reminder plan (催办/督办 policy)', () => {
  it('given C-5 just assigned, then both departments are reminded of a late 签收 on the 1st and 3rd working day after the deadline', () => {
    const late = of(plan([assigned(C5)]), 'acknowledgement-late');
    // 签收 by Fri 2024-01-05: Mon 01-08 and Wed 01-10, at the start of the send window.
    expect(late.map((r) => [r.department, r.days, r.fireAt])).toEqual([
      [URBAN, 1, '2024-01-08T08:30:00+08:00'],
      [ECO, 1, '2024-01-08T08:30:00+08:00'],
      [URBAN, 3, '2024-01-10T08:30:00+08:00'],
      [ECO, 3, '2024-01-10T08:30:00+08:00'],
    ]);
  });

  it('given a milestone due Sunday 2024-06-30, then reminders come 30, 7 and 1 working days before it, counted past the 端午 holiday', () => {
    const before = of(m1(plan([assigned(C5)])), 'before-due');
    expect(before.map((r) => [r.days, r.fireAt, r.department])).toEqual([
      [30, '2024-05-17T08:30:00+08:00', ECO],
      [7, '2024-06-20T08:30:00+08:00', ECO],
      [1, '2024-06-28T08:30:00+08:00', ECO],
    ]);
  });

  it('then overdue notices go out daily for a week and weekly after, never on a weekend, one at a time', () => {
    const overdue = of(m1(plan([assigned(C5)])), 'overdue');
    // Days 6 and 7 fall on the weekend and meet on Monday 07-08: only day 7 is sent.
    expect(overdue.slice(0, 8).map((r) => [r.days, r.fireAt.slice(0, 10)])).toEqual([
      [1, '2024-07-01'],
      [2, '2024-07-02'],
      [3, '2024-07-03'],
      [4, '2024-07-04'],
      [5, '2024-07-05'],
      [7, '2024-07-08'],
      [14, '2024-07-15'],
      [21, '2024-07-22'],
    ]);
    expect(overdue.at(-1)!.days).toBe(91);
  });

  it('then the escalation ladder reaches the office after 3 and leadership after 14 working days overdue', () => {
    const reminders = m1(plan([assigned(C5)]));
    expect(of(reminders, 'escalation-office').map((r) => [r.level, r.days, r.fireAt])).toEqual([
      ['office', 3, '2024-07-03T08:30:00+08:00'],
    ]);
    expect(of(reminders, 'escalation-leadership').map((r) => [r.level, r.days, r.fireAt])).toEqual([
      ['leadership', 14, '2024-07-18T08:30:00+08:00'],
    ]);
  });

  it('when the milestone is completed, then its reminders are cancelled and nothing else changes', () => {
    const before = plan(C5_IN.assigned);
    const after = plan([...C5_IN.assigned, completed('m1', M1.title, ECO, M1.dueDate)]);
    const diff = planDiff(before, after);
    expect(diff.schedule).toEqual([]);
    expect(diff.cancel.length).toBeGreaterThan(0);
    expect(diff.cancel.every((r) => r.target.kind === 'milestone' && r.target.milestoneId === 'm1')).toBe(true);
  });

  it('when an acknowledgement arrives, then only that department stops being chased for 签收', () => {
    const diff = planDiff(plan([assigned(C5)]), plan([assigned(C5), acknowledged(ECO, 'lead')]));
    expect(diff.cancel.map((r) => [r.rule, r.department])).toEqual([
      ['acknowledgement-late', ECO],
      ['acknowledgement-late', ECO],
    ]);
  });

  it('when an extension is approved, then the old date’s reminders are cancelled and the new date’s scheduled', () => {
    const approved: TaskEvent = {
      type: 'ExtensionApproved',
      data: {
        extensionId: 'e1',
        target: { kind: 'milestone', milestoneId: 'm1' },
        previousDueDate: '2024-06-30',
        newDueDate: '2024-09-30',
        note: '',
        approvedAt: '2024-03-28T10:00:00+08:00',
      },
    };
    const diff = planDiff(plan([assigned(C5)]), plan([assigned(C5), approved]));
    expect(new Set(diff.cancel.map((r) => r.dueDate))).toEqual(new Set(['2024-06-30']));
    expect(new Set(diff.schedule.map((r) => r.dueDate))).toEqual(new Set(['2024-09-30']));
  });

  it('when a milestone’s owner is replaced by reassignment, then the new owner is reminded instead', () => {
    const reassigned: TaskEvent = {
      type: 'TaskReassigned',
      data: {
        previous: { lead: [ECO], cooperating: [URBAN] },
        lead: [ECO],
        cooperating: [COMMERCE],
        added: [COMMERCE],
        removed: [URBAN],
        acknowledgeBy: '2024-04-02',
        milestoneTransfers: [{ milestoneId: 'm2', from: URBAN, to: COMMERCE }],
        reason: '职能调整',
        reassignedAt: '2024-03-28T10:00:00+08:00',
        signOffVoided: false,
      },
    };
    const after = plan([assigned(C5), acknowledged(ECO, 'lead'), reassigned]);
    expect(after.some((r) => r.department === URBAN)).toBe(false);
    expect(of(after, 'before-due', COMMERCE, 'milestone').length).toBe(3);
    expect(of(after, 'acknowledgement-late', COMMERCE).map((r) => r.dueDate)).toEqual(['2024-04-02', '2024-04-02']);
  });

  it.each(['sign_off_requested', 'awaiting_acceptance', 'accepted', 'cancelled'] as const)(
    'given the task is %s, then nobody is chased',
    (status) => {
      expect(plan(C5_IN[status])).toEqual([]);
    },
  );

  it('given an ongoing task (持续开展) assigned in January 2024, then besides 签收 each quarter’s report is chased and escalated like a milestone, 2024-Q1 to 2026-Q4', () => {
    const reminders = plan([assigned(C2)]);
    expect(of(reminders, 'acknowledgement-late')).toHaveLength(2);
    const periods = [...new Set(reminders.flatMap((r) => (r.target.kind === 'period' ? [r.target.period] : [])))];
    expect(periods).toEqual(
      [2024, 2025, 2026].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`)).sort((a, b) => a.localeCompare(b)),
    );
    const q1 = reminders.filter((r) => r.target.kind === 'period' && r.target.period === '2024-Q1');
    // Due 10 working days after 31 March, past the 清明 holiday (4-6 April 2024; Sunday 7 April is worked).
    expect(new Set(q1.map((r) => r.dueDate))).toEqual(new Set(['2024-04-15']));
    expect(q1.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['before-due', 'overdue', 'escalation-office', 'escalation-leadership']),
    );
    expect(q1.every((r) => r.department === C2.lead[0])).toBe(true);
  });

  it('when the department submits its 2024-Q1 report, then that period’s chase is cancelled and the next one stays', () => {
    const submitted: TaskEvent = {
      type: 'PeriodicReportSubmitted',
      data: {
        department: C2.lead[0]!,
        period: '2024-Q1',
        text: '一季度绿色信贷投放 3 亿元',
        difficulties: '',
        nextSteps: '',
        submittedAt: '2024-04-08T10:00:00+08:00',
      },
    };
    const events = [assigned(C2), acknowledged(C2.lead[0]!, 'lead')];
    const { cancel, schedule } = planDiff(plan(events), plan([...events, submitted]));
    expect(schedule).toEqual([]);
    expect(new Set(cancel.map((r) => (r.target.kind === 'period' ? r.target.period : r.target.kind)))).toEqual(
      new Set(['2024-Q1']),
    );
    expect(plan([...events, submitted]).some((r) => r.target.kind === 'period' && r.target.period === '2024-Q2')).toBe(
      true,
    );
  });

  it('given an ongoing task assigned in May, then no report is owed for a quarter that ended before', () => {
    const periods = plan([assigned(C2, '2024-05-10T09:00:00+08:00')]).flatMap((r) =>
      r.target.kind === 'period' ? [r.target.period] : [],
    );
    expect(periods).not.toContain('2024-Q1');
    expect(periods).toContain('2024-Q2');
  });

  it('gives every reminder a key unique within the task', () => {
    const reminders = plan([assigned(C5)]);
    expect(new Set(reminders.map((r) => r.key)).size).toBe(reminders.length);
  });
});
