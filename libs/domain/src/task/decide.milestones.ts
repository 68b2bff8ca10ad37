import { requireMilestone, requireOffice, requireOpen, requireReason, today, voidsSignOff } from './decide.guards';
import type { AddMilestone, RemoveMilestone, ReopenMilestone, TaskDecisions } from './task.commands';
import { taskError } from './task.errors';
import type { TaskEvent } from './task.events';
import type { TaskState } from './task.state';
import { requireMilestonePlan } from './task.validate';

/**
 * The office shapes the milestones of any open task. Doing so while the result is being
 * signed or awaits acceptance changes what was signed, so the round is void and the task goes
 * back to work (each event says so in `signOffVoided`).
 */

/** 退回节点: the evidence did not hold; the milestone is open again and must be completed anew. */
export function reopenMilestone(command: ReopenMilestone, state: TaskState): TaskEvent[] {
  requireOffice(command.metadata);
  today(command.metadata);
  const open = requireOpen(state);
  const milestone = requireMilestone(open.task, command.data.milestoneId);
  if (!milestone.completion) throw taskError('TASK.MILESTONE_NOT_COMPLETED', { milestoneId: milestone.milestoneId });
  const reason = requireReason(command.data.reason);
  return [
    {
      type: 'MilestoneReopened',
      data: {
        milestoneId: milestone.milestoneId,
        title: milestone.title,
        reason,
        reopenedAt: command.metadata.now,
        signOffVoided: voidsSignOff(open),
      },
    },
  ];
}

export function addMilestone(command: AddMilestone, state: TaskState): TaskEvent[] {
  requireOffice(command.metadata);
  const day = today(command.metadata);
  const open = requireOpen(state);
  const { task } = open;
  const { milestone: requested } = command.data;
  if (task.milestones.has(requested.milestoneId))
    throw taskError('TASK.MILESTONE_ALREADY_EXISTS', { milestoneId: requested.milestoneId });
  const reason = requireReason(command.data.reason);
  const milestone = requireMilestonePlan(requested, {
    departments: new Set(task.parts.keys()),
    dueDate: task.dueDate,
    today: day,
  });
  return [
    {
      type: 'MilestoneAdded',
      data: { milestone, reason, addedAt: command.metadata.now, signOffVoided: voidsSignOff(open) },
    },
  ];
}

/** Pending extension requests for the milestone are withdrawn with it: there is nothing left to extend. */
export function removeMilestone(command: RemoveMilestone, state: TaskState): TaskEvent[] {
  requireOffice(command.metadata);
  today(command.metadata);
  const open = requireOpen(state);
  const milestone = requireMilestone(open.task, command.data.milestoneId);
  const reason = requireReason(command.data.reason);
  const withdrawnExtensionIds = [...open.task.extensions.values()]
    .filter(
      (e) => e.status === 'pending' && e.target.kind === 'milestone' && e.target.milestoneId === milestone.milestoneId,
    )
    .map((e) => e.extensionId);
  return [
    {
      type: 'MilestoneRemoved',
      data: {
        milestoneId: milestone.milestoneId,
        title: milestone.title,
        reason,
        withdrawnExtensionIds,
        removedAt: command.metadata.now,
        signOffVoided: voidsSignOff(open),
      },
    },
  ];
}

/** Milestones the office reopens, adds or removes. By command type; task.decide.ts assembles every group. */
export const MILESTONE_DECISIONS = {
  ReopenMilestone: reopenMilestone,
  AddMilestone: addMilestone,
  RemoveMilestone: removeMilestone,
} satisfies TaskDecisions;
