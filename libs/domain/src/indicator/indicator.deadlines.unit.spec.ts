import { periodDeadlines, reportingDeadlines } from './indicator.deadlines';
import { summarizeIndicator } from './indicator.summary';
import { initialIndicatorState, foldIndicator } from './indicator.state';
import { confirmed, def, DEFINITIONS, ECO, PLAN, reported } from './testing/indicator.fixtures';

describe('reporting deadlines (报送期限)', () => {
  it('by default the annual value of 2023-2025 is due by 31 January of the next year', () => {
    expect(periodDeadlines(def(14))).toEqual([
      { period: '2023', dueDate: '2024-01-31' },
      { period: '2024', dueDate: '2025-01-31' },
      { period: '2025', dueDate: '2026-01-31' },
    ]);
  });

  it('is configurable: quarterly by the 15th of the month after, or another annual day', () => {
    const quarterly = periodDeadlines(def(14), {
      cadence: 'quarterly',
      annualDue: { month: 1, day: 31 },
      quarterlyDueDay: 15,
    });
    expect(quarterly.slice(0, 4)).toEqual([
      { period: '2023-Q1', dueDate: '2023-04-15' },
      { period: '2023-Q2', dueDate: '2023-07-15' },
      { period: '2023-Q3', dueDate: '2023-10-15' },
      { period: '2023-Q4', dueDate: '2024-01-15' },
    ]);
    expect(
      periodDeadlines(def(14), { cadence: 'annual', annualDue: { month: 3, day: 1 }, quarterlyDueDay: 15 })[0],
    ).toEqual({ period: '2023', dueDate: '2024-03-01' });
  });

  it('lists one deadline per indicator, period and responsible department; nobody named → nothing listed', () => {
    const all = reportingDeadlines(DEFINITIONS);
    const of20 = all.filter((d) => d.indicatorId === '20' && d.period === '2023').map((d) => d.department);
    expect(of20).toEqual(['区城管局', ECO, '区住建局', '区经发局']);
    expect(all.some((d) => d.indicatorId === '48')).toBe(false);
    expect(all[0]).toMatchObject({
      planId: PLAN.id,
      indicatorId: '1',
      indicatorName: '通过清洁生产审核评估工业企业占比',
      dueDate: '2024-01-31',
    });
    expect(all.map((d) => d.dueDate)).toEqual([...all.map((d) => d.dueDate)].sort());
    const override = reportingDeadlines([def(48)], undefined, () => ['无废办']);
    expect(override.map((d) => [d.period, d.department])).toEqual([
      ['2023', '无废办'],
      ['2024', '无废办'],
      ['2025', '无废办'],
    ]);
  });
});

describe('summary of an indicator (the view’s facts)', () => {
  it('history per period with the confirmed value, corrections kept, latest confirmed value assessed', () => {
    const state = foldIndicator([
      reported('r1', '2023', ECO, { kind: 'number', value: 5, unit: '%' }),
      confirmed('r1', '2023'),
      reported('r2', '2023', ECO, { kind: 'number', value: 6.5, unit: '%' }, 'r1'),
      confirmed('r2', '2023'),
      reported('r3', '2024-Q1', ECO, { kind: 'number', value: 7, unit: '%' }),
    ]);
    const summary = summarizeIndicator(def(14), state, '2024-06-30');
    expect(
      summary.periods.map((p) => [p.period, p.confirmed?.reportId ?? null, p.reports.map((r) => r.reportId)]),
    ).toEqual([
      ['2023', 'r2', ['r1', 'r2']],
      ['2024-Q1', null, ['r3']],
    ]);
    expect(summary.assessment).toMatchObject({ latest: { period: '2023' }, progressPercent: 43.2, light: 'green' });
    expect(summary.tasks).toEqual({ list: [], source: 'plan' });
    expect(summarizeIndicator(def(19), initialIndicatorState(), '2024-01-01').tasks).toEqual({
      list: ['A-9', 'C-6', 'D-6'],
      source: 'plan',
    });
  });

  it('an overdue indicator nobody is named for says the office has to name one', () => {
    expect(summarizeIndicator(def(48), initialIndicatorState(), '2024-02-01').assessment).toMatchObject({
      light: 'red',
      reason: '2023期数值逾期未报送或未确认（应于2024-01-31前报送）；方案未点名报送部门，待无废办指定',
    });
    expect(summarizeIndicator(def(14), initialIndicatorState(), '2024-02-01').assessment.reason).not.toMatch(
      /待无废办指定/,
    );
  });
});
