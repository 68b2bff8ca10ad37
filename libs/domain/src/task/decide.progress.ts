import { isAfter, shanghaiDay } from '../shared/local-date';
import {
  actingDepartment,
  optionalText,
  requireAcknowledged,
  requireInProgress,
  requireMilestone,
  requireOpen,
  requirePart,
  requireText,
  today,
} from './decide.guards';
import { periodBounds } from './period';
import type { CompleteMilestone, ReportProgress, SubmitPeriodicReport, TaskDecisions } from './task.commands';
import { taskError } from './task.errors';
import type { TaskEvent } from './task.events';
import type { TaskState } from './task.state';
import { optionalEvidence, requireEvidence, requirePercent } from './task.validate';

/**
 * The work itself, by the departments that acknowledged their part, while the task is in
 * progress. Cooperating departments report and deliver their own milestones too.
 */
function workingDepartment(command: ReportProgress | SubmitPeriodicReport | CompleteMilestone, state: TaskState) {
  const department = actingDepartment(command.metadata);
  const day = today(command.metadata);
  const open = requireOpen(state);
  const part = requirePart(open.task, department);
  return { department, day, open, part };
}

/** 进展: any task, any time in progress; the latest percent per department is kept. */
export function reportProgress(command: ReportProgress, state: TaskState): TaskEvent[] {
  const { department, open, part } = workingDepartment(command, state);
  requireInProgress(open);
  requireAcknowledged(part, department);
  const { data } = command;
  const percent = requirePercent(data.percent);
  const text = requireText(data.text, 'text');
  const evidence = optionalEvidence(data.evidence);
  return [
    {
      type: 'ProgressReported',
      data: {
        department,
        percent,
        text,
        difficulties: optionalText(data.difficulties),
        nextSteps: optionalText(data.nextSteps),
        ...(evidence.length > 0 ? { evidence } : {}),
        reportedAt: command.metadata.now,
      },
    },
  ];
}

/**
 * 进展报送 of an ongoing task, once per department and period. A period may be reported once it
 * has begun (a quarter's report is often written in its last weeks) and not for a period that
 * ended before the task was assigned.
 */
export function submitPeriodicReport(command: SubmitPeriodicReport, state: TaskState): TaskEvent[] {
  const { department, day, open, part } = workingDepartment(command, state);
  const { task } = open;
  if (!task.facts.ongoing || task.reporting === null) throw taskError('TASK.NOT_ONGOING', { code: task.facts.code });
  requireInProgress(open);
  requireAcknowledged(part, department);
  const { data } = command;
  const period = typeof data.period === 'string' ? data.period.trim() : '';
  const bounds = periodBounds(period, task.reporting);
  const assignedOn = shanghaiDay(task.assignedAt) ?? day;
  if (!bounds || isAfter(bounds.start, day) || isAfter(assignedOn, bounds.end)) {
    throw taskError('TASK.INVALID_PERIOD', { period, reporting: task.reporting });
  }
  if (task.periodicReports.get(period)?.includes(department))
    throw taskError('TASK.PERIOD_ALREADY_REPORTED', { period, department });
  const text = requireText(data.text, 'text');
  const evidence = optionalEvidence(data.evidence);
  return [
    {
      type: 'PeriodicReportSubmitted',
      data: {
        department,
        period,
        text,
        difficulties: optionalText(data.difficulties),
        nextSteps: optionalText(data.nextSteps),
        ...(evidence.length > 0 ? { evidence } : {}),
        submittedAt: command.metadata.now,
      },
    },
  ];
}

/** A milestone is delivered by its owner or by a lead, who answers for the whole task. */
export function completeMilestone(command: CompleteMilestone, state: TaskState): TaskEvent[] {
  const { department, day, open, part } = workingDepartment(command, state);
  requireInProgress(open);
  requireAcknowledged(part, department);
  const milestone = requireMilestone(open.task, command.data.milestoneId);
  if (milestone.owner !== department && part.role !== 'lead') {
    throw taskError('TASK.NOT_MILESTONE_OWNER', {
      milestoneId: milestone.milestoneId,
      owner: milestone.owner,
      department,
    });
  }
  if (milestone.completion) throw taskError('TASK.MILESTONE_ALREADY_COMPLETED', { milestoneId: milestone.milestoneId });
  const evidence = requireEvidence(command.data.evidence);
  return [
    {
      type: 'MilestoneCompleted',
      data: {
        milestoneId: milestone.milestoneId,
        title: milestone.title,
        department,
        evidence,
        note: optionalText(command.data.note),
        dueDate: milestone.dueDate,
        late: isAfter(day, milestone.dueDate),
        completedAt: command.metadata.now,
      },
    },
  ];
}

/** Progress reports (进展报送), periodic reports and completed milestones. By command type; task.decide.ts assembles every group. */
export const PROGRESS_DECISIONS = {
  ReportProgress: reportProgress,
  SubmitPeriodicReport: submitPeriodicReport,
  CompleteMilestone: completeMilestone,
} satisfies TaskDecisions;
