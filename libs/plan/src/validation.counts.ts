import { formatHundredths, toHundredths } from './money';
import type { Plan, SourceRef } from './plan.schema';
import { INDICATOR_CLASSES, SYSTEM_NAMES } from './plan.vocabulary';
import { describeDiff, finding, type Finding, type FindingCode } from './validation.findings';

/**
 * Compares what the appendices list with what the prose says they list (§3.4, §5.1–5.3). The
 * appendices are transcribed as they are; a difference is reported, never patched with rows.
 */
export type CountSubject =
  | 'tasks'
  | 'tasks.system'
  | 'indicators'
  | 'indicators.class'
  | 'indicators.level1'
  | 'indicators.level2'
  | 'departments'
  | 'projects';

export interface CountCheck {
  readonly subject: CountSubject;
  readonly group: string | null;
  /** null when the plan states no number for this group. */
  readonly stated: number | null;
  readonly actual: number;
  /** actual − stated: negative means the appendix lists fewer than the prose says. */
  readonly diff: number | null;
}

export interface InvestmentCheck {
  readonly statedRaw: string;
  readonly actualRaw: string | null;
  readonly statedHundredths: number | null;
  readonly actualHundredths: number | null;
  readonly equal: boolean;
}

function check(subject: CountSubject, group: string | null, stated: number | undefined, actual: number): CountCheck {
  const s = stated ?? null;
  return { subject, group, stated: s, actual, diff: s === null ? null : actual - s };
}

function distinct(values: readonly string[]): number {
  return new Set(values).size;
}

export function countChecks(plan: Plan): CountCheck[] {
  const stated = plan.statedCounts;
  const systems = SYSTEM_NAMES.filter(
    (name) => stated.tasks.bySystem[name] !== undefined || plan.tasks.some((t) => t.system === name),
  );
  return [
    check('tasks', null, stated.tasks.total, plan.tasks.length),
    ...systems.map((name) =>
      check('tasks.system', name, stated.tasks.bySystem[name], plan.tasks.filter((t) => t.system === name).length),
    ),
    check('indicators', null, stated.indicators.total, plan.indicators.length),
    ...INDICATOR_CLASSES.map((mark) =>
      check(
        'indicators.class',
        mark,
        stated.indicators.byClass[mark],
        plan.indicators.filter((i) => i.class === mark).length,
      ),
    ),
    check('indicators.level1', null, stated.indicators.level1, distinct(plan.indicators.map((i) => i.level1))),
    // A level-2 name is only the same group under the same level-1 parent.
    check(
      'indicators.level2',
      null,
      stated.indicators.level2,
      distinct(plan.indicators.map((i) => `${i.level1}/${i.level2}`)),
    ),
    check('departments', null, stated.departments.total, plan.departments.length),
    check('projects', null, stated.projects.total, plan.projects.length),
  ];
}

export function investmentCheck(plan: Plan): InvestmentCheck {
  const statedRaw = plan.statedCounts.projects.totalInvestmentRaw;
  const statedHundredths = toHundredths(statedRaw);
  const parts = plan.projects.map((p) => toHundredths(p.investmentRaw));
  const actualHundredths = parts.every((x): x is number => x !== null) ? parts.reduce((a, b) => a + b, 0) : null;
  return {
    statedRaw,
    actualRaw: actualHundredths === null ? null : formatHundredths(actualHundredths),
    statedHundredths,
    actualHundredths,
    equal: statedHundredths !== null && statedHundredths === actualHundredths,
  };
}

const WHERE: Readonly<Record<CountSubject, string>> = {
  tasks: '任务清单（附件3）',
  'tasks.system': '任务清单（附件3）',
  indicators: '目标清单（附件2）三级指标',
  'indicators.class': '目标清单（附件2）',
  'indicators.level1': '目标清单（附件2）一级指标',
  'indicators.level2': '目标清单（附件2）二级指标',
  departments: '责任清单（附件4）部门',
  projects: '项目清单（附件5）项目',
};

const CODE: Readonly<Record<CountSubject, FindingCode>> = {
  tasks: 'TASK_TOTAL_MISMATCH',
  'tasks.system': 'TASK_COUNT_MISMATCH',
  indicators: 'INDICATOR_COUNT_MISMATCH',
  'indicators.class': 'INDICATOR_CLASS_COUNT_MISMATCH',
  'indicators.level1': 'INDICATOR_LEVEL_COUNT_MISMATCH',
  'indicators.level2': 'INDICATOR_LEVEL_COUNT_MISMATCH',
  departments: 'DEPARTMENT_COUNT_MISMATCH',
  projects: 'PROJECT_COUNT_MISMATCH',
};

function sourceOf(plan: Plan, subject: CountSubject): SourceRef {
  const s = plan.statedCounts;
  if (subject.startsWith('tasks')) return s.tasks.source;
  if (subject.startsWith('indicators')) return s.indicators.source;
  return subject === 'departments' ? s.departments.source : s.projects.source;
}

function countFinding(c: CountCheck, plan: Plan): Finding | null {
  if (c.diff === null || c.diff === 0 || c.stated === null) return null;
  const source = sourceOf(plan, c.subject);
  const group = c.subject === 'indicators.class' ? `标注${c.group ?? ''}的指标` : c.group ? `“${c.group}”` : '';
  const message = `${WHERE[c.subject]}${group}实列${c.actual}项，正文${source.section}节称${c.stated}项，${describeDiff(c.diff)}`;
  return finding('warning', CODE[c.subject], message, { ...c, source });
}

export function countFindings(plan: Plan, counts: readonly CountCheck[], investment: InvestmentCheck): Finding[] {
  const out = counts.map((c) => countFinding(c, plan)).filter((f): f is Finding => f !== null);
  const source = plan.statedCounts.projects.source;
  if (investment.actualHundredths === null || investment.statedHundredths === null) {
    out.push(
      finding('error', 'INVESTMENT_UNPARSABLE', '项目总投资或各项目投资不是至多两位小数的金额，无法核对', {
        ...investment,
      }),
    );
  } else if (!investment.equal) {
    const message = `项目清单（附件5）投资合计${investment.actualRaw ?? ''}万元，正文${source.section}节称${investment.statedRaw}万元，不一致`;
    out.push(finding('error', 'INVESTMENT_TOTAL_MISMATCH', message, { ...investment, source }));
  }
  return out;
}
