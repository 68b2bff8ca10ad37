import { isAfter } from '../shared/local-date';
import {
  actingDepartment,
  requireOffice,
  requireOpen,
  requirePart,
  requireReason,
  today,
  voidsSignOff,
} from './decide.guards';
import type { AcknowledgeTask, AssignTask, CancelTask, CreateTask, ReassignTask, TaskDecisions } from './task.commands';
import { taskError } from './task.errors';
import type { MilestoneTransfer, TaskEvent } from './task.events';
import { cooperatingOf, leadsOf } from './task.record';
import type { TaskState } from './task.state';
import { requireAssignment, requireDate, requireDepartments, requireNotPast } from './task.validate';

/** 交办 from the plan's appendix, or a task the office adds (source: office). */
export function assign(command: AssignTask | CreateTask, state: TaskState): TaskEvent[] {
  requireOffice(command.metadata);
  const day = today(command.metadata);
  if (state.status === 'accepted' || state.status === 'cancelled')
    throw taskError('TASK.CLOSED', { status: state.status });
  if (state.status !== 'unassigned') throw taskError('TASK.ALREADY_ASSIGNED', { status: state.status });
  const data = { ...requireAssignment(command.data, day), assignedAt: command.metadata.now };
  return command.type === 'AssignTask'
    ? [{ type: 'TaskAssigned', data: { ...data, source: 'plan' } }]
    : [{ type: 'TaskCreated', data: { ...data, source: 'office' } }];
}

/** 签收. Late acknowledgements are accepted and marked, so assessments can count them. */
export function acknowledge(command: AcknowledgeTask, state: TaskState): TaskEvent[] {
  const department = actingDepartment(command.metadata);
  const day = today(command.metadata);
  const { task } = requireOpen(state);
  const part = requirePart(task, department);
  if (part.acknowledged)
    throw taskError('TASK.ALREADY_ACKNOWLEDGED', { department, acknowledgedAt: part.acknowledged.at });
  const { role, acknowledgeBy } = part;
  const late = isAfter(day, acknowledgeBy);
  return [
    { type: 'TaskAcknowledged', data: { department, role, acknowledgeBy, acknowledgedAt: command.metadata.now, late } },
  ];
}

/**
 * 改派. Departments that stay keep their acknowledgement; new ones must acknowledge by the
 * new deadline (and a new lead makes the task `assigned` again until it does). Milestones of
 * departments that leave go to the owner the office names, else to the first lead: a
 * milestone without an owner would be nobody's to complete (the office may name new owners
 * for other milestones in the same step). Their completion records keep
 * the department that delivered them.
 */
export function reassign(command: ReassignTask, state: TaskState): TaskEvent[] {
  requireOffice(command.metadata);
  const day = today(command.metadata);
  const open = requireOpen(state);
  const { task } = open;
  const { lead, cooperating } = requireDepartments(command.data.lead, command.data.cooperating);
  const reason = requireReason(command.data.reason);
  const acknowledgeBy = requireDate(command.data.acknowledgeBy, 'acknowledgeBy');
  requireNotPast(acknowledgeBy, day, 'acknowledgeBy');
  const previous = { lead: leadsOf(task), cooperating: cooperatingOf(task) };
  const assigned = new Set([...lead, ...cooperating]);
  const added = [...assigned].filter((d) => !task.parts.has(d));
  const removed = [...task.parts.keys()].filter((d) => !assigned.has(d));
  const sameRoles = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((d) => b.includes(d));
  if (sameRoles(lead, previous.lead) && sameRoles(cooperating, previous.cooperating))
    throw taskError('TASK.REASSIGNMENT_UNCHANGED');

  const owners = command.data.milestoneOwners ?? {};
  for (const [milestoneId, owner] of Object.entries(owners)) {
    if (!task.milestones.has(milestoneId)) throw taskError('TASK.MILESTONE_NOT_FOUND', { milestoneId });
    if (!assigned.has(owner)) throw taskError('TASK.MILESTONE_OWNER_NOT_ASSIGNED', { milestoneId, owner });
  }
  const milestoneTransfers: MilestoneTransfer[] = [...task.milestones.values()]
    .map((m) => ({
      milestoneId: m.milestoneId,
      from: m.owner,
      to: owners[m.milestoneId] ?? (assigned.has(m.owner) ? m.owner : (lead[0] as string)),
    }))
    .filter((t) => t.to !== t.from);
  return [
    {
      type: 'TaskReassigned',
      data: {
        previous,
        lead,
        cooperating,
        added,
        removed,
        acknowledgeBy,
        milestoneTransfers,
        reason,
        reassignedAt: command.metadata.now,
        signOffVoided: voidsSignOff(open),
      },
    },
  ];
}

/** 撤销: any open task; what was done stays in the stream. */
export function cancel(command: CancelTask, state: TaskState): TaskEvent[] {
  requireOffice(command.metadata);
  today(command.metadata);
  const open = requireOpen(state);
  const reason = requireReason(command.data.reason);
  return [{ type: 'TaskCancelled', data: { reason, previousStatus: open.status, cancelledAt: command.metadata.now } }];
}

/** The office puts a task in departments' hands (交办), changes them (改派) or cancels it; a department acknowledges (签收). By command type; task.decide.ts assembles every group. */
export const ASSIGNMENT_DECISIONS = {
  AssignTask: assign,
  CreateTask: assign,
  AcknowledgeTask: acknowledge,
  ReassignTask: reassign,
  CancelTask: cancel,
} satisfies TaskDecisions;
