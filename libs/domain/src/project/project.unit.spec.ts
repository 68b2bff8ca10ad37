import { BUNDLED_ECOLOGY_BUREAU as ECO, bundledPlan } from '../../../plan/src/testing/fixture-plans';
import type { CommandMetadata } from '../shared/message';
import { specFor } from '../testing/given-when-then';
import type { ProjectCommand } from './project.commands';
import { decideProject } from './project.decide';
import { projectDefinitions } from './project.definition';
import type { ProjectEvent } from './project.events';
import { evolveProject, foldProject, initialProjectState, type ProjectState } from './project.state';
import { investmentTotals } from './project.totals';

const DEFS = projectDefinitions(bundledPlan());
const NOW = '2024-03-28T10:00:00+08:00';
const meta = (role: 'office' | 'department', department?: string): CommandMetadata => ({
  actor: { actorId: 'u', role, ...(department ? { department } : {}) },
  now: NOW,
});
const given = (no: number) =>
  specFor<ProjectCommand, ProjectEvent, ProjectState>({
    decide: (c, s) =>
      decideProject(
        c,
        s,
        DEFS.find((d) => d.no === no)!,
      ),
    evolve: evolveProject,
    initialState: initialProjectState,
  });
type Progress = Extract<ProjectCommand, { type: 'ReportProjectProgress' }>;
const progress = (investmentCompleted: number, department = '区城管局', phase = 'construction' as const): Progress => ({
  type: 'ReportProjectProgress',
  data: {
    phase,
    investmentCompleted,
    milestones: [{ title: '设备安装', date: '2024-03-01', done: true }],
    note: '试运行',
  },
  metadata: meta('department', department),
});
const reported = (
  projectId: string,
  reportId: string,
  investmentCompleted: number,
  department = '区城管局',
): ProjectEvent => ({
  type: 'ProjectProgressReported',
  data: {
    projectId,
    reportId,
    department,
    phase: 'construction',
    investmentCompleted,
    investmentCompletedHundredths: Math.round(investmentCompleted * 100),
    milestones: [{ title: '设备安装', date: '2024-03-01', done: true }],
    note: '试运行',
    evidence: [],
    reportedAt: NOW,
  },
});

describe('projects (附件5)', () => {
  it('the plan names a reporting department only where the entity is one: 第5项 区城市管理局 → 区城管局', () => {
    expect(DEFS.map((d) => [d.no, d.supervising])).toEqual([
      [1, []],
      [2, []],
      [3, []],
      [4, []],
      [5, ['区城管局']],
      [6, []],
      [7, []],
    ]);
  });

  it('given 厨余垃圾处理中心, when 区城管局 reports 120.5万元 in construction, then ProjectProgressReported', () => {
    given(5)()
      .when(progress(120.5))
      .then([reported('5', 'p1', 120.5)]);
  });

  it('another department, the office, or an enterprise project without a supervisor: 403', () => {
    const refused = given(5)().when(progress(1, ECO)).thenThrows('PROJECT.NOT_SUPERVISOR', 'forbidden');
    expect(refused.details).toEqual({ department: ECO });
    expect(refused.internal).toEqual({ supervising: ['区城管局'] });
    given(5)()
      .when({ ...progress(1), metadata: meta('office') })
      .thenThrows('PROJECT.DEPARTMENT_ONLY', 'forbidden');
    given(1)().when(progress(1)).thenThrows('PROJECT.NOT_SUPERVISOR', 'forbidden');
  });

  it('the office names the supervising department where the plan does not; then it reports', () => {
    const set: ProjectCommand = {
      type: 'SetProjectSupervisor',
      data: { departments: [ECO], reason: '碱渣治理归口生态环境局' },
      metadata: meta('office'),
    };
    const event: ProjectEvent = {
      type: 'ProjectSupervisorSet',
      data: { departments: [ECO], previous: [], reason: '碱渣治理归口生态环境局', setAt: NOW },
    };
    given(1)().when(set).then([event]);
    given(1)([event])
      .when(progress(1000, ECO))
      .then([reported('1', 'p1', 1000, ECO)]);
    given(1)()
      .when({ ...set, metadata: meta('department', ECO) })
      .thenThrows('PROJECT.OFFICE_ONLY', 'forbidden');
  });

  it.each([-1, 1.234, Number.NaN])('refuses investment %p', (value) => {
    given(5)().when(progress(value)).thenThrows('PROJECT.INVALID_INVESTMENT', 'invalid');
  });

  it('given the default ceiling (1000亿元), when 1e21 万元 is reported, then it is refused naming the field; the ceiling itself is recorded', () => {
    for (const value of [1e21, 10_000_000.01, Number.MAX_SAFE_INTEGER]) {
      const error = given(5)().when(progress(value)).thenThrows('PROJECT.INVESTMENT_TOO_LARGE', 'invalid');
      expect(error.message).toBe('investmentCompleted: 累计完成投资超过上限（至多 10000000 万元）');
      expect(error.details).toEqual({ field: 'investmentCompleted', max: 10_000_000 });
    }
    given(5)()
      .when(progress(10_000_000))
      .then([reported('5', 'p1', 10_000_000)]);
  });

  it('given a configured ceiling of 500000 万元, when 500000.01 is reported, then it is refused', () => {
    const def = DEFS.find((d) => d.no === 5)!;
    expect(() =>
      decideProject(progress(500_000.01), initialProjectState(), def, { maxInvestmentWanYuan: 500_000 }),
    ).toThrow('至多 500000 万元');
  });

  it('refuses an unknown phase and a milestone without a date', () => {
    given(5)()
      .when({ ...progress(1), data: { phase: 'done' as never, investmentCompleted: 1 } })
      .thenThrows('PROJECT.INVALID_PHASE', 'invalid');
    given(5)()
      .when({
        ...progress(1),
        data: {
          phase: 'construction',
          investmentCompleted: 1,
          milestones: [{ title: 'x', date: '2024-02-30', done: true }],
        },
      })
      .thenThrows('PROJECT.INVALID_MILESTONE', 'invalid');
  });

  it('totals the latest cumulative figure of each project against the plan’s 705862.11万元, exactly', () => {
    const states = DEFS.map((def) => ({ def, state: initialProjectState() }));
    expect(investmentTotals(states)).toEqual({ planned: '705862.11', completed: '0', percent: 0, reportedProjects: 0 });
    states[4] = { def: DEFS[4]!, state: foldProject([reported('5', 'p1', 100.1), reported('5', 'p2', 150)]) };
    states[2] = { def: DEFS[2]!, state: foldProject([reported('3', 'p1', 10517.52, '区经发局')]) };
    expect(investmentTotals(states)).toEqual({
      planned: '705862.11',
      completed: '10667.52',
      percent: 1.51,
      reportedProjects: 2,
    });
  });
});
