import { DomainError } from '../../shared/domain-error';
import type { TaskCommand, TaskCommandType } from '../task.commands';
import { decide } from '../task.decide';
import { TASK_ERRORS, type TaskErrorCode } from '../task.errors';
import type { TaskEvent } from '../task.events';
import { foldTask } from '../task.fold';
import { STATUS_LABELS, type TaskState, type TaskStatus } from '../task.state';
import { cooperatingOf, unacknowledged } from '../task.record';
import {
  acknowledged,
  assigned,
  ASSIGNED_AT,
  C2,
  C5,
  C5_IN,
  COMMERCE,
  dept,
  ECO,
  EVIDENCE,
  FINANCE,
  office,
  URBAN,
} from './task.fixtures';

/**
 * docs/task-state-machine.md's tables are rendered from the code by these functions, and a
 * test checks the document still contains them: the document cannot drift from the code.
 * Each cell: the command given by the actor entitled to it, with valid data, on C-5 (or C-2)
 * in that status → the status after it, or the error code.
 */
export type CommandFor = (state: TaskState) => TaskCommand;

const nextToAcknowledge = (state: TaskState, fallback: string) =>
  ('task' in state ? (unacknowledged(state.task)[0] ?? cooperatingOf(state.task)[0]) : undefined) ?? fallback;

export const DATED: Record<TaskCommandType, CommandFor> = {
  AssignTask: () => ({ type: 'AssignTask', data: C5, metadata: office(ASSIGNED_AT) }),
  CreateTask: () => ({ type: 'CreateTask', data: C5, metadata: office(ASSIGNED_AT) }),
  AcknowledgeTask: (s) => ({ type: 'AcknowledgeTask', data: {}, metadata: dept(nextToAcknowledge(s, ECO)) }),
  ReportProgress: () => ({
    type: 'ReportProgress',
    data: { percent: 40, text: '已完成方案编制', difficulties: '', nextSteps: '' },
    metadata: dept(ECO),
  }),
  SubmitPeriodicReport: () => ({
    type: 'SubmitPeriodicReport',
    data: { period: '2024-Q1', text: '一季度进展', difficulties: '', nextSteps: '' },
    metadata: dept(ECO),
  }),
  CompleteMilestone: () => ({
    type: 'CompleteMilestone',
    data: { milestoneId: 'm2', evidence: EVIDENCE },
    metadata: dept(ECO),
  }),
  ReopenMilestone: () => ({
    type: 'ReopenMilestone',
    data: { milestoneId: 'm1', reason: '佐证材料不全' },
    metadata: office(),
  }),
  AddMilestone: () => ({
    type: 'AddMilestone',
    data: {
      milestone: { milestoneId: 'm3', title: '开展收集试点', dueDate: '2024-09-30', owner: URBAN },
      reason: '细化节点',
    },
    metadata: office(),
  }),
  RemoveMilestone: () => ({
    type: 'RemoveMilestone',
    data: { milestoneId: 'm2', reason: '并入节点1' },
    metadata: office(),
  }),
  RequestSignOff: () => ({ type: 'RequestSignOff', data: {}, metadata: dept(ECO) }),
  SignOff: () => ({ type: 'SignOff', data: {}, metadata: dept(URBAN) }),
  ObjectToSignOff: () => ({ type: 'ObjectToSignOff', data: { reason: '收集点数量不足' }, metadata: dept(URBAN) }),
  AcceptTask: () => ({ type: 'AcceptTask', data: {}, metadata: office() }),
  ReturnTask: () => ({ type: 'ReturnTask', data: { reason: '佐证材料需补充' }, metadata: office() }),
  RequestExtension: () => ({
    type: 'RequestExtension',
    data: { extensionId: 'e2', target: { kind: 'task' }, newDueDate: '2025-03-31', reason: '选址调整' },
    metadata: dept(ECO),
  }),
  ApproveExtension: () => ({ type: 'ApproveExtension', data: { extensionId: 'e1' }, metadata: office() }),
  RejectExtension: () => ({
    type: 'RejectExtension',
    data: { extensionId: 'e1', reason: '理由不充分' },
    metadata: office(),
  }),
  ReassignTask: () => ({
    type: 'ReassignTask',
    data: {
      lead: [ECO],
      cooperating: [URBAN, COMMERCE],
      acknowledgeBy: '2024-04-02',
      reason: '增加区商务局配合回收网点建设',
    },
    metadata: office(),
  }),
  CancelTask: () => ({ type: 'CancelTask', data: { reason: '任务调整' }, metadata: office() }),
};

const COMMANDS = Object.keys(DATED) as TaskCommandType[];
const STATUSES = Object.keys(STATUS_LABELS) as TaskStatus[];

const ongoingIn: Partial<Record<TaskStatus, TaskEvent[]>> = (() => {
  const a = [assigned(C2)];
  const p = [...a, acknowledged(FINANCE, 'lead')];
  return {
    unassigned: [],
    assigned: a,
    in_progress: p,
    accepted: [
      ...p,
      { type: 'TaskAccepted', data: { closure: 'ongoing_closed', note: '', acceptedAt: '2025-12-31T17:00:00+08:00' } },
    ],
    cancelled: [
      ...a,
      {
        type: 'TaskCancelled',
        data: { reason: '任务调整', previousStatus: 'assigned', cancelledAt: '2024-01-10T09:00:00+08:00' },
      },
    ],
  };
})();

const ONGOING: Partial<Record<TaskCommandType, CommandFor>> = {
  AcknowledgeTask: () => ({ type: 'AcknowledgeTask', data: {}, metadata: dept(FINANCE) }),
  ReportProgress: () => ({
    type: 'ReportProgress',
    data: { percent: 30, text: '一季度新增绿色信贷', difficulties: '', nextSteps: '' },
    metadata: dept(FINANCE),
  }),
  SubmitPeriodicReport: () => ({
    type: 'SubmitPeriodicReport',
    data: { period: '2024-Q1', text: '一季度绿色信贷投放情况', difficulties: '', nextSteps: '' },
    metadata: dept(FINANCE),
  }),
  RequestSignOff: () => ({ type: 'RequestSignOff', data: {}, metadata: dept(FINANCE) }),
  AcceptTask: () => ({ type: 'AcceptTask', data: { note: '计划期末办结' }, metadata: office() }),
  ReturnTask: () => ({ type: 'ReturnTask', data: { reason: '需补充' }, metadata: office() }),
  RequestExtension: () => ({
    type: 'RequestExtension',
    data: { extensionId: 'e1', target: { kind: 'task' }, newDueDate: '2025-03-31', reason: '延期' },
    metadata: dept(FINANCE),
  }),
};

export function outcome(events: readonly TaskEvent[], command: CommandFor): string {
  const state = foldTask(events);
  try {
    const next = foldTask(decide(command(state), state), state);
    return `→ ${next.status}`;
  } catch (error) {
    if (error instanceof DomainError) return `\`${error.code}\``;
    throw error;
  }
}

function table(
  statuses: readonly TaskStatus[],
  commands: readonly TaskCommandType[],
  fixtures: Partial<Record<TaskStatus, TaskEvent[]>>,
  factories: Partial<Record<TaskCommandType, CommandFor>>,
): string {
  const header = `| command | ${statuses.map((s) => `${s} (${STATUS_LABELS[s]})`).join(' | ')} |`;
  const rule = `|---|${statuses.map(() => '---').join('|')}|`;
  const rows = commands.map(
    (c) => `| ${c} | ${statuses.map((s) => outcome(fixtures[s] ?? [], factories[c] as CommandFor)).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}

export function renderDatedTable(): string {
  return table(STATUSES, COMMANDS, C5_IN, DATED);
}

export function renderOngoingTable(): string {
  return table(
    ['unassigned', 'assigned', 'in_progress', 'accepted', 'cancelled'],
    Object.keys(ONGOING) as TaskCommandType[],
    ongoingIn,
    ONGOING,
  );
}

export function renderErrorTable(): string {
  const rows = (Object.entries(TASK_ERRORS) as [TaskErrorCode, readonly [string, string]][]).map(
    ([code, [kind, message]]) => `| \`${code}\` | ${kind} | ${message} |`,
  );
  return ['| code | kind | message |', '|---|---|---|', ...rows].join('\n');
}
