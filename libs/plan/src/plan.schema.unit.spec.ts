import { loadLianyunPlan, loadPlan, PlanSchemaError } from './index';
import { validatePlanSchema } from './plan.schema';

type Mutable = Record<string, unknown> & {
  tasks: Record<string, unknown>[];
  indicators: Record<string, unknown>[];
  projects: Record<string, unknown>[];
  departments: Record<string, unknown>[];
  statedCounts: { projects: Record<string, unknown> };
};

/** A deep copy of the real plan to break one thing at a time. */
function planJson(): Mutable {
  return structuredClone(loadLianyunPlan()) as unknown as Mutable;
}

function pathsOf(input: unknown): string[] {
  const result = validatePlanSchema(input);
  return result.ok ? [] : result.errors.map((e) => e.path);
}

describe('given the plan schema validator', () => {
  describe('when the bundled Lianyun plan is checked', () => {
    it('then it passes with no errors', () => {
      expect(validatePlanSchema(planJson())).toMatchObject({ ok: true, errors: [] });
    });
  });

  describe('when the input is not an object', () => {
    it('then the root path is named', () => {
      expect(validatePlanSchema([])).toEqual({ ok: false, errors: [{ path: '$', message: '应为对象' }] });
    });
  });

  describe('when a task has no lead department', () => {
    it('then the error names tasks[3].lead', () => {
      const json = planJson();
      json.tasks[3] = { ...json.tasks[3], lead: [], leadRaw: '/' };
      expect(pathsOf(json)).toContain('tasks[3].lead');
    });
  });

  describe('when a stored list no longer matches the cell text it was parsed from', () => {
    it('then the list path is named with the expected split', () => {
      const json = planJson();
      json.tasks[15] = { ...json.tasks[15], lead: ['区科技局'] }; // B-1 has two leads
      const result = validatePlanSchema(json);
      expect(result.ok).toBe(false);
      expect(result.errors).toContainEqual({
        path: 'tasks[15].lead',
        message: '与原文“区科技局、区经发局”拆分结果（区科技局、区经发局）不一致',
      });
    });

    it('then a dropped open-ended flag is reported too', () => {
      const json = planJson();
      const d5 = json.tasks.findIndex((t) => t['code'] === 'D-5');
      json.tasks[d5] = { ...json.tasks[d5], cooperatingOpenEnded: false };
      expect(pathsOf(json)).toEqual([`tasks[${d5}].cooperatingOpenEnded`]);
    });
  });

  describe('when a task code does not carry its system letter', () => {
    it('then the code path is named', () => {
      const json = planJson();
      json.tasks[0] = { ...json.tasks[0], code: 'B-99' };
      expect(pathsOf(json)).toEqual(['tasks[0].code']);
    });
  });

  describe('when an indicator class or a system is outside the vocabulary', () => {
    it('then each offending path is named', () => {
      const json = planJson();
      json.indicators[5] = { ...json.indicators[5], class: '*' };
      json.tasks[2] = { ...json.tasks[2], system: '制度体系' };
      expect(pathsOf(json)).toEqual(expect.arrayContaining(['indicators[5].class', 'tasks[2].system']));
    });
  });

  describe('when a project amount and its written text disagree', () => {
    it('then the number path is named, and an unwritable amount names the raw path', () => {
      const json = planJson();
      json.projects[2] = { ...json.projects[2], investment: 10517.5 };
      json.projects[4] = { ...json.projects[4], investmentRaw: '约150' };
      expect(pathsOf(json)).toEqual(['projects[2].investment', 'projects[4].investmentRaw']);
    });
  });

  describe('when a number is beyond what its field means (issue 15)', () => {
    it('then a 10^15 序号, a negative count, a year 9999 and an amount of 1e12 万元 are each named', () => {
      const json = planJson();
      json.tasks[0] = { ...json.tasks[0], sourceLine: 1e15 };
      json.departments[0] = { ...json.departments[0], no: -1 };
      json['period'] = { from: 2022, to: 9999 };
      json.projects[0] = { ...json.projects[0], investment: 1e12, investmentRaw: '1000000000000' };
      const result = validatePlanSchema(json);
      expect(result.ok).toBe(false);
      expect(result.errors).toEqual(
        expect.arrayContaining([
          { path: 'tasks[0].sourceLine', message: '应为 0 至 1000000 的整数' },
          { path: 'departments[0].no', message: '应为 0 至 1000000 的整数' },
          { path: 'period.to', message: '应为 2000 至 2100 的整数' },
          { path: 'projects[0].investmentRaw', message: '金额超过上限（至多 100000000 万元）' },
        ]),
      );
    });
  });

  describe('when stated counts use an unknown group', () => {
    it('then the group path is named', () => {
      const json = planJson();
      (json.statedCounts as unknown as { tasks: { bySystem: Record<string, number> } }).tasks.bySystem['宣传体系'] = 1;
      expect(pathsOf(json)).toEqual(['statedCounts.tasks.bySystem.宣传体系']);
    });
  });

  describe('when a department duty is missing its text', () => {
    it('then the nested duty path is named', () => {
      const json = planJson();
      json.departments[1] = { ...json.departments[1], duties: [{ no: 1 }] };
      expect(pathsOf(json)).toEqual(['departments[1].duties[0].text']);
    });
  });

  describe('when loadPlan is given a broken file', () => {
    it('then it throws PlanSchemaError carrying every path', () => {
      const json = planJson();
      delete json['title'];
      json.indicators[0] = { ...json.indicators[0], no: '1' };
      expect(() => loadPlan(json, 'broken')).toThrow(PlanSchemaError);
      try {
        loadPlan(json, 'broken');
      } catch (error) {
        expect((error as PlanSchemaError).errors.map((e) => e.path)).toEqual(['title', 'indicators[0].no']);
      }
    });
  });

  describe('when the Lianyun plan is loaded twice', () => {
    it('then each caller gets its own copy', () => {
      const tasks = loadLianyunPlan().tasks as unknown as { code: string }[];
      tasks.forEach((t) => (t.code = 'Z-1'));
      expect(loadLianyunPlan().tasks[0]?.code).toBe('A-1');
    });
  });
});
