import { isAfter } from '../shared/local-date';
import {
  actingDepartment,
  optionalText,
  requireAcknowledged,
  requireBeforeSignOff,
  requireLead,
  requireMilestone,
  requireOffice,
  requireOpen,
  requireReason,
  requireText,
  today,
} from './decide.guards';
import type { ApproveExtension, RejectExtension, RequestExtension, TaskDecisions } from './task.commands';
import { taskError } from './task.errors';
import type { ExtensionTarget, TaskEvent } from './task.events';
import { dueDateOf, type ExtensionState, type TaskRecord } from './task.record';
import type { TaskState } from './task.state';
import { requireDate } from './task.validate';

/**
 * 延期申请: the lead asks before the deadline passes (on the due day itself is still in time:
 * due dates are inclusive); the office decides. The first deadline stays on record
 * (`originalDueDate`), and so does every request with its decision.
 */
export function requestExtension(command: RequestExtension, state: TaskState): TaskEvent[] {
  const department = actingDepartment(command.metadata);
  const day = today(command.metadata);
  const open = requireOpen(state);
  const { task } = open;
  const part = requireLead(task, department);
  requireBeforeSignOff(open);
  requireAcknowledged(part, department);
  const { target } = command.data;
  const extensionId = requireText(command.data.extensionId, 'extensionId');
  if (task.extensions.has(extensionId)) throw taskError('TASK.EXTENSION_ALREADY_EXISTS', { extensionId });
  const currentDueDate = currentDue(task, target);
  const pending = [...task.extensions.values()].find((e) => e.status === 'pending' && sameTarget(e.target, target));
  if (pending) throw taskError('TASK.EXTENSION_PENDING', { extensionId: pending.extensionId });
  if (isAfter(day, currentDueDate))
    throw taskError('TASK.EXTENSION_AFTER_DUE', { dueDate: currentDueDate, today: day });
  const newDueDate = requireDate(command.data.newDueDate, 'newDueDate');
  if (!isAfter(newDueDate, currentDueDate)) throw taskError('TASK.EXTENSION_NOT_LATER', { currentDueDate, newDueDate });
  if (target.kind === 'milestone' && task.dueDate !== null && isAfter(newDueDate, task.dueDate)) {
    // A milestone may not outlive its task: the lead extends the task first.
    throw taskError('TASK.MILESTONE_AFTER_DUE', {
      milestoneId: target.milestoneId,
      dueDate: newDueDate,
      taskDueDate: task.dueDate,
    });
  }
  const reason = requireReason(command.data.reason);
  const data = {
    extensionId,
    department,
    target: copyTarget(target),
    reason,
    currentDueDate,
    newDueDate,
    requestedAt: command.metadata.now,
  };
  return [{ type: 'ExtensionRequested', data }];
}

function currentDue(task: TaskRecord, target: ExtensionTarget) {
  if (target.kind === 'milestone') {
    const milestone = requireMilestone(task, target.milestoneId);
    if (milestone.completion) throw taskError('TASK.MILESTONE_ALREADY_COMPLETED', { milestoneId: target.milestoneId });
    return milestone.dueDate;
  }
  if (task.dueDate === null) throw taskError('TASK.NO_DUE_DATE', { code: task.facts.code });
  return task.dueDate;
}

function sameTarget(a: ExtensionTarget, b: ExtensionTarget): boolean {
  return a.kind === 'task' ? b.kind === 'task' : b.kind === 'milestone' && a.milestoneId === b.milestoneId;
}

function copyTarget(target: ExtensionTarget): ExtensionTarget {
  return target.kind === 'task' ? { kind: 'task' } : { kind: 'milestone', milestoneId: target.milestoneId };
}

function pendingExtension(
  command: ApproveExtension | RejectExtension,
  state: TaskState,
): { task: TaskRecord; extension: ExtensionState } {
  requireOffice(command.metadata);
  today(command.metadata);
  const { task } = requireOpen(state);
  const extension = task.extensions.get(command.data.extensionId);
  if (!extension) throw taskError('TASK.EXTENSION_NOT_FOUND', { extensionId: command.data.extensionId });
  if (extension.status !== 'pending')
    throw taskError('TASK.EXTENSION_ALREADY_DECIDED', { extensionId: extension.extensionId, status: extension.status });
  return { task, extension };
}

/** Decisions may come after the old deadline: the office's delay must not count against the department. */
export function approveExtension(command: ApproveExtension, state: TaskState): TaskEvent[] {
  const { task, extension } = pendingExtension(command, state);
  const { extensionId, target, newDueDate } = extension;
  const previousDueDate = dueDateOf(task, target) ?? extension.previousDueDate;
  const data = {
    extensionId,
    target,
    previousDueDate,
    newDueDate,
    note: optionalText(command.data.note),
    approvedAt: command.metadata.now,
  };
  return [{ type: 'ExtensionApproved', data }];
}

export function rejectExtension(command: RejectExtension, state: TaskState): TaskEvent[] {
  const { extension } = pendingExtension(command, state);
  const reason = requireReason(command.data.reason);
  return [
    {
      type: 'ExtensionRejected',
      data: { extensionId: extension.extensionId, target: extension.target, reason, rejectedAt: command.metadata.now },
    },
  ];
}

/** 延期: requested by the lead, approved or rejected by the office. By command type; task.decide.ts assembles every group. */
export const EXTENSION_DECISIONS = {
  RequestExtension: requestExtension,
  ApproveExtension: approveExtension,
  RejectExtension: rejectExtension,
} satisfies TaskDecisions;
