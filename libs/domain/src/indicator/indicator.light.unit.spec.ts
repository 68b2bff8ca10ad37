import { assessIndicator, type ConfirmedValue } from './indicator.light';
import { def } from './testing/indicator.fixtures';

const n = (period: string, value: number): ConfirmedValue => ({ period, value: { kind: 'number', value, unit: '' } });
const met = (period: string, yes: boolean): ConfirmedValue => ({ period, value: { kind: 'met', met: yes } });
/** Mid-2024: the 2023 value was due on 2024-01-31, the 2024 value is not due yet. */
const assess = (no: number, confirmed: ConfirmedValue[], today = '2024-06-30', pending: string[] = []) =>
  assessIndicator({ def: def(no), confirmed, pending: new Set(pending), today });

describe('progress and light, higher is better: 工业危险废物综合利用率 4.6% → 9% (line for 2023: 6.0667)', () => {
  it.each([
    [6.5, 43.2, 'green', '达到或快于直线进度（本期应达 6.0667）'],
    [5, 9.1, 'yellow', '慢于直线进度（本期应达 6.0667）'],
    [4, -13.6, 'red', '较2022年现状值偏离目标'],
    [9, 100, 'green', '已达到目标值'],
    [10, 122.7, 'green', '已达到目标值'],
  ])('2023 value %p%% → progress %p%%, %s', (value, progress, light, reason) => {
    expect(assess(14, [n('2023', value)])).toMatchObject({ progressPercent: progress, light, reason });
  });

  it('a value worse than the previous confirmed one is moving away (红) even when above the baseline', () => {
    expect(assess(14, [n('2023', 7), n('2024', 6.8)], '2025-03-01')).toMatchObject({
      light: 'red',
      reason: '较上期偏离目标',
      progressPercent: 50,
    });
  });

  it('the target year not met is 红 even when improving', () => {
    expect(assess(14, [n('2024', 7), n('2025', 8.5)], '2026-02-15')).toMatchObject({
      light: 'red',
      reason: '目标年未达到目标值',
    });
  });
});

describe('progress and light, lower is better: 一般工业固体废物产生强度 0.4181 → 0.4吨/万元 (line for 2024: 0.406)', () => {
  it.each([
    [0.405, 72.4, 'green'],
    [0.41, 44.8, 'yellow'],
    [0.42, -10.5, 'red'],
    [0.4, 100, 'green'],
    [0.38, 210.5, 'green'],
  ])('2024 value %p → progress %p%%, %s', (value, progress, light) => {
    expect(assess(2, [n('2023', 0.4181), n('2024', value)], '2025-02-10')).toMatchObject({
      progressPercent: progress,
      light,
      expected: 0.406,
    });
  });
});

describe('missing baseline, bounds, no district target, words', () => {
  it('社会源危险废物收集处置体系覆盖率 "/" → 100%: no progress, 黄 until met, 绿 when met', () => {
    expect(assess(27, [n('2023', 90)])).toMatchObject({ progressPercent: null, expected: null, light: 'yellow' });
    expect(assess(27, [n('2023', 100)])).toMatchObject({ progressPercent: null, met: true, light: 'green' });
    expect(assess(27, [n('2023', 95), n('2024', 90)], '2025-03-01')).toMatchObject({
      light: 'red',
      reason: '较上期偏离目标',
    });
  });

  it('a bound target ＞0%: met when the decline is positive', () => {
    expect(assess(28, [n('2023', 2.5)])).toMatchObject({ met: true, light: 'green', progressPercent: null });
    expect(assess(28, [n('2023', 0)])).toMatchObject({ met: false, light: 'yellow' });
  });

  it('baseline equal to target (秸秆综合利用率 98.04% → 98.04%): 100 when kept, 0 and 红 when it slips', () => {
    expect(assess(18, [n('2023', 98.5)])).toMatchObject({ progressPercent: 100, light: 'green' });
    expect(assess(18, [n('2023', 97)])).toMatchObject({ progressPercent: 0, light: 'red' });
  });

  it('no district target (装配式建筑占比 "/"): no progress; 绿 unless moving away', () => {
    expect(assess(8, [n('2023', 12)])).toMatchObject({
      progressPercent: null,
      met: null,
      light: 'green',
      reason: '区级未设目标值，较上期未偏离',
    });
  });

  it('words (生活垃圾清运量 日产日清): 绿 met, 黄 not met before 2025, 红 not met in 2025', () => {
    expect(assess(9, [met('2023', true)])).toMatchObject({ light: 'green', met: true, progressPercent: null });
    expect(assess(9, [met('2023', false)])).toMatchObject({ light: 'yellow', met: false });
    expect(assess(9, [met('2024', true), met('2025', false)], '2026-01-15')).toMatchObject({
      light: 'red',
      reason: '目标年未达成',
    });
  });
});

describe('reporting status in the light', () => {
  it('nothing confirmed and nothing due: 无', () => {
    expect(assess(14, [], '2024-01-31')).toMatchObject({ light: 'none', latest: null });
  });

  it('the 2023 value not confirmed after 31 January 2024: 红; 黄 while a report awaits the office', () => {
    expect(assess(14, [], '2024-02-01')).toMatchObject({
      light: 'red',
      reason: '2023期数值逾期未报送或未确认（应于2024-01-31前报送）',
    });
    expect(assess(14, [], '2024-02-01', ['2023'])).toMatchObject({ light: 'yellow' });
    expect(assess(14, [n('2023', 9)], '2025-02-01')).toMatchObject({ light: 'red', progressPercent: 100 });
  });

  it('a later period confirmed covers an earlier due one; a quarter counts', () => {
    expect(assess(14, [n('2024-Q1', 7)], '2024-06-30')).toMatchObject({ light: 'green' });
  });
});
