import type { CommandMetadata } from '../shared/message';
import { shanghaiDay, type LocalDate } from '../shared/local-date';
import { taskError } from './task.errors';
import { isOpen, type OpenTaskState, type TaskState } from './task.state';
import { unacknowledged, type MilestoneState, type Part, type TaskRecord } from './task.record';

/**
 * The checks every decision starts with, always in this order so a refusal is predictable:
 * who may act (403) → is the task open (409) → is the department part of it (403) → the
 * status the command needs (409) → then the command's content: what it names (404, or 409
 * when it names something already done) and its values (400).
 */

export function today(metadata: CommandMetadata): LocalDate {
  const day = shanghaiDay(metadata.now);
  if (!day) throw taskError('TASK.INVALID_TIME', { now: metadata.now });
  return day;
}

export function requireOffice(metadata: CommandMetadata): void {
  if (metadata.actor.role !== 'office') throw taskError('TASK.OFFICE_ONLY', { role: metadata.actor.role });
}

/** The department the actor acts for; office, leaders, admins and the system never act for one. */
export function actingDepartment(metadata: CommandMetadata): string {
  const { role, department } = metadata.actor;
  if (role !== 'department' || !department?.trim()) throw taskError('TASK.DEPARTMENT_ONLY', { role });
  return department;
}

export function requireOpen(state: TaskState): OpenTaskState {
  if (state.status === 'unassigned') throw taskError('TASK.NOT_ASSIGNED');
  if (!isOpen(state)) throw taskError('TASK.CLOSED', { status: state.status });
  return state;
}

export function requirePart(task: TaskRecord, department: string): Part {
  const part = task.parts.get(department);
  if (!part) throw taskError('TASK.DEPARTMENT_NOT_ASSIGNED', { department });
  return part;
}

export function requireLead(task: TaskRecord, department: string): Part {
  const part = requirePart(task, department);
  if (part.role !== 'lead') throw taskError('TASK.NOT_LEAD', { department });
  return part;
}

export function requireAcknowledged(part: Part, department: string): void {
  if (!part.acknowledged)
    throw taskError('TASK.DEPARTMENT_NOT_ACKNOWLEDGED', { department, acknowledgeBy: part.acknowledgeBy });
}

/** Work happens only in progress: before, a lead has not acknowledged; after, the result is being signed. */
export function requireInProgress(state: OpenTaskState): void {
  if (state.status === 'assigned')
    throw taskError('TASK.NOT_ACKNOWLEDGED', { pending: unacknowledged(state.task, 'lead') });
  if (state.status !== 'in_progress') throw taskError('TASK.NOT_IN_PROGRESS', { status: state.status });
}

/** Before the sign-off round: assigned or in progress. */
export function requireBeforeSignOff(state: OpenTaskState): void {
  if (state.status === 'sign_off_requested' || state.status === 'awaiting_acceptance') {
    throw taskError('TASK.NOT_IN_PROGRESS', { status: state.status });
  }
}

export function requireMilestone(task: TaskRecord, milestoneId: string): MilestoneState {
  const milestone = task.milestones.get(milestoneId);
  if (!milestone) throw taskError('TASK.MILESTONE_NOT_FOUND', { milestoneId });
  return milestone;
}

export function requireReason(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim() === '') throw taskError('TASK.REASON_REQUIRED');
  return reason.trim();
}

export function requireText(text: unknown, field: string): string {
  if (typeof text !== 'string' || text.trim() === '') throw taskError('TASK.TEXT_REQUIRED', { field });
  return text.trim();
}

/** Optional free text (difficulties, notes): absent means empty. */
export function optionalText(text: unknown): string {
  return typeof text === 'string' ? text.trim() : '';
}

/** Did a sign-off round exist? Office changes made during it void it (see task.state.ts). */
export function voidsSignOff(state: OpenTaskState): boolean {
  return state.status === 'sign_off_requested' || state.status === 'awaiting_acceptance';
}
