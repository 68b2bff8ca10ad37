import { describe, expect, it } from 'vitest';
import {
  awaitingReview,
  indicatorIdOf,
  indicatorLight,
  reportablePeriods,
  reportBody,
  reportedBy,
  type IndicatorReport,
  type IndicatorRow,
} from './indicator';

const row = (no: number, departments: string[]): IndicatorRow =>
  ({ indicatorId: String(no), no, level3: `指标${no}`, responsible: { departments, source: 'plan' } }) as IndicatorRow;

const report = (over: Partial<IndicatorReport>): IndicatorReport =>
  ({ reportId: 'r1', period: '2023', status: 'pending', supersededBy: null, ...over }) as IndicatorReport;

describe('指标报送 and 指标确认', () => {
  it('given the 目标清单, then a department reports the indicators naming it, in the plan order; no department, none', () => {
    const rows = [row(14, ['区生态环境局']), row(2, ['区经发局', '区生态环境局']), row(3, ['区城管局'])];
    expect(reportedBy(rows, '区生态环境局').map((r) => r.no)).toEqual([2, 14]);
    expect(reportedBy(rows, null)).toEqual([]);
  });

  it('given the service on 2024-05-10, then the periods begun so far are offered, latest first', () => {
    const deadlines = ['2023', '2024', '2025'].map((period) => ({ period }));
    expect(reportablePeriods(deadlines, '2024-05-10')).toEqual(['2024', '2023']);
    const quarters = ['2024-Q1', '2024-Q2', '2024-Q3'].map((period) => ({ period }));
    expect(reportablePeriods(quarters, '2024-05-10')).toEqual(['2024-Q2', '2024-Q1']);
  });

  it('given a numeric or a worded indicator, then the body carries value or met, trimmed, note only when written', () => {
    const form = {
      period: '2023',
      value: 6.5,
      met: true,
      source: ' 统计年报 ',
      evidence: [{ fileId: 'a'.repeat(64) }],
      note: ' ',
    };
    const numeric = {
      kind: 'numeric' as const,
      unit: '%',
      direction: 'higher' as const,
      directionRule: '提高',
      baseline: 5,
      target: { kind: 'number' as const, value: 8 },
      directionLabel: '越高越好',
    };
    expect(reportBody(form, numeric)).toEqual({
      period: '2023',
      value: 6.5,
      source: '统计年报',
      evidence: [{ fileId: 'a'.repeat(64) }],
    });
    expect(reportBody({ ...form, note: '日产日清' }, { kind: 'qualitative', label: '文字型' })).toMatchObject({
      met: true,
      note: '日产日清',
    });
  });

  it('given reports, then only pending ones not corrected by a later report await the office', () => {
    const periods = [
      {
        period: '2023',
        confirmed: null,
        reports: [
          report({ reportId: 'r1', supersededBy: 'r2' }),
          report({ reportId: 'r2' }),
          report({ reportId: 'r3', status: 'confirmed' }),
        ],
      },
    ];
    expect(awaitingReview({ periods }).map((r) => r.reportId)).toEqual(['r2']);
  });

  it('given a light and a to-do code, then the light reads as text with its reason; the code names the indicator', () => {
    expect(indicatorLight({ light: 'none', lightLabel: '无', lightReason: '' })).toEqual({
      colour: null,
      label: '无',
      reasons: [],
    });
    expect(indicatorLight({ light: 'red', lightLabel: '红', lightReason: '2023年数值逾期未报' }).reasons).toEqual([
      { rule: 'indicator', text: '2023年数值逾期未报' },
    ]);
    expect(indicatorIdOf('indicator:14')).toBe('14');
    expect(indicatorIdOf('A-6')).toBeUndefined();
  });
});
