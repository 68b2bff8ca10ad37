import type { PlanSystem } from '../plan.schema';
import { readTaskSheet } from './index';
import { buildWorkbook, standardRows, VALID_TASKS } from './testing/sheet-builder';

describe('given a task sheet typed by an office rather than generated', () => {
  // Title row, header with reordered and whitespace-padded columns and variant names, a merged
  // 领域 cell, an unmerged empty 领域 cell, a number, rich text, a formula and a hyperlink.
  const rows = [
    ['附件3', '连云区“无废城市”建设重点任务清单'],
    ['编号', ' 任务 ', '牵头\n单位', '领域', '完成时限', '配合单位'],
    ['一、制度体系建设'],
    [
      'A-1',
      { richText: [{ text: '制定《宣传方案》', font: { bold: true } }, { text: '并组织实施' }] },
      '无废办',
      '保障措施',
      2023,
      '/',
    ],
    ['A-2', '建立协调联动机制', '区住建局、区农业农村局等', null, '2023-2025', '区经发局'],
    [
      'A-3',
      '制定考核机制',
      { text: '无废办', hyperlink: 'https://example.org' },
      null,
      { formula: '"持续"&"开展"', result: '持续开展' },
      '/',
    ],
    [],
    ['技术体系建设'],
    ['B-1', '探索资源化利用技术', '区科技局、区经发局', '技术研究及应用', '2023-2025', '连云生态环境局及相关部门'],
    ['B-2', '推进减量化技术应用', '连云生态环境局', null, '2024', '/'],
  ];
  const file = buildWorkbook({ name: '附件3', rows, merges: ['A3:F3', 'D4:D5'] });

  describe('when it is read', () => {
    it('then the header is found on row 2 and each task is parsed from its cells', async () => {
      const result = await readTaskSheet(await file);

      expect(result).toMatchObject({ sheet: '附件3', headerRow: 2 });
      const unit = (names: string[], raw: string, openEnded = false) => ({ names, raw, openEnded });
      const rowsRead = result.tasks.map((t) => ({
        code: t.code,
        system: t.system,
        area: t.area,
        text: t.text,
        window: t.window,
        lead: unit([...t.lead], t.leadRaw, t.leadOpenEnded),
        cooperating: unit([...t.cooperating], t.cooperatingRaw, t.cooperatingOpenEnded),
      }));
      expect(rowsRead).toEqual([
        {
          code: 'A-1',
          system: '制度体系建设',
          area: '保障措施',
          text: '制定《宣传方案》并组织实施',
          window: '2023',
          lead: unit(['无废办'], '无废办'),
          cooperating: unit([], '/'),
        },
        {
          code: 'A-2',
          system: '制度体系建设',
          area: '保障措施',
          text: '建立协调联动机制',
          window: '2023-2025',
          lead: unit(['区住建局', '区农业农村局'], '区住建局、区农业农村局等', true),
          cooperating: unit(['区经发局'], '区经发局'),
        },
        {
          code: 'A-3',
          system: '制度体系建设',
          area: '保障措施',
          text: '制定考核机制',
          window: '持续开展',
          lead: unit(['无废办'], '无废办'),
          cooperating: unit([], '/'),
        },
        {
          code: 'B-1',
          system: '技术体系建设',
          area: '技术研究及应用',
          text: '探索资源化利用技术',
          window: '2023-2025',
          lead: unit(['区科技局', '区经发局'], '区科技局、区经发局'),
          cooperating: unit(['连云生态环境局', '相关部门'], '连云生态环境局及相关部门', true),
        },
        {
          code: 'B-2',
          system: '技术体系建设',
          area: '技术研究及应用',
          text: '推进减量化技术应用',
          window: '2024',
          lead: unit(['连云生态环境局'], '连云生态环境局'),
          cooperating: unit([], '/'),
        },
      ]);
    });
  });

  describe('when the workbook has a notes sheet before the task sheet', () => {
    it('then the first sheet with the six columns is read, or the one named in the options', async () => {
      const notes = { name: '填表说明', rows: [['请按附件3格式填写'], ['序号', '说明']] };
      const buffer = await buildWorkbook(
        notes,
        { name: '任务', rows: standardRows(VALID_TASKS) },
        { name: '副本', rows: standardRows(VALID_TASKS.slice(0, 1)) },
      );

      expect((await readTaskSheet(buffer)).sheet).toBe('任务');
      expect((await readTaskSheet(buffer, { sheetName: '副本' })).tasks.map((t) => t.code)).toEqual(['A-1']);
    });
  });

  describe('when the sheet has no heading rows', () => {
    it('then each task’s system comes from its code letter, using the systems given', async () => {
      const systems: PlanSystem[] = [
        { code: 'M', name: '市场体系建设', heading: '三、市场体系建设' },
        { code: 'J', name: '监管体系建设', heading: '四、监管体系建设' },
      ];
      const rows = [
        [...standardRows([])[1]!],
        ['M-1', '金融调控', '落实税收优惠', '区税务局', '/', '2023'],
        ['J-1', '能力建设', '建立监管体系', '区城管局', '/', '2025'],
        ['J-2', null, '严格运输管理', '区城管局', '/', '2024'],
      ];

      const result = await readTaskSheet(await buildWorkbook({ name: 'S', rows }), { systems });

      expect(result.headerRow).toBe(1);
      expect(result.tasks.map((t) => [t.code, t.system, t.area])).toEqual([
        ['M-1', '市场体系建设', '金融调控'],
        ['J-1', '监管体系建设', '能力建设'],
        ['J-2', '监管体系建设', '能力建设'],
      ]);
    });
  });
});
