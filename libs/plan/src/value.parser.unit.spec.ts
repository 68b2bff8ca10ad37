import { loadLianyunPlan } from './index';
import { parseIndicatorValue } from './value.parser';

describe('given indicator cells as the plan writes them', () => {
  describe('when a cell is a single measurement', () => {
    it.each([
      ['0.4181吨/万元', 0.4181, '吨/万元'],
      ['100%', 100, '%'],
      ['4.6%', 4.6, '%'],
      ['0.19%', 0.19, '%'],
      ['93.66吨/日', 93.66, '吨/日'],
      ['8家', 8, '家'],
      ['1个', 1, '个'],
      ['70.59亿元', 70.59, '亿元'],
      ['1项', 1, '项'],
      ['0', 0, ''],
    ])('then “%s” is %s with unit “%s”, raw kept', (raw, value, unit) => {
      expect(parseIndicatorValue(raw)).toEqual({ numeric: true, kind: 'number', raw, value, unit });
    });
  });

  describe('when a cell is a range or a bound', () => {
    it('then “30%~40%” is a range in %', () => {
      expect(parseIndicatorValue('30%~40%')).toEqual({
        numeric: true,
        kind: 'range',
        raw: '30%~40%',
        min: 30,
        max: 40,
        unit: '%',
      });
    });

    it('then the full-width “＞0” and “＞0%” are lower bounds', () => {
      expect(parseIndicatorValue('＞0')).toEqual({
        numeric: true,
        kind: 'bound',
        raw: '＞0',
        comparator: '>',
        value: 0,
        unit: '',
      });
      expect(parseIndicatorValue('＞0%')).toMatchObject({ kind: 'bound', comparator: '>', value: 0, unit: '%' });
    });

    it('then a range with units that differ, or reversed, stays text', () => {
      expect(parseIndicatorValue('30%~40家')).toEqual({ numeric: false, raw: '30%~40家', placeholder: false });
      expect(parseIndicatorValue('40%~30%').numeric).toBe(false);
    });
  });

  describe('when a cell is prose or a placeholder', () => {
    it.each([
      '逐年上升',
      '日产日清',
      '新增5项',
      '2022年危废填埋量1181.24吨',
      '15个（暂定，具体数量根据连云港市“无废细胞”建设相关要求确定）',
      '无固体废物环境污染刑事案件',
    ])('then “%s” is kept as non-numeric text', (raw) => {
      expect(parseIndicatorValue(raw)).toEqual({ numeric: false, raw, placeholder: false });
    });

    it('then “/” is a placeholder, not a value', () => {
      expect(parseIndicatorValue('/')).toEqual({ numeric: false, raw: '/', placeholder: true });
    });

    it('then an unlisted unit is not guessed, unless the caller lists it', () => {
      expect(parseIndicatorValue('3座').numeric).toBe(false);
      expect(parseIndicatorValue('3座', ['座'])).toMatchObject({ numeric: true, value: 3, unit: '座' });
    });
  });

  describe('when every value of the Lianyun indicators is parsed', () => {
    const plan = loadLianyunPlan();
    const cells = plan.indicators.flatMap((x) => [x.cityTarget2025, x.baseline2022, x.districtTarget2025]);
    const parsed = cells.map((raw) => parseIndicatorValue(raw));

    it('then the raw text survives for every cell', () => {
      expect(parsed.map((p) => p.raw)).toEqual(cells);
    });

    it('then the numeric cells carry only the known units', () => {
      const units = new Set(parsed.flatMap((p) => (p.numeric ? [p.unit] : [])));
      expect([...units].sort()).toEqual(['', '%', '个', '亿元', '吨/万元', '吨/日', '家', '项'].sort());
    });

    it('then indicator 2 reads 0.5 → 0.4181 → 0.4 吨/万元', () => {
      const row = plan.indicators[1];
      const values = [row?.cityTarget2025, row?.baseline2022, row?.districtTarget2025].map((raw) =>
        parseIndicatorValue(raw ?? ''),
      );
      expect(values.map((v) => (v.numeric && v.kind === 'number' ? [v.value, v.unit] : null))).toEqual([
        [0.5, '吨/万元'],
        [0.4181, '吨/万元'],
        [0.4, '吨/万元'],
      ]);
    });
  });
});
