import { loadLianyunPlan } from './index';
import type { Plan } from './plan.schema';
import { validatePlan } from './validation-report';
import type { FindingCode } from './validation.findings';

type Draft = { -readonly [K in keyof Plan]: Plan[K] };

/** The real plan with one change, to see the report react to exactly that change. */
function planWith(change: (draft: Draft) => void): Plan {
  const draft = structuredClone(loadLianyunPlan()) as Draft;
  change(draft);
  return draft;
}

describe('given the Lianyun plan as transcribed', () => {
  const report = validatePlan(loadLianyunPlan());
  const codes = (code: FindingCode) => report.findings.filter((f) => f.code === code);

  describe('when its appendices are counted against the prose', () => {
    it('then exactly 市场体系建设 and 监管体系建设 list one task fewer than §5.1 states', () => {
      const bySystem = report.counts
        .filter((c) => c.subject === 'tasks.system')
        .map((c) => [c.group, c.stated, c.actual, c.diff]);
      expect(bySystem).toEqual([
        ['制度体系建设', 15, 15, 0],
        ['技术体系建设', 3, 3, 0],
        ['市场体系建设', 10, 9, -1],
        ['监管体系建设', 8, 7, -1],
      ]);
      expect(codes('TASK_COUNT_MISMATCH').map((f) => [f.details['group'], f.details['diff']])).toEqual([
        ['市场体系建设', -1],
        ['监管体系建设', -1],
      ]);
      expect(codes('TASK_COUNT_MISMATCH')[0]?.message).toBe(
        '任务清单（附件3）“市场体系建设”实列9项，正文5.1节称10项，少1项',
      );
      expect(codes('TASK_TOTAL_MISMATCH').map((f) => f.message)).toEqual([
        '任务清单（附件3）实列34项，正文5.1节称36项，少2项',
      ]);
    });

    it('then the numbering has no gaps, so the shortfall is the plan’s own and no row was invented', () => {
      expect(codes('TASK_CODE_GAP')).toEqual([]);
    });

    it('then indicators match per class, but 16 level-2 groups are listed against the 17 stated', () => {
      expect(
        report.counts.filter((c) => c.subject === 'indicators.class').map((c) => [c.group, c.actual, c.diff]),
      ).toEqual([
        ['★', 31, 0],
        ['☆', 14, 0],
        ['※', 4, 0],
        ['▲', 1, 0],
      ]);
      expect(codes('INDICATOR_CLASS_COUNT_MISMATCH')).toEqual([]);
      expect(codes('INDICATOR_COUNT_MISMATCH')).toEqual([]);
      expect(
        codes('INDICATOR_LEVEL_COUNT_MISMATCH').map((f) => [
          f.details['subject'],
          f.details['stated'],
          f.details['actual'],
        ]),
      ).toEqual([['indicators.level2', 17, 16]]);
    });

    it('then 20 departments, 7 projects and the investment total 705862.11万元 all agree', () => {
      expect(codes('DEPARTMENT_COUNT_MISMATCH')).toEqual([]);
      expect(codes('PROJECT_COUNT_MISMATCH')).toEqual([]);
      expect(report.investment).toEqual({
        statedRaw: '705862.11',
        actualRaw: '705862.11',
        statedHundredths: 70586211,
        actualHundredths: 70586211,
        equal: true,
      });
    });
  });

  describe('when the names in tasks, indicators and projects are resolved', () => {
    it('then no name is unknown and no error is raised', () => {
      expect(codes('UNKNOWN_UNIT')).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.summary).toEqual({ error: 0, warning: 8, info: 18 });
    });

    it('then each alias used is reported with its canonical name', () => {
      expect(codes('ALIAS_USED').map((f) => [f.details['written'], f.details['canonical']])).toEqual([
        ['区林海局', '区林业和海洋局'],
        ['经发局', '区经发局'],
        ['湾长制工作领导小组办公室', '湾长办'],
        ['连云区城市管理局', '区城管局'],
      ]);
      expect(codes('ALIAS_USED')[0]?.details['locations']).toEqual([
        { path: 'tasks[17].cooperating', label: '任务B-3配合单位' },
      ]);
    });

    it('then units outside the 20 departments are kept as external, companies included', () => {
      expect(codes('EXTERNAL_UNIT').map((f) => f.details['name'])).toEqual([
        '区农林水利局',
        '区统计局',
        '资源分局',
        '人民银行市中心支行',
        '中核生态环境有限公司',
        '江苏筑港建设集团有限公司',
        '连云港恒鑫通矿业有限公司',
        '丰益表面活性材料（连云港）有限公司',
        '江苏三吉利化工股份有限公司',
        '连云港德洪源实业有限公司',
      ]);
      expect(codes('EXTERNAL_UNIT').every((f) => f.severity === 'info')).toBe(true);
    });

    it('then C-6 cooperating with itself, A-15’s generic partner and D-5’s open list are flagged', () => {
      expect(codes('SELF_COOPERATION').map((f) => [f.details['code'], f.details['units'], f.message])).toEqual([
        ['C-6', ['区供销总社'], '任务C-6配合单位与牵头单位相同（区供销总社）'],
      ]);
      expect(codes('GENERIC_COOPERATING').map((f) => [f.details['text'], f.details['location']])).toEqual([
        ['相关职责部门', { path: 'tasks[14].cooperating', label: '任务A-15配合单位' }],
      ]);
      expect(codes('OPEN_ENDED_LIST').map((f) => f.details['location'])).toEqual([
        { path: 'tasks[31].cooperating', label: '任务D-5配合单位' },
        { path: 'indicators[35].dataSourceUnits', label: '指标第36项数据来源' },
      ]);
      expect(codes('GENERIC_LEAD')).toEqual([]);
    });

    it('then no code, number or window is duplicated or unreadable', () => {
      expect([...codes('DUPLICATE_CODE'), ...codes('UNKNOWN_WINDOW'), ...codes('REGISTRY_CONFLICT')]).toEqual([]);
    });

    it('then errors come first, then warnings, then information', () => {
      const order = report.findings.map((f) => f.severity);
      expect(order).toEqual(
        [...order].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)),
      );
    });
  });
});

describe('given a plan with defects introduced one at a time', () => {
  it('when a name is misspelt, then it is an UNKNOWN_UNIT error at its path', () => {
    const report = validatePlan(
      planWith((d) => {
        d.tasks = d.tasks.map((t) => (t.code === 'A-1' ? { ...t, lead: ['无废城市办'], leadRaw: '无废城市办' } : t));
      }),
    );
    expect(report.ok).toBe(false);
    expect(report.findings.filter((f) => f.code === 'UNKNOWN_UNIT').map((f) => f.details['locations'])).toEqual([
      [{ path: 'tasks[0].lead', label: '任务A-1牵头单位' }],
    ]);
  });

  it('when a task code repeats and a window is unreadable, then both are errors', () => {
    const report = validatePlan(
      planWith((d) => {
        d.tasks = d.tasks.map((t) => (t.code === 'A-2' ? { ...t, code: 'A-1', window: '2023年内' } : t));
      }),
    );
    const found = report.findings
      .filter((f) => f.severity === 'error')
      .map((f) => [f.code, f.details['key'] ?? f.details['raw']]);
    expect(found).toEqual([
      ['DUPLICATE_CODE', 'A-1'],
      ['UNKNOWN_WINDOW', '2023年内'],
    ]);
    expect(report.findings.filter((f) => f.code === 'TASK_CODE_GAP').map((f) => f.details['missing'])).toEqual([
      ['A-2'],
    ]);
  });

  it('when one project amount is off by 0.01万元, then the total mismatch is an error', () => {
    const report = validatePlan(
      planWith((d) => {
        d.projects = d.projects.map((p) =>
          p.no === 3 ? { ...p, investment: 10517.53, investmentRaw: '10517.53' } : p,
        );
      }),
    );
    expect(report.investment).toMatchObject({ actualRaw: '705862.12', equal: false });
    expect(
      report.findings.filter((f) => f.code === 'INVESTMENT_TOTAL_MISMATCH').map((f) => [f.severity, f.message]),
    ).toEqual([['error', '项目清单（附件5）投资合计705862.12万元，正文5.3节称705862.11万元，不一致']]);
  });

  it('when an external unit leads a task, then it is raised to a warning', () => {
    const report = validatePlan(
      planWith((d) => {
        d.tasks = d.tasks.map((t) => (t.code === 'B-2' ? { ...t, lead: ['区统计局'], leadRaw: '区统计局' } : t));
      }),
    );
    const statistics = report.findings.find((f) => f.code === 'EXTERNAL_UNIT' && f.details['name'] === '区统计局');
    expect(statistics?.severity).toBe('warning');
  });

  it('when a lead is only generic, then it cannot be assigned and is an error', () => {
    const report = validatePlan(
      planWith((d) => {
        d.tasks = d.tasks.map((t) =>
          t.code === 'D-3' ? { ...t, lead: ['相关职责部门'], leadRaw: '相关职责部门' } : t,
        );
      }),
    );
    expect(report.findings.filter((f) => f.code === 'GENERIC_LEAD').map((f) => f.message)).toEqual([
      '任务D-3牵头单位为泛指“相关职责部门”，无法交办',
    ]);
  });
});
