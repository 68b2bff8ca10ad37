import {
  assignmentDefaults,
  decide,
  indicatorDefinitions,
  indicatorStreamId,
  taskStreamId,
  type IndicatorEvent,
  type TaskCommand,
} from '@zw/domain';
import type { RecordedEvent } from '@zw/event-store';
import type { Plan } from '@zw/plan';
import { bundledPlan, secondDistrictPlan } from '../../../plan/src/testing/fixture-plans';
import { applyToIndicator, newIndicatorRow, type IndicatorRow } from '../rows/indicator-row';
import { applyToRow, newTaskRow, type TaskRow } from '../rows/task-row';
import { accountabilityView } from './accountability.view';
import { fullBoard } from './board.view';
import { cityOverviewView } from './city-overview.view';
import { districtSummary, indicatorSummaries, type DistrictInput } from './district-summary';
import { departmentKind } from './department-kind';
import { DEFAULT_LIGHT_RULES } from './light.rules';
import { overdueByDepartment } from './overdue';

/**
 * Two districts of one city, by hand: 连云区 (the bundled plan) and the invented 青岚区, whose
 * departments share names with 连云区's. Judged on 2023-04-03; every figure below is counted
 * from the script.
 */
const TODAY = '2023-04-03';
const A = bundledPlan();
const B = secondDistrictPlan();
let position = 0n;

function record(row: TaskRow, command: TaskCommand): void {
  for (const e of decide(command, row.state)) {
    const { actor, now } = command.metadata;
    const metadata = {
      actorId: actor.actorId,
      role: actor.role,
      correlationId: 'c',
      causationId: 'c',
      occurredAt: now,
    };
    applyToRow(row, event(row.streamId, BigInt(row.revision + 1), e.type, e.data, metadata));
  }
}

function event(streamId: string, revision: bigint, type: string, data: unknown, metadata: object): RecordedEvent {
  return {
    id: `e${position}`,
    streamId,
    type,
    data,
    metadata,
    revision,
    position: position++,
    recordedAt: '',
  } as never;
}

const at = (day: string) => `${day}T10:00:00+08:00`;
const office = (day: string) => ({ actor: { actorId: 'office', role: 'office' as const }, now: at(day) });
const dept = (department: string, day: string) => ({
  actor: { actorId: department, role: 'department' as const, department },
  now: at(day),
});

function assigned(plan: Plan, code: string, day: string, acknowledgedBy: Array<[string, string]> = []): TaskRow {
  const row = newTaskRow(taskStreamId(plan.id, code))!;
  const { request } = assignmentDefaults(
    plan,
    plan.tasks.find((t) => t.code === code)!,
    day,
  );
  record(row, { type: 'AssignTask', data: request, metadata: office(day) });
  for (const [department, when] of acknowledgedBy)
    record(row, { type: 'AcknowledgeTask', data: {}, metadata: dept(department, when) });
  return row;
}

const rowsA = [
  assigned(A, 'A-10', '2023-03-01'), // 签收 by 03-06 (3 working days): 区城管局 never does
  assigned(A, 'C-5', '2023-03-01', [['区城管局', '2023-03-02']]), // 连云生态环境局 never does
  assigned(A, 'A-1', '2023-01-05', [['无废办', '2023-01-06']]),
];
record(rowsA[2]!, {
  type: 'ReportProgress',
  data: { percent: 30, text: '宣传方案已起草', difficulties: '无', nextSteps: '报批' },
  metadata: dept('无废办', '2023-04-01'),
});
const rowsB = [
  assigned(B, 'A-2', '2023-02-01', [['区城管局', '2023-02-02']]), // 签收 by 02-08 (5 working days)
  assigned(B, 'D-1', '2023-02-01', [['区卫健委', '2023-02-03']]),
];

function indicatorRow(plan: Plan, no: number, events: IndicatorEvent[]): IndicatorRow {
  const row = newIndicatorRow(indicatorStreamId(plan.id, String(no)))!;
  events.forEach((e, i) => applyToIndicator(row, event(row.streamId, BigInt(i), e.type, e.data, {})));
  return row;
}
const sorting = indicatorRow(A, 10, [
  {
    type: 'IndicatorReported',
    data: {
      indicatorId: '10',
      reportId: 'r1',
      period: '2023-Q1',
      department: '区城管局',
      value: { kind: 'number', value: 97, unit: '%' },
      source: '区城管局台账',
      evidence: [{ title: '2023年一季度分类覆盖台账', documentRef: '连城管〔2023〕1号' }],
      note: '',
      corrects: null,
      reportedAt: at('2023-04-01'),
    },
  },
  {
    type: 'IndicatorReportConfirmed',
    data: { reportId: 'r1', period: '2023-Q1', note: '', confirmedAt: at('2023-04-02') },
  },
]);

const district = (
  id: string,
  name: string,
  plan: Plan,
  rows: TaskRow[],
  indicators: IndicatorRow[],
): DistrictInput => ({
  organisation: { id, name },
  plan: { id: plan.id, title: plan.title, organisationName: plan.settings.organisation.name },
  items: fullBoard(plan.tasks, rows, TODAY, DEFAULT_LIGHT_RULES),
  rows,
  indicators: indicatorSummaries(indicatorDefinitions(plan), indicators, TODAY),
});
const CITY = { id: 'lyg', name: '连云港市', kind: 'city' };
const view = cityOverviewView(
  CITY,
  [district('lianyun', '连云区', A, rowsA, [sorting]), district('qinglan', '青岚区', B, rowsB, [])].map((d) =>
    districtSummary(d, TODAY),
  ),
  TODAY,
  null,
);

describe('the city overview', () => {
  it('counts each district’s tasks by light', () => {
    expect(view.districts.map((d) => [d.name, d.tasks])).toEqual([
      ['连云区', expect.objectContaining({ total: 34, assigned: 3, accepted: 0, red: 2, yellow: 0, green: 1 })],
      ['青岚区', expect.objectContaining({ total: 10, assigned: 2, accepted: 0, red: 2, yellow: 0, green: 0 })],
    ]);
  });

  it('counts overdue items by district, most first', () => {
    expect(view.overdueByDistrict.map((d) => [d.name, d.items, d.acknowledgements])).toEqual([
      ['青岚区', 3, 3],
      ['连云区', 2, 2],
    ]);
  });

  it('adds up the same kind of department across districts, naming each district’s own unit', () => {
    expect(view.overdueByDepartmentKind.map((k) => [k.kind, k.overdueItems])).toEqual([
      ['生态环境局', 2],
      ['城管局', 1],
      ['商务局', 1],
      ['住建局', 1],
    ]);
    expect(view.overdueByDepartmentKind[0]!.districts.map((d) => [d.name, d.department, d.items])).toEqual([
      ['连云区', '连云生态环境局', 1],
      ['青岚区', '青岚生态环境局', 1],
    ]);
    expect(view.departmentKindRule).toContain('单位类别');
  });

  it('ranks districts by shares, with the rule in the answer', () => {
    expect(view.ranking.rule).toContain('红灯任务占已交办任务的比例');
    expect(view.ranking.districts).toEqual([
      { rank: 1, organisationId: 'lianyun', name: '连云区', redShare: 0.667, overduePerTask: 0.667, completionRate: 0 },
      { rank: 2, organisationId: 'qinglan', name: '青岚区', redShare: 1, overduePerTask: 1.5, completionRate: 0 },
    ]);
    expect(view.districts.map((d) => d.rank)).toEqual([1, 2]);
  });

  it('sets the same indicator side by side, shared ones first', () => {
    expect(view.indicators).toHaveLength(50 + 6 - 5);
    expect(view.indicators.slice(0, 5).map((i) => i.districts.length)).toEqual([2, 2, 2, 2, 2]);
    const sortingRate = view.indicators.find((i) => i.name === '城市居民小区生活垃圾分类覆盖率')!;
    expect(sortingRate.units).toEqual(['%']);
    expect(sortingRate.districts).toEqual([
      expect.objectContaining({
        name: '连云区',
        indicatorId: '10',
        target: '100%',
        latest: { period: '2023-Q1', value: { kind: 'number', value: 97, unit: '%' } },
      }),
      expect.objectContaining({ name: '青岚区', indicatorId: '1', target: '100%', latest: null }),
    ]);
  });

  it('answers the day it judged on', () => {
    expect(view).toMatchObject({ organisation: CITY, asOf: TODAY, asOfRequested: null });
  });
});

describe('overdue items in one pass', () => {
  it.each([
    ['连云区', A, rowsA],
    ['青岚区', B, rowsB],
  ] as const)('equal each department’s accountability figures (%s)', (_, plan, rows) => {
    const overdue = overdueByDepartment(rows, TODAY);
    for (const department of plan.departments.map((d) => d.name)) {
      const f = accountabilityView(rows, department, TODAY, 30).figures;
      const o = overdue.get(department);
      expect([o?.items ?? 0, o?.acknowledgements ?? 0, o?.milestones ?? 0, o?.tasks ?? 0, o?.reports ?? 0]).toEqual([
        f.overdueItems,
        f.overdueAcknowledgements,
        f.milestonesOverdue,
        f.tasksOverdue,
        f.reportsOverdue,
      ]);
    }
  });
});

describe('department kinds', () => {
  it.each([
    ['连云生态环境局', '连云区', '生态环境局'],
    ['青岚生态环境局', '青岚区', '生态环境局'],
    ['区城管局', '连云区', '城管局'],
    ['连云区税务局', '连云区', '税务局'],
    ['无废办', '连云区', '无废办'],
    ['县住建局', '某某县', '住建局'],
    ['区', '连云区', '区'],
  ])('%s of %s is a %s', (name, organisation, kind) => {
    expect(departmentKind(name, organisation)).toBe(kind);
  });
});
