import { loadLianyunPlan } from './index';

// Read by hand from 附件3 of the seed (lines 1684–1928): code, 领域, 牵头单位 as written and as a
// list, 配合单位 as written and as a list, 时间. Independent of the script that built the JSON.
const TASKS: [string, string, string, string[], string, string[], string][] = [
  ['A-1', '保障措施', '无废办', ['无废办'], '/', [], '2023'],
  ['A-2', '保障措施', '无废办', ['无废办'], '/', [], '2023'],
  ['A-3', '保障措施', '无废办', ['无废办'], '/', [], '2023'],
  ['A-4', '专项行动方案', '连云生态环境局', ['连云生态环境局'], '/', [], '2023-2025'],
  ['A-5', '专项行动方案', '区经发局', ['区经发局'], '/', [], '2023-2025'],
  ['A-6', '专项行动方案', '连云生态环境局', ['连云生态环境局'], '区经发局', ['区经发局'], '2023'],
  ['A-7', '专项行动方案', '连云生态环境局', ['连云生态环境局'], '区经发局', ['区经发局'], '2023-2025'],
  ['A-8', '专项行动方案', '连云生态环境局', ['连云生态环境局'], '/', [], '2023-2025'],
  ['A-9', '专项行动方案', '区供销总社', ['区供销总社'], '/', [], '2023-2025'],
  ['A-10', '专项行动方案', '区城管局', ['区城管局'], '/', [], '2023-2025'],
  ['A-11', '专项行动方案', '区城管局', ['区城管局'], '连云生态环境局', ['连云生态环境局'], '2023-2025'],
  ['A-12', '专项行动方案', '区住建局', ['区住建局'], '/', [], '2023-2025'],
  ['A-13', '专项行动方案', '区住建局', ['区住建局'], '/', [], '2023'],
  ['A-14', '专项行动方案', '区城管局', ['区城管局'], '/', [], '2023-2025'],
  ['A-15', '专项行动方案', '湾长办', ['湾长办'], '相关职责部门', ['相关职责部门'], '2023-2025'],
  ['B-1', '技术研究及应用', '区科技局、区经发局', ['区科技局', '区经发局'], '/', [], '2023-2025'],
  ['B-2', '技术研究及应用', '连云生态环境局', ['连云生态环境局'], '/', [], '2023-2025'],
  [
    'B-3',
    '技术研究及应用',
    '区农业农村局',
    ['区农业农村局'],
    '区林海局、区农林水利局',
    ['区林海局', '区农林水利局'],
    '2023-2025',
  ],
  ['C-1', '金融调控', '连云区税务局', ['连云区税务局'], '/', [], '2023-2025'],
  ['C-2', '金融调控', '区财政局', ['区财政局'], '/', [], '持续开展'],
  ['C-3', '金融调控', '区财政局', ['区财政局'], '/', [], '持续开展'],
  ['C-4', '体系建设', '连云生态环境局', ['连云生态环境局'], '/', [], '2023'],
  ['C-5', '体系建设', '连云生态环境局', ['连云生态环境局'], '区城管局', ['区城管局'], '2024'],
  ['C-6', '体系建设', '区供销总社', ['区供销总社'], '区供销总社', ['区供销总社'], '2024'],
  [
    'C-7',
    '体系建设',
    '区商务局',
    ['区商务局'],
    '区城管局、区经发局、连云生态环境局',
    ['区城管局', '区经发局', '连云生态环境局'],
    '2023-2025',
  ],
  ['C-8', '体系建设', '区城管局', ['区城管局'], '/', [], '2023'],
  ['C-9', '体系建设', '连云邮政管理局', ['连云邮政管理局'], '区城管局', ['区城管局'], '2023'],
  ['D-1', '能力建设', '区城管局', ['区城管局'], '/', [], '2025'],
  ['D-2', '能力建设', '区城管局', ['区城管局'], '/', [], '2023-2025'],
  ['D-3', '能力建设', '连云生态环境局', ['连云生态环境局'], '/', [], '2023-2025'],
  ['D-4', '能力建设', '区城管局', ['区城管局'], '/', [], '2023-2025'],
  [
    'D-5',
    '专项行动',
    '连云生态环境局',
    ['连云生态环境局'],
    '区住建局、区农业农村局、连云公安分局等',
    ['区住建局', '区农业农村局', '连云公安分局'],
    '2023',
  ],
  ['D-6', '专项行动', '区供销总社', ['区供销总社'], '/', [], '2024'],
  ['D-7', '专项行动', '区林业和海洋局', ['区林业和海洋局'], '连云生态环境局', ['连云生态环境局'], '2024'],
];
const SYSTEM_OF: Record<string, string> = {
  A: '制度体系建设',
  B: '技术体系建设',
  C: '市场体系建设',
  D: '监管体系建设',
};

// 附件4 in order, with the number of numbered duties each unit has.
const DEPARTMENTS: [string, number][] = [
  ['无废办', 5],
  ['湾长办', 4],
  ['区经发局', 7],
  ['连云生态环境局', 13],
  ['区城管局', 8],
  ['区农业农村局', 3],
  ['区住建局', 3],
  ['区林业和海洋局', 6],
  ['区商务局', 4],
  ['区卫健委', 4],
  ['连云邮政管理局', 3],
  ['区供销总社', 1],
  ['连云公安分局', 3],
  ['区应急管理局', 2],
  ['区科技局', 2],
  ['区财政局', 2],
  ['区审计局', 1],
  ['连云区税务局', 1],
  ['区教育局', 3],
  ['区文体和旅游局', 4],
];

// 附件2 marks of indicators 1–50, ten per group.
const MARKS = ['★★★※☆▲★★★★', '★★★★★※※★★★', '★★★★★☆☆★★★', '★★★☆☆★☆☆☆★', '★★☆☆☆☆※★☆☆'].join('');

// 附件5: no, name, implementing entity, 总投资 as written, 建设期限.
const PROJECTS: [number, string, string, string, string][] = [
  [1, '连云港碱渣治理与资源化利用创新示范项目', '中核生态环境有限公司', '647137', '2022-2025'],
  [2, '连云港港旗台作业区研发试验基地项目', '江苏筑港建设集团有限公司', '1200', '2023-2024'],
  [3, '铁尾矿综合利用项目', '连云港恒鑫通矿业有限公司', '10517.52', '2023-2025'],
  [
    4,
    '丰益表面活性材料（连云港）有限公司高盐废水净化项目（KVT）',
    '丰益表面活性材料（连云港）有限公司',
    '26000',
    '2022-2025',
  ],
  [5, '连云区厨余垃圾处理中心', '连云区城市管理局', '150', '2022-2023'],
  [6, '3万吨/年酚类防老阻燃新材料技术升级改造项目', '江苏三吉利化工股份有限公司', '20240.59', '2023-2025'],
  [7, '连云港市污泥制园林营养土资源化利用示范项目二期扩建项目', '连云港德洪源实业有限公司', '617', '2023-2024'],
];

describe('given the bundled Lianyun 2022–2025 plan', () => {
  const plan = loadLianyunPlan();

  it('then it identifies itself and the region', () => {
    expect(plan).toMatchObject({
      schemaVersion: 1,
      id: 'lianyun-2022-2025',
      title: '连云区“无废城市”建设实施方案（2022-2025）',
      region: { name: '连云区', city: '连云港市', province: '江苏省' },
      issuedOn: '2023-10-18',
      timeZone: 'Asia/Shanghai',
    });
  });

  describe('when reading the task list (附件3)', () => {
    it('then it holds exactly the 34 rows of the appendix, in order', () => {
      expect(plan.tasks.map((t) => t.code)).toEqual(TASKS.map((row) => row[0]));
    });

    it.each(TASKS)(
      'then %s has area %s, lead %s, cooperating %p and window as in the seed',
      (code, area, leadRaw, lead, coopRaw, coop, window) => {
        const task = plan.tasks.find((t) => t.code === code);
        expect(task).toMatchObject({
          system: SYSTEM_OF[code.charAt(0)],
          area,
          leadRaw,
          lead,
          cooperatingRaw: coopRaw,
          cooperating: coop,
          window,
        });
      },
    );

    it('then only D-5 is an open-ended list, and no lead list is open-ended', () => {
      expect(plan.tasks.filter((t) => t.cooperatingOpenEnded).map((t) => t.code)).toEqual(['D-5']);
      expect(plan.tasks.some((t) => t.leadOpenEnded)).toBe(false);
    });
  });

  describe('when reading the departments (附件4)', () => {
    it('then the 20 units are in order with their numbered duties', () => {
      expect(plan.departments.map((d) => [d.name, d.duties.length])).toEqual(DEPARTMENTS);
      for (const d of plan.departments) expect(d.duties.map((x) => x.no)).toEqual(d.duties.map((_, i) => i + 1));
    });

    it('then aliases point from the other spellings to the 附件4 heading', () => {
      const aliasesOf = (name: string): readonly string[] | undefined =>
        plan.departments.find((d) => d.name === name)?.aliases;
      expect(aliasesOf('区林业和海洋局')).toEqual(expect.arrayContaining(['区林海局']));
      expect(aliasesOf('湾长办')).toEqual(expect.arrayContaining(['湾长制工作领导小组办公室']));
      expect(aliasesOf('区经发局')).toEqual(expect.arrayContaining(['经发局']));
    });
  });

  describe('when reading the indicators (附件2)', () => {
    it('then all 50 rows carry their marks in order', () => {
      expect(plan.indicators.map((i) => i.no)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(plan.indicators.map((i) => i.class).join('')).toBe(MARKS);
    });

    it('then values are kept exactly as stated', () => {
      const row = (no: number) => plan.indicators[no - 1];
      expect(row(2)).toMatchObject({
        level3: '一般工业固体废物产生强度',
        cityTarget2025: '0.5吨/万元',
        baseline2022: '0.4181吨/万元',
        districtTarget2025: '0.4吨/万元',
      });
      expect(row(9)).toMatchObject({
        level2: '生活领域源头减量',
        baseline2022: '93.66吨/日',
        districtTarget2025: '日产日清',
      });
      expect(row(12)).toMatchObject({ baseline2022: '30%~40%', responsible: ['连云邮政管理局'] });
      expect(row(14)).toMatchObject({ baseline2022: '4.6%', districtTarget2025: '9%' });
      expect(row(17)).toMatchObject({ class: '※', cityTarget2025: '逐年上升', districtTarget2025: '逐年上升' });
      expect(row(8)).toMatchObject({ districtTarget2025: '/' });
      expect(row(24)).toMatchObject({ cityTarget2025: '＞0', baseline2022: '2022年危废填埋量1181.24吨' });
      expect(row(36)).toMatchObject({
        districtTarget2025: '70.59亿元',
        dataSourceUnits: ['连云生态环境局', '人民银行市中心支行', '相关部门'],
        dataSourceOpenEnded: true,
      });
      expect(row(6)).toMatchObject({ level3: '国家级海洋牧场数量', class: '▲', responsible: ['区林业和海洋局'] });
      expect(row(13)).toMatchObject({ responsible: ['连云生态环境局', '经发局', '资源分局'] });
    });

    it('then the merged 一级指标 cells are filled down into 5 groups', () => {
      const firstNoOf = (level1: string) => plan.indicators.find((i) => i.level1 === level1)?.no;
      expect([...new Set(plan.indicators.map((i) => i.level1))]).toEqual([
        '固体废物源头减量',
        '固体废物资源化利用',
        '固体废物最终处置',
        '保障能力',
        '群众获得感',
      ]);
      expect(['固体废物资源化利用', '固体废物最终处置', '保障能力', '群众获得感'].map(firstNoOf)).toEqual([
        13, 23, 32, 48,
      ]);
    });
  });

  describe('when reading the projects (附件5)', () => {
    it('then the 7 projects are as stated and their written amounts add up to 705862.11万元', () => {
      expect(plan.projects.map((p) => [p.no, p.name, p.entity, p.investmentRaw, p.period])).toEqual(PROJECTS);
      expect(plan.projects.map((p) => p.investment)).toEqual(PROJECTS.map((p) => Number(p[3])));
      expect(plan.statedCounts.projects).toMatchObject({ total: 7, totalInvestmentRaw: '705862.11', unit: '万元' });
    });
  });

  describe('when reading the stated counts', () => {
    it('then they are the numbers of §3.4 and §5.1–5.3', () => {
      expect(plan.statedCounts.tasks).toMatchObject({
        total: 36,
        bySystem: { 制度体系建设: 15, 技术体系建设: 3, 市场体系建设: 10, 监管体系建设: 8 },
      });
      expect(plan.statedCounts.indicators).toMatchObject({
        total: 50,
        level1: 5,
        level2: 17,
        byClass: { '★': 31, '☆': 14, '※': 4, '▲': 1 },
      });
      expect(plan.statedCounts.departments.total).toBe(20);
    });
  });
});
