import type { Instant } from '../shared/local-date';
import type { PartRole, TaskEvent } from './task.events';
import {
  recordOf,
  reassigned,
  withDueDate,
  withExtension,
  withMilestone,
  withoutMilestone,
  withPart,
  workStatus,
  type ExtensionState,
  type TaskRecord,
} from './task.record';

export type { ExtensionState, MilestoneState, Part, TaskRecord } from './task.record';

/**
 * A task's workflow state, keyed on `status`. The data each status needs is only present
 * there: a sign-off round exists only while signing or awaiting acceptance, so "who still has
 * to sign" can never be read in a state where the question makes no sense.
 */
export interface SignOffRound {
  readonly requestedBy: string;
  readonly requestedAt: Instant;
  readonly awaiting: readonly string[];
  readonly signed: ReadonlyMap<string, Instant>;
}

export type TaskState =
  | { readonly status: 'unassigned' }
  /** assigned: waiting for every lead's acknowledgement (签收). */
  | { readonly status: 'assigned' | 'in_progress'; readonly task: TaskRecord }
  | {
      readonly status: 'sign_off_requested' | 'awaiting_acceptance';
      readonly task: TaskRecord;
      readonly signOff: SignOffRound;
    }
  | {
      readonly status: 'accepted';
      readonly task: TaskRecord;
      readonly acceptance: {
        readonly closure: 'completed' | 'ongoing_closed';
        readonly note: string;
        readonly acceptedAt: Instant;
      };
    }
  | {
      readonly status: 'cancelled';
      readonly task: TaskRecord;
      readonly cancellation: {
        readonly reason: string;
        readonly previousStatus: OpenStatus;
        readonly cancelledAt: Instant;
      };
    };

export type TaskStatus = TaskState['status'];
export type OpenTaskState = Extract<TaskState, { status: OpenStatus }>;
export type OpenStatus = 'assigned' | 'in_progress' | 'sign_off_requested' | 'awaiting_acceptance';
export const OPEN_STATUSES: readonly OpenStatus[] = [
  'assigned',
  'in_progress',
  'sign_off_requested',
  'awaiting_acceptance',
];

export const STATUS_LABELS = {
  unassigned: '待交办',
  assigned: '待签收',
  in_progress: '办理中',
  sign_off_requested: '会签中',
  awaiting_acceptance: '待办结',
  accepted: '已办结',
  cancelled: '已撤销',
} as const satisfies Record<TaskStatus, string>;

export const PART_ROLE_LABELS = { lead: '牵头', cooperating: '配合' } as const satisfies Record<PartRole, string>;

export const EXTENSION_STATUS_LABELS = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  withdrawn: '已撤回',
} as const satisfies Record<ExtensionState['status'], string>;

export function initialTaskState(): TaskState {
  return { status: 'unassigned' };
}

export function isOpen(state: TaskState): state is OpenTaskState {
  return (OPEN_STATUSES as readonly string[]).includes(state.status);
}

/** Events only ever follow decisions taken on an open task; anything else leaves the state as it is. */
function onOpen(state: TaskState, next: (open: OpenTaskState) => TaskState): TaskState {
  return isOpen(state) ? next(state) : state;
}

function withTask(state: TaskState, update: (task: TaskRecord) => TaskRecord): TaskState {
  return onOpen(state, (open) => ({ ...open, task: update(open.task) }));
}

/**
 * Back to work, dropping any sign-off round: what was signed has changed (or was refused),
 * so signatures given so far no longer apply. A lead new to the task makes it `assigned` again.
 */
function backToWork(state: TaskState, update: (task: TaskRecord) => TaskRecord = (t) => t): TaskState {
  return onOpen(state, (open) => {
    const task = update(open.task);
    return { status: workStatus(task), task };
  });
}

export function evolve(state: TaskState, event: TaskEvent): TaskState {
  switch (event.type) {
    case 'TaskAssigned':
    case 'TaskCreated': {
      if (state.status !== 'unassigned') return state;
      const task = recordOf(event.data, event.data.source);
      return { status: workStatus(task), task };
    }
    case 'TaskAcknowledged': {
      const { department, acknowledgedAt: at, late } = event.data;
      const acknowledge = (task: TaskRecord) =>
        withPart(task, department, (part) => ({ ...part, acknowledged: { at, late } }));
      return state.status === 'assigned' ? backToWork(state, acknowledge) : withTask(state, acknowledge);
    }
    case 'ProgressReported': {
      const { department, percent, reportedAt } = event.data;
      return withTask(state, (task) => ({
        ...task,
        progress: new Map(task.progress).set(department, { percent, reportedAt }),
      }));
    }
    case 'PeriodicReportSubmitted': {
      const { period, department } = event.data;
      return withTask(state, (task) => {
        const reported = [...(task.periodicReports.get(period) ?? []), department];
        return { ...task, periodicReports: new Map(task.periodicReports).set(period, reported) };
      });
    }
    case 'MilestoneCompleted': {
      const { milestoneId, department, evidence, note, late, completedAt: at } = event.data;
      return withTask(state, (task) =>
        withMilestone(task, milestoneId, (m) => ({ ...m, completion: { department, evidence, note, late, at } })),
      );
    }
    case 'MilestoneReopened':
      return backToWork(state, (task) =>
        withMilestone(task, event.data.milestoneId, ({ completion: _, ...open }) => open),
      );
    case 'MilestoneAdded': {
      const { milestone } = event.data;
      return backToWork(state, (task) => ({
        ...task,
        milestones: new Map(task.milestones).set(milestone.milestoneId, {
          ...milestone,
          originalDueDate: milestone.dueDate,
        }),
      }));
    }
    case 'MilestoneRemoved':
      return backToWork(state, (task) =>
        withoutMilestone(task, event.data.milestoneId, event.data.withdrawnExtensionIds),
      );
    case 'SignOffRequested': {
      const { department: requestedBy, requestedAt, awaiting } = event.data;
      if (state.status !== 'in_progress') return state;
      const signOff: SignOffRound = { requestedBy, requestedAt, awaiting, signed: new Map() };
      return { status: awaiting.length > 0 ? 'sign_off_requested' : 'awaiting_acceptance', task: state.task, signOff };
    }
    case 'SignedOff': {
      if (state.status !== 'sign_off_requested') return state;
      const signOff = {
        ...state.signOff,
        signed: new Map(state.signOff.signed).set(event.data.department, event.data.signedAt),
      };
      return {
        ...state,
        status: event.data.remaining.length > 0 ? 'sign_off_requested' : 'awaiting_acceptance',
        signOff,
      };
    }
    case 'SignOffObjected':
    case 'TaskReturned':
      return backToWork(state);
    case 'TaskAccepted': {
      const { closure, note, acceptedAt } = event.data;
      return onOpen(state, ({ task }) => ({ status: 'accepted', task, acceptance: { closure, note, acceptedAt } }));
    }
    case 'ExtensionRequested': {
      const {
        extensionId,
        target,
        department: requestedBy,
        reason,
        currentDueDate,
        newDueDate,
        requestedAt,
      } = event.data;
      return withTask(state, (task) => ({
        ...task,
        extensions: new Map(task.extensions).set(extensionId, {
          extensionId,
          target,
          requestedBy,
          reason,
          previousDueDate: currentDueDate,
          newDueDate,
          requestedAt,
          status: 'pending',
        }),
      }));
    }
    case 'ExtensionApproved': {
      const { extensionId, target, newDueDate, note, approvedAt: at } = event.data;
      return withTask(state, (task) =>
        withDueDate(
          withExtension(task, extensionId, (e) => ({ ...e, status: 'approved', decision: { at, note } })),
          target,
          newDueDate,
        ),
      );
    }
    case 'ExtensionRejected': {
      const { extensionId, reason: note, rejectedAt: at } = event.data;
      return withTask(state, (task) =>
        withExtension(task, extensionId, (e) => ({ ...e, status: 'rejected', decision: { at, note } })),
      );
    }
    case 'TaskReassigned':
      return backToWork(state, (task) => reassigned(task, event.data));
    case 'TaskCancelled': {
      const { reason, previousStatus, cancelledAt } = event.data;
      return onOpen(state, ({ task }) => ({
        status: 'cancelled',
        task,
        cancellation: { reason, previousStatus, cancelledAt },
      }));
    }
    case 'ReminderSent':
    case 'EscalationSent':
    case 'ReminderFailed':
      // A delivery is a record of what was said about the task; the work stands as it was.
      return state;
    default: {
      const never: never = event;
      throw new Error(`unknown task event ${JSON.stringify(never)}`);
    }
  }
}
