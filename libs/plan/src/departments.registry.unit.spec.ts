import { createDepartmentRegistry, findRegistryConflicts } from './departments.registry';
import { loadLianyunPlan } from './index';

describe('given the registry built from the Lianyun plan', () => {
  const plan = loadLianyunPlan();
  const registry = createDepartmentRegistry(plan);

  describe('when a canonical 附件4 name is resolved', () => {
    it('then it is a department, not via an alias', () => {
      expect(registry.resolve('区林业和海洋局')).toEqual({
        kind: 'department',
        canonical: '区林业和海洋局',
        written: '区林业和海洋局',
        viaAlias: false,
      });
    });
  });

  describe('when the other spellings the plan uses are resolved', () => {
    it.each([
      ['区林海局', '区林业和海洋局'],
      ['林海局', '区林业和海洋局'],
      ['湾长制工作领导小组办公室', '湾长办'],
      ['经发局', '区经发局'],
      ['连云区城市管理局', '区城管局'],
      ['城管局', '区城管局'],
      ['住建局', '区住建局'],
    ])('then “%s” resolves to the canonical “%s”', (written, canonical) => {
      expect(registry.resolve(written)).toEqual({ kind: 'department', canonical, written, viaAlias: true });
    });
  });

  describe('when a unit outside the 20 departments is resolved', () => {
    it.each([
      ['区农林水利局', 'government'],
      ['资源分局', 'government'],
      ['区统计局', 'government'],
      ['人民银行市中心支行', 'government'],
      ['中核生态环境有限公司', 'enterprise'],
    ])('then “%s” is external (%s), never merged into a department', (name, category) => {
      expect(registry.resolve(name)).toEqual({ kind: 'external', name, category });
    });
  });

  describe('when a generic phrase is resolved', () => {
    it('then it is generic', () => {
      expect(registry.resolve('相关职责部门')).toEqual({ kind: 'generic', text: '相关职责部门' });
      expect(registry.resolve('“无废城市”建设工作领导小组成员单位').kind).toBe('generic');
    });
  });

  describe('when a near miss or an unlisted name is resolved', () => {
    it('then it is unknown rather than guessed', () => {
      expect(registry.resolve('区林业海洋局')).toEqual({ kind: 'unknown', name: '区林业海洋局' });
      expect(registry.resolve('区农林局')).toEqual({ kind: 'unknown', name: '区农林局' });
    });

    it('then surrounding whitespace alone does not make a name unknown', () => {
      expect(registry.resolve(' 区财政局 ')).toMatchObject({ kind: 'department', canonical: '区财政局' });
    });
  });

  it('then the canonical names are the 20 of 附件4 in order, and no name is claimed twice', () => {
    expect(registry.canonicalNames).toHaveLength(20);
    expect(registry.canonicalNames[0]).toBe('无废办');
    expect(registry.canonicalNames[19]).toBe('区文体和旅游局');
    expect(findRegistryConflicts(plan)).toEqual([]);
  });
});

describe('given a plan where one name is both an alias and an external unit', () => {
  const source = {
    departments: [
      { no: 1, name: '区甲局', aliases: ['甲局'], duties: [] },
      { no: 2, name: '区乙局', aliases: ['甲局'], duties: [] },
    ],
    externalUnits: [{ name: '区甲局', category: 'government' as const, reason: '测试' }],
    genericEntries: [],
  };

  describe('when conflicts are looked for', () => {
    it('then each doubly claimed name is listed with its claims', () => {
      expect(findRegistryConflicts(source)).toEqual([
        { name: '区甲局', claims: ['部门“区甲局”', '外部单位'] },
        { name: '甲局', claims: ['部门“区甲局”的别名', '部门“区乙局”的别名'] },
      ]);
    });

    it('then resolution keeps the canonical department, the first claim', () => {
      expect(createDepartmentRegistry(source).resolve('区甲局')).toMatchObject({
        kind: 'department',
        canonical: '区甲局',
      });
    });
  });
});
