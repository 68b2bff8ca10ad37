import { acknowledge, assign, cancel, reassign } from './decide.assignment';
import { approveExtension, rejectExtension, requestExtension } from './decide.extension';
import { addMilestone, removeMilestone, reopenMilestone } from './decide.milestones';
import { completeMilestone, reportProgress, submitPeriodicReport } from './decide.progress';
import { acceptTask, objectToSignOff, requestSignOff, returnTask, signOff } from './decide.sign-off';
import type { TaskCommand } from './task.commands';
import type { TaskEvent } from './task.events';
import type { TaskState } from './task.state';

/**
 * The events a command causes on a task in `state`, or a DomainError (task.errors.ts) saying
 * why not. Pure: no clock (metadata.now), no ids generated (the command carries them).
 */
export function decide(command: TaskCommand, state: TaskState): TaskEvent[] {
  switch (command.type) {
    case 'AssignTask':
    case 'CreateTask':
      return assign(command, state);
    case 'AcknowledgeTask':
      return acknowledge(command, state);
    case 'ReportProgress':
      return reportProgress(command, state);
    case 'SubmitPeriodicReport':
      return submitPeriodicReport(command, state);
    case 'CompleteMilestone':
      return completeMilestone(command, state);
    case 'ReopenMilestone':
      return reopenMilestone(command, state);
    case 'AddMilestone':
      return addMilestone(command, state);
    case 'RemoveMilestone':
      return removeMilestone(command, state);
    case 'RequestSignOff':
      return requestSignOff(command, state);
    case 'SignOff':
      return signOff(command, state);
    case 'ObjectToSignOff':
      return objectToSignOff(command, state);
    case 'AcceptTask':
      return acceptTask(command, state);
    case 'ReturnTask':
      return returnTask(command, state);
    case 'RequestExtension':
      return requestExtension(command, state);
    case 'ApproveExtension':
      return approveExtension(command, state);
    case 'RejectExtension':
      return rejectExtension(command, state);
    case 'ReassignTask':
      return reassign(command, state);
    case 'CancelTask':
      return cancel(command, state);
    default: {
      const never: never = command;
      throw new Error(`unknown task command ${JSON.stringify(never)}`);
    }
  }
}
