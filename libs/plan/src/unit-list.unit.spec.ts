import { formatHundredths, toHundredths } from './money';
import { parseUnitList } from './unit-list';

describe('given a unit cell as written in the plan', () => {
  describe('when it is parsed', () => {
    it.each([
      ['/', [], false],
      ['无废办', ['无废办'], false],
      ['区科技局、区经发局', ['区科技局', '区经发局'], false],
      ['区住建局、区农业农村局、连云公安分局等', ['区住建局', '区农业农村局', '连云公安分局'], true],
      ['连云生态环境局、人民银行市中心支行及相关部门', ['连云生态环境局', '人民银行市中心支行', '相关部门'], true],
      ['相关职责部门', ['相关职责部门'], false],
    ])('then “%s” lists %p (open-ended: %s) and keeps the raw text', (raw, names, openEnded) => {
      expect(parseUnitList(raw)).toEqual({ raw, names, openEnded });
    });

    it('then a lone “等” is not stripped down to an empty name', () => {
      expect(parseUnitList('等')).toEqual({ raw: '等', names: ['等'], openEnded: false });
    });
  });
});

describe('given amounts in 万元 as written', () => {
  describe('when they are summed in hundredths', () => {
    it('then the 7 projects add up exactly to 705862.11, where floats would not be trusted', () => {
      const written = ['647137', '1200', '10517.52', '26000', '150', '20240.59', '617'];
      const total = written.map((w) => toHundredths(w) ?? Number.NaN).reduce((a, b) => a + b, 0);
      expect(total).toBe(70586211);
      expect(formatHundredths(total)).toBe('705862.11');
    });

    it('then 0.1 + 0.2 is exactly 0.3', () => {
      expect((toHundredths('0.1') ?? 0) + (toHundredths('0.2') ?? 0)).toBe(toHundredths('0.3'));
    });

    it('then text that is not a plain amount is refused', () => {
      expect(['约150', '1.234', '', '1,200', '-5'].map(toHundredths)).toEqual([null, null, null, null, null]);
      expect(formatHundredths(105)).toBe('1.05');
      expect(formatHundredths(64713700)).toBe('647137');
    });
  });
});
