import {
  actingDepartment,
  optionalText,
  requireInProgress,
  requireLead,
  requireOffice,
  requireOpen,
  requirePart,
  requireReason,
  today,
} from './decide.guards';
import type { AcceptTask, ObjectToSignOff, RequestSignOff, ReturnTask, SignOff, TaskDecisions } from './task.commands';
import { taskError } from './task.errors';
import type { TaskEvent } from './task.events';
import { cooperatingOf, openMilestones, unacknowledged } from './task.record';
import type { OpenTaskState, TaskState } from './task.state';

/**
 * 会签 and 办结. The lead asks once every milestone is complete; each cooperating department
 * signs or objects; then the office accepts or returns. A department that never acknowledged
 * its part cannot sign for it, so the lead may ask only once every department has
 * acknowledged (the office drops an unresponsive department by reassigning).
 */
export function requestSignOff(command: RequestSignOff, state: TaskState): TaskEvent[] {
  const department = actingDepartment(command.metadata);
  today(command.metadata);
  const open = requireOpen(state);
  const { task } = open;
  requireLead(task, department);
  if (task.facts.ongoing) throw taskError('TASK.ONGOING_NO_SIGN_OFF', { code: task.facts.code });
  requireInProgress(open);
  const incomplete = openMilestones(task);
  if (incomplete.length > 0) throw taskError('TASK.MILESTONES_INCOMPLETE', { milestoneIds: incomplete });
  const pending = unacknowledged(task);
  if (pending.length > 0) throw taskError('TASK.NOT_ACKNOWLEDGED', { pending });
  const data = {
    department,
    note: optionalText(command.data.note),
    awaiting: cooperatingOf(task),
    requestedAt: command.metadata.now,
  };
  return [{ type: 'SignOffRequested', data }];
}

function signingDepartment(command: SignOff | ObjectToSignOff, state: TaskState) {
  const department = actingDepartment(command.metadata);
  today(command.metadata);
  const open = requireOpen(state);
  const part = requirePart(open.task, department);
  if (part.role !== 'cooperating') throw taskError('TASK.NOT_COOPERATING', { department });
  if (open.status !== 'sign_off_requested') throw taskError('TASK.NOT_AWAITING_SIGN_OFF', { status: open.status });
  if (!open.signOff.awaiting.includes(department)) throw taskError('TASK.NOT_COOPERATING', { department });
  if (open.signOff.signed.has(department)) throw taskError('TASK.ALREADY_SIGNED_OFF', { department });
  const remaining = open.signOff.awaiting.filter((d) => d !== department && !open.signOff.signed.has(d));
  return { department, remaining };
}

export function signOff(command: SignOff, state: TaskState): TaskEvent[] {
  const { department, remaining } = signingDepartment(command, state);
  const data = { department, note: optionalText(command.data.note), remaining, signedAt: command.metadata.now };
  return [{ type: 'SignedOff', data }];
}

/** An objection sends the task back to work; the lead asks again once it is answered. */
export function objectToSignOff(command: ObjectToSignOff, state: TaskState): TaskEvent[] {
  const { department } = signingDepartment(command, state);
  const reason = requireReason(command.data.reason);
  return [{ type: 'SignOffObjected', data: { department, reason, objectedAt: command.metadata.now } }];
}

function requireAwaitingAcceptance(open: OpenTaskState): void {
  if (open.status === 'sign_off_requested') {
    const pending = open.signOff.awaiting.filter((d) => !open.signOff.signed.has(d));
    throw taskError('TASK.SIGN_OFF_INCOMPLETE', { pending });
  }
  if (open.status !== 'awaiting_acceptance') throw taskError('TASK.NOT_AWAITING_ACCEPTANCE', { status: open.status });
}

/**
 * 办结. An ongoing task has no completion to sign: the office closes it from `in_progress`
 * (at the end of the plan period, when the application offers it), provided its milestones,
 * if it has any, are complete. Every other task is accepted after its sign-off round.
 */
export function acceptTask(command: AcceptTask, state: TaskState): TaskEvent[] {
  requireOffice(command.metadata);
  today(command.metadata);
  const open = requireOpen(state);
  const note = optionalText(command.data.note);
  if (open.task.facts.ongoing) {
    requireInProgress(open);
    const incomplete = openMilestones(open.task);
    if (incomplete.length > 0) throw taskError('TASK.MILESTONES_INCOMPLETE', { milestoneIds: incomplete });
    return [{ type: 'TaskAccepted', data: { closure: 'ongoing_closed', note, acceptedAt: command.metadata.now } }];
  }
  requireAwaitingAcceptance(open);
  return [{ type: 'TaskAccepted', data: { closure: 'completed', note, acceptedAt: command.metadata.now } }];
}

/** 退回: back to work; milestones stay complete unless the office also reopens them. */
export function returnTask(command: ReturnTask, state: TaskState): TaskEvent[] {
  requireOffice(command.metadata);
  today(command.metadata);
  const open = requireOpen(state);
  requireAwaitingAcceptance(open);
  const reason = requireReason(command.data.reason);
  return [{ type: 'TaskReturned', data: { reason, returnedAt: command.metadata.now } }];
}

/** How a task closes: 会签, objections, 办结 and 退回. By command type; task.decide.ts assembles every group. */
export const SIGN_OFF_DECISIONS = {
  RequestSignOff: requestSignOff,
  SignOff: signOff,
  ObjectToSignOff: objectToSignOff,
  AcceptTask: acceptTask,
  ReturnTask: returnTask,
} satisfies TaskDecisions;
