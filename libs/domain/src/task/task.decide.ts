import { ASSIGNMENT_DECISIONS } from './decide.assignment';
import { EXTENSION_DECISIONS } from './decide.extension';
import { MILESTONE_DECISIONS } from './decide.milestones';
import { PROGRESS_DECISIONS } from './decide.progress';
import { SIGN_OFF_DECISIONS } from './decide.sign-off';
import type { Decision, TaskCommand } from './task.commands';
import type { TaskEvent } from './task.events';
import type { TaskState } from './task.state';

/**
 * Every command's decision, assembled from the groups: a command type no group decides does not
 * compile here, and a new command is added in its group's file only (docs/architecture.md).
 */
const DECISIONS: { readonly [T in TaskCommand['type']]: Decision<T> } = {
  ...ASSIGNMENT_DECISIONS,
  ...PROGRESS_DECISIONS,
  ...MILESTONE_DECISIONS,
  ...SIGN_OFF_DECISIONS,
  ...EXTENSION_DECISIONS,
};

/**
 * The events a command causes on a task in `state`, or a DomainError (task.errors.ts) saying
 * why not. Pure: no clock (metadata.now), no ids generated (the command carries them).
 */
export function decide(command: TaskCommand, state: TaskState): TaskEvent[] {
  const decision = DECISIONS[command.type] as ((command: TaskCommand, state: TaskState) => TaskEvent[]) | undefined;
  // Only a caller that bypassed the types can get here (a command object built by hand).
  if (decision === undefined) throw new Error(`unknown task command ${JSON.stringify(command)}`);
  return decision(command, state);
}
