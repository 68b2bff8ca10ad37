import { loadLianyunPlan } from './index';
import { rowCells, SEED_LINES, SEED_TEXT, seedContains } from './testing/seed-source';

// Proves the transcription is the plan's own words, cell by cell, at the recorded source lines.
describe('given the plan JSON and the seed text it was transcribed from', () => {
  const plan = loadLianyunPlan();

  it('then the seed copy is the 2139-line document the data names (counted as wc -l does)', () => {
    expect(SEED_TEXT.match(/\n/g)?.length).toBe(plan.source.lineCount);
  });

  describe('when each task row is read at its source line', () => {
    it.each(plan.tasks.map((t) => [t.code, t] as const))('then %s matches its 附件3 cells verbatim', (_code, task) => {
      const cells = rowCells(task.sourceLine ?? 0);
      expect(cells).toHaveLength(6);
      const [code, area, text, lead, cooperating, window] = cells;
      expect({ code, text, lead, cooperating, window }).toEqual({
        code: task.code,
        text: task.text,
        lead: task.leadRaw,
        cooperating: task.cooperatingRaw,
        window: task.window,
      });
      // A blank 领域 cell is the merged cell above; the data carries the value down.
      if (area !== '') expect(task.area).toBe(area);
    });
  });

  describe('when each indicator row is read at its source line', () => {
    it.each(plan.indicators.map((x) => [x.no, x] as const))(
      'then indicator %s matches its 附件2 cells verbatim',
      (_no, x) => {
        const cells = rowCells(x.sourceLine ?? 0);
        expect(cells).toHaveLength(9);
        expect(cells[0]).toBe(String(x.no));
        if (cells[1] !== '') expect(x.level1).toBe(cells[1]);
        // Row 9's 二级指标 cell carries a duplicated line from the merged cell; the data keeps one.
        if (cells[2] !== '') expect(cells[2]?.split('\n')).toContain(x.level2);
        expect(cells.slice(3)).toEqual([
          `${x.level3}${x.class}`,
          x.cityTarget2025,
          x.baseline2022,
          x.districtTarget2025,
          x.dataSource,
          x.responsibleRaw,
        ]);
      },
    );
  });

  describe('when each department row is read at its source line', () => {
    it.each(plan.departments.map((d) => [d.name, d] as const))(
      'then %s and its duties match 附件4 verbatim',
      (_name, d) => {
        const [no, name, duties] = rowCells(d.sourceLine ?? 0);
        expect([no, name]).toEqual([String(d.no), d.name]);
        expect(duties?.split('\n')).toEqual(d.duties.map((x) => `${x.no}、${x.text}`));
      },
    );
  });

  describe('when each project row is read at its source line', () => {
    it.each(plan.projects.map((p) => [p.no, p] as const))('then project %s matches 附件5 verbatim', (_no, p) => {
      expect(rowCells(p.sourceLine ?? 0)).toEqual([
        String(p.no),
        p.name,
        p.entity,
        p.content,
        p.investmentRaw,
        p.period,
        p.remark,
      ]);
    });
  });

  describe('when checking names and claims outside the tables', () => {
    it('then every alias, external unit and generic entry is a spelling the plan uses', () => {
      const names = [
        ...plan.departments.flatMap((d) => d.aliases),
        ...plan.externalUnits.map((u) => u.name),
        ...plan.genericEntries.map((g) => g.text),
      ];
      expect(names.filter((n) => !seedContains(n))).toEqual([]);
    });

    it('then every stated count is quoted from the line it cites', () => {
      const { tasks, indicators, departments, projects } = plan.statedCounts;
      for (const s of [tasks.source, indicators.source, departments.source, projects.source]) {
        expect(SEED_LINES[s.line - 1]).toContain(s.quote);
      }
      const taskLine = SEED_LINES[tasks.source.line - 1];
      expect(taskLine).toContain('制度体系作为无废城市建设的基础，主要包括保障措施、专项行动方案15项任务');
      expect(taskLine).toContain('技术体系作为无废城市建设的关键支撑，建设期间共部署3项任务');
      expect(taskLine).toContain('主要包括金融调控、体系建设等10项任务');
      expect(taskLine).toContain('主要包括能力建设和专项行动等8项任务');
      expect(SEED_LINES[indicators.source.line - 1]).toContain(
        '江苏省必选指标31项（标注★）、江苏省可选指标14项（标注☆）、连云港市自选指标4项（标注※）、连云区自选指标1项（标注▲）',
      );
    });
  });
});
