import type { DomainError } from '../shared/domain-error';
import type { IndicatorCommand } from './indicator.commands';
import { checkValueBounds, INDICATOR_VALUE_BOUNDS, valueBounds } from './indicator.bounds';
import { def, dept, ECO, EVIDENCE, givenFor, reported } from './testing/indicator.fixtures';

const report = (value: number, department = ECO, unit?: string): IndicatorCommand => ({
  type: 'ReportIndicator',
  data: { period: '2023', value, ...(unit ? { unit } : {}), source: '区环境统计年报', evidence: EVIDENCE },
  metadata: dept(department),
});
/** The error a report of `value` for indicator `no` is refused with (kind invalid → 400). */
const refusal = (no: number, value: number, department = ECO): DomainError =>
  givenFor(no)().when(report(value, department)).thenThrows('INDICATOR.VALUE_OUT_OF_RANGE', 'invalid');

describe('indicator values bounded by what the unit means', () => {
  it('given a rate (%), when 100 is reported, then it is recorded; 100.01 and 1e308 are refused naming the field', () => {
    givenFor(14)()
      .when(report(100))
      .then([reported('r1', '2023', ECO, { kind: 'number', value: 100, unit: '%' })]);
    for (const value of [100.01, 1e308, Number.MAX_SAFE_INTEGER]) {
      const error = refusal(14, value);
      expect(error.message).toBe('value: 数值超出该指标的合理范围（应在 0 至 100 % 之间）');
      expect(error.details).toEqual({ field: 'value', unit: '%', min: 0, max: 100 });
    }
  });

  it('given a 下降幅度 in %, when the amount rose ten-fold (-1000) it is recorded; -1000.5 is refused', () => {
    givenFor(28)()
      .when(report(-1000))
      .then([reported('r1', '2023', ECO, { kind: 'number', value: -1000, unit: '%' }, null, '28')]);
    expect(refusal(28, -1000.5).details).toMatchObject({ min: -1000, max: 100 });
  });

  it('given an intensity (吨/万元), when 1e21 is reported, then it is refused; 0.4181 is recorded', () => {
    expect(def(2).measure).toMatchObject({ unit: '吨/万元' });
    expect(refusal(2, 1e21).message).toContain('0 至 1000 吨/万元');
    givenFor(2)()
      .when(report(0.4181))
      .then([reported('r1', '2023', ECO, { kind: 'number', value: 0.4181, unit: '吨/万元' }, null, '2')]);
  });

  it('given a count (家), when 8.5 is reported, then it is refused as not a whole number', () => {
    expect(def(4).measure).toMatchObject({ unit: '家' });
    expect(refusal(4, 8.5, '区经发局').message).toBe('value: 该指标以家计数，应为整数');
  });

  it('bounds every unit the plan parser knows, and an unknown unit by magnitude alone', () => {
    for (const unit of ['', '%', '吨/万元', '吨/日', '吨', '万吨', '万方', '家', '个', '项', '亿元', '万元'])
      expect(INDICATOR_VALUE_BOUNDS[unit]).toBeDefined();
    expect(valueBounds('公顷').max).toBe(1_000_000_000);
    expect(() => checkValueBounds(1e10, '公顷', false)).toThrow(/0 至 1000000000 公顷/);
    expect(() => checkValueBounds(-1, '公顷', true)).not.toThrow();
  });
});
