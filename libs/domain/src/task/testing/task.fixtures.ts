import { BUNDLED_ECOLOGY_BUREAU, bundledPlan } from '../../../../plan/src/testing/fixture-plans';
import type { CommandMetadata, Role } from '../../shared/message';
import { specFor } from '../../testing/given-when-then';
import type { AssignmentRequest, TaskCommand } from '../task.commands';
import { decide } from '../task.decide';
import type { Evidence, PartRole, TaskEvent, TaskFacts } from '../task.events';
import { evolve, initialTaskState } from '../task.state';

/** Departments and tasks of the bundled plan, as the tests use them. */
export const PLAN_ID = bundledPlan().id;
export const ECO = BUNDLED_ECOLOGY_BUREAU;
export const URBAN = '区城管局';
export const COMMERCE = '区商务局';
export const TECH = '区科技局';
export const ECON = '区经发局';
export const FINANCE = '区财政局';

export const ASSIGNED_AT = '2024-01-02T09:00:00+08:00';
/** The day most commands are given: late March, mid first quarter's reporting. */
export const NOW = '2024-03-28T10:00:00+08:00';

export const given = specFor<TaskCommand, TaskEvent, ReturnType<typeof initialTaskState>>({
  decide,
  evolve,
  initialState: initialTaskState,
});

export function metaOf(role: Role, department?: string, now = NOW): CommandMetadata {
  return { actor: { actorId: `${role}-${department ?? 'user'}`, role, ...(department ? { department } : {}) }, now };
}
export const office = (now = NOW) => metaOf('office', '无废办', now);
export const dept = (department: string, now = NOW) => metaOf('department', department, now);

const facts = (code: string, system: string, area: string, text: string, window: string): TaskFacts => ({
  planId: PLAN_ID,
  code,
  title: text,
  text,
  system,
  area,
  window,
  ongoing: window === '持续开展',
});

/** C-5 社会源危险废物回收体系建设 (2024): the ecology bureau (ECO) leads, 区城管局 cooperates. */
export const C5: AssignmentRequest = {
  facts: facts('C-5', '市场体系建设', '体系建设', '社会源危险废物回收体系建设', '2024'),
  lead: [ECO],
  cooperating: [URBAN],
  dueDate: '2024-12-31',
  milestones: [
    { milestoneId: 'm1', title: '制定社会源危险废物收集方案', dueDate: '2024-06-30', owner: ECO },
    { milestoneId: 'm2', title: '建成小微企业危险废物收集点', dueDate: '2024-10-31', owner: URBAN },
  ],
  acknowledgeBy: '2024-01-05',
};

/** B-1 探索一般工业固体废物资源化利用技术及工艺 (2023-2025): two leads, assigned in 2024. */
export const B1: AssignmentRequest = {
  facts: facts('B-1', '技术体系建设', '技术研究及应用', '探索一般工业固体废物资源化利用技术及工艺', '2023-2025'),
  lead: [TECH, ECON],
  cooperating: [],
  dueDate: '2025-12-31',
  milestones: [
    { milestoneId: 'b1-2024', title: '2024年度资源化利用技术研究', dueDate: '2024-12-31', owner: TECH },
    { milestoneId: 'b1-2025', title: '2025年度技术及工艺推广应用', dueDate: '2025-12-31', owner: ECON },
  ],
  acknowledgeBy: '2024-01-05',
};

/** C-2 推进绿色信贷投放 (持续开展): ongoing, 区财政局 alone, quarterly reports. */
export const C2: AssignmentRequest = {
  facts: facts(
    'C-2',
    '市场体系建设',
    '金融调控',
    '推进绿色信贷投放，加大“无废城市”工程项目建设金融支持力度',
    '持续开展',
  ),
  lead: [FINANCE],
  cooperating: [],
  dueDate: null,
  milestones: [],
  acknowledgeBy: '2024-01-05',
};

export function assigned(request: AssignmentRequest, assignedAt = ASSIGNED_AT): TaskEvent {
  const reporting = request.facts.ongoing ? (request.reporting ?? 'quarterly') : null;
  const { reporting: _, ...rest } = request;
  return { type: 'TaskAssigned', data: { ...rest, reporting, assignedAt, source: 'plan' } };
}

export function acknowledged(
  department: string,
  role: PartRole,
  at = '2024-01-03T09:00:00+08:00',
  late = false,
): TaskEvent {
  return {
    type: 'TaskAcknowledged',
    data: { department, role, acknowledgeBy: '2024-01-05', acknowledgedAt: at, late },
  };
}

export const EVIDENCE: Evidence[] = [
  { title: '区社会源危险废物收集方案（印发稿）', documentRef: '连环发〔2024〕12号' },
  { title: '收集点验收照片', url: 'https://files.example.gov.cn/c5/photos.zip', sha256: 'a'.repeat(64) },
];

export function completed(
  milestoneId: string,
  title: string,
  department: string,
  dueDate: string,
  at = '2024-03-20T16:00:00+08:00',
): TaskEvent {
  return {
    type: 'MilestoneCompleted',
    data: { milestoneId, title, department, evidence: EVIDENCE, note: '', dueDate, late: false, completedAt: at },
  };
}

export const M1 = C5.milestones[0]!;
export const M2 = C5.milestones[1]!;

export const extensionRequested: TaskEvent = {
  type: 'ExtensionRequested',
  data: {
    extensionId: 'e1',
    department: ECO,
    target: { kind: 'milestone', milestoneId: 'm2' },
    reason: '收集点选址需重新论证',
    currentDueDate: '2024-10-31',
    newDueDate: '2024-12-15',
    requestedAt: '2024-03-25T09:00:00+08:00',
  },
};

/** C-5 in each status, the way a real stream gets there. */
export const C5_IN = (() => {
  const assignedOnly = [assigned(C5)];
  const inProgress = [
    ...assignedOnly,
    acknowledged(ECO, 'lead'),
    completed('m1', M1.title, ECO, M1.dueDate),
    extensionRequested,
  ];
  const signOffRequested = [
    ...inProgress,
    acknowledged(URBAN, 'cooperating', '2024-01-04T09:00:00+08:00'),
    completed('m2', M2.title, URBAN, M2.dueDate, '2024-03-26T10:00:00+08:00'),
    {
      type: 'SignOffRequested',
      data: { department: ECO, note: '', awaiting: [URBAN], requestedAt: '2024-03-27T09:00:00+08:00' },
    },
  ] satisfies TaskEvent[];
  const awaitingAcceptance = [
    ...signOffRequested,
    { type: 'SignedOff', data: { department: URBAN, note: '', remaining: [], signedAt: '2024-03-27T15:00:00+08:00' } },
  ] satisfies TaskEvent[];
  return {
    unassigned: [] as TaskEvent[],
    assigned: assignedOnly,
    in_progress: inProgress,
    sign_off_requested: signOffRequested,
    awaiting_acceptance: awaitingAcceptance,
    accepted: [
      ...awaitingAcceptance,
      { type: 'TaskAccepted', data: { closure: 'completed', note: '', acceptedAt: '2024-03-27T17:00:00+08:00' } },
    ],
    cancelled: [
      ...assignedOnly,
      {
        type: 'TaskCancelled',
        data: { reason: '并入C-4统筹推进', previousStatus: 'assigned', cancelledAt: '2024-01-10T09:00:00+08:00' },
      },
    ],
  } satisfies Record<string, TaskEvent[]>;
})();
