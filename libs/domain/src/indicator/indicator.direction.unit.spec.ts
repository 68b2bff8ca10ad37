import { DIRECTION_RULES, inferDirection } from './indicator.direction';
import { indicatorDefinitions } from './indicator.definition';
import { DEFINITIONS, PLAN } from './testing/indicator.fixtures';
import { secondDistrictPlan } from '../../../plan/src/testing/fixture-plans';

/**
 * The direction every indicator of the bundled plan gets, and by which rule (docs/indicators.md
 * repeats this list). 'words' = stated in words, reported as met / not met.
 */
const EXPECTED: Record<number, string> = {
  1: 'higher rate',
  2: 'lower intensity',
  3: 'lower intensity',
  4: 'higher count',
  5: 'higher rate',
  6: 'higher count',
  7: 'higher rate',
  8: 'higher rate',
  9: 'words',
  10: 'higher rate',
  11: 'higher rate',
  12: 'higher rate',
  13: 'higher rate',
  14: 'higher rate',
  15: 'higher rate',
  16: 'higher count',
  17: 'words',
  18: 'higher rate',
  19: 'higher rate',
  20: 'higher rate',
  21: 'higher rate',
  22: 'higher rate',
  23: 'higher rate',
  24: 'higher decline',
  25: 'words',
  26: 'higher rate',
  27: 'higher rate',
  28: 'higher decline',
  29: 'higher rate',
  30: 'higher rate',
  31: 'higher rate',
  32: 'higher count',
  33: 'words',
  34: 'words',
  35: 'higher count',
  36: 'higher count',
  37: 'higher rate',
  38: 'higher rate',
  39: 'higher count',
  40: 'words',
  41: 'higher rate',
  42: 'higher rate',
  43: 'higher rate',
  44: 'higher rate',
  45: 'higher rate',
  46: 'higher rate',
  47: 'higher rate',
  48: 'higher rate',
  49: 'higher rate',
  50: 'higher rate',
};

describe('direction of the 50 indicators (越低越好 / 越高越好)', () => {
  it('every indicator of 附件2 gets the listed direction by the listed rule', () => {
    const actual = Object.fromEntries(
      DEFINITIONS.map((d) => [
        d.no,
        d.measure.kind === 'numeric' ? `${d.measure.direction} ${d.measure.directionRule}` : 'words',
      ]),
    );
    expect(DEFINITIONS).toHaveLength(50);
    expect(actual).toEqual(EXPECTED);
  });

  it('强度 and waste amounts are lower-is-better; rates, shares and counts higher; a 下降幅度 is higher even though it names an amount', () => {
    expect(inferDirection('一般工业固体废物产生强度', '吨/万元')?.direction).toBe('lower');
    expect(inferDirection('生活垃圾填埋量', '万吨')?.direction).toBe('lower');
    expect(inferDirection('工业危险废物综合利用率', '%')?.direction).toBe('higher');
    expect(inferDirection('工业危险废物填埋处置量下降幅度', '')).toEqual({ direction: 'higher', rule: 'decline' });
    expect(inferDirection('评为省级及以上绿色工厂的企业数量', '家')?.direction).toBe('higher');
    expect(inferDirection('某项说明', '吨')).toBeUndefined();
  });

  it('an explicit override in the plan settings wins over the rules', () => {
    const [overridden] = indicatorDefinitions(PLAN, [{ no: 2, direction: 'higher', reason: 'test' }]).filter(
      (d) => d.no === 2,
    );
    expect(overridden?.measure).toMatchObject({ kind: 'numeric', direction: 'higher', directionRule: 'override' });
    expect(inferDirection('一般工业固体废物产生强度', '吨/万元', 'higher')).toEqual({
      direction: 'higher',
      rule: 'override',
    });
  });

  it('each rule is described in Chinese for the docs', () => {
    expect(DIRECTION_RULES.map((r) => r.id)).toEqual(['decline', 'intensity', 'amount', 'rate', 'utilised', 'count']);
    expect(DIRECTION_RULES.every((r) => /[\u4e00-\u9fff]/u.test(r.describe))).toBe(true);
  });

  it('baselines: "/" and prose are none, a bare 0 counts in any unit, a range counts as its end nearest the target', () => {
    const byNo = (no: number) => DEFINITIONS.find((d) => d.no === no)!.measure;
    expect(byNo(27)).toMatchObject({ baseline: null, target: { kind: 'number', value: 100 } }); // "/"
    expect(byNo(42)).toMatchObject({ baseline: null }); // 无固体废物环境污染刑事案件
    expect(byNo(30)).toMatchObject({ baseline: 0, unit: '%' }); // "0" against 90%
    expect(byNo(12)).toMatchObject({ baseline: 40 }); // 30%~40% → 60%
    expect(byNo(8)).toMatchObject({ baseline: 0, target: null }); // 区级目标 "/"
    expect(byNo(35)).toMatchObject({ target: { kind: 'number', value: 15 }, unit: '个' }); // 15个（暂定…） via settings
  });
});

describe('indicator settings come from the plan file, not from code', () => {
  const second = secondDistrictPlan();

  it('another district’s plan gets its own default task links and overrides', () => {
    const defs = indicatorDefinitions(second);
    expect(defs.map((d) => [d.no, d.defaultTasks])).toEqual([
      [1, ['A-2']],
      [2, []],
      [3, ['A-3', 'C-2']],
      [4, []],
      [5, []],
      [6, ['A-4']],
    ]);
    expect(defs.find((d) => d.no === 6)?.measure).toMatchObject({ direction: 'higher', directionRule: 'override' });
    expect(defs.find((d) => d.no === 6)?.settingsNote).toBe('A-4 即“无废细胞”建设专项行动');
  });

  it('a default link to a task the list no longer has is not made', () => {
    const trimmed = { ...second, tasks: second.tasks.filter((t) => t.code !== 'C-2') };
    expect(indicatorDefinitions(trimmed).find((d) => d.no === 3)?.defaultTasks).toEqual(['A-3']);
  });
});
