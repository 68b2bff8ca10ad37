import type { Command } from '../shared/message';
import type { LocalDate } from '../shared/local-date';
import type { Evidence, ExtensionTarget, MilestonePlan, ReportingCadence, TaskEvent, TaskFacts } from './task.events';
import type { TaskState } from './task.state';

/**
 * What users ask of a task. Ids (milestones, extensions) and deadlines the calendar decides
 * (acknowledgeBy: three working days) come from the application; the domain only checks them.
 * Optional notes default to ''.
 */
export interface AssignmentRequest {
  readonly facts: TaskFacts;
  readonly lead: readonly string[];
  readonly cooperating: readonly string[];
  readonly dueDate: LocalDate | null;
  readonly milestones: readonly MilestonePlan[];
  readonly acknowledgeBy: LocalDate;
  /** Ongoing tasks only; quarterly when absent. */
  readonly reporting?: ReportingCadence;
}

type Nothing = Readonly<Record<string, never>>;
interface ReportRequest {
  readonly text: string;
  readonly difficulties: string;
  readonly nextSteps: string;
  readonly evidence?: readonly Evidence[];
}

export type AssignTask = Command<'AssignTask', AssignmentRequest>;
/** A task the plan's appendix lacks: the office supplies the facts itself. */
export type CreateTask = Command<'CreateTask', AssignmentRequest>;
export type AcknowledgeTask = Command<'AcknowledgeTask', Nothing>;
export type ReportProgress = Command<'ReportProgress', ReportRequest & { readonly percent: number }>;
export type SubmitPeriodicReport = Command<'SubmitPeriodicReport', ReportRequest & { readonly period: string }>;
export type CompleteMilestone = Command<
  'CompleteMilestone',
  {
    readonly milestoneId: string;
    readonly evidence: readonly Evidence[];
    readonly note?: string;
  }
>;
export type ReopenMilestone = Command<'ReopenMilestone', { readonly milestoneId: string; readonly reason: string }>;
export type AddMilestone = Command<'AddMilestone', { readonly milestone: MilestonePlan; readonly reason: string }>;
export type RemoveMilestone = Command<'RemoveMilestone', { readonly milestoneId: string; readonly reason: string }>;
export type RequestSignOff = Command<'RequestSignOff', { readonly note?: string }>;
export type SignOff = Command<'SignOff', { readonly note?: string }>;
export type ObjectToSignOff = Command<'ObjectToSignOff', { readonly reason: string }>;
export type AcceptTask = Command<'AcceptTask', { readonly note?: string }>;
export type ReturnTask = Command<'ReturnTask', { readonly reason: string }>;
export type RequestExtension = Command<
  'RequestExtension',
  {
    readonly extensionId: string;
    readonly target: ExtensionTarget;
    readonly newDueDate: LocalDate;
    readonly reason: string;
  }
>;
export type ApproveExtension = Command<'ApproveExtension', { readonly extensionId: string; readonly note?: string }>;
export type RejectExtension = Command<'RejectExtension', { readonly extensionId: string; readonly reason: string }>;
export type ReassignTask = Command<
  'ReassignTask',
  {
    readonly lead: readonly string[];
    readonly cooperating: readonly string[];
    /** Deadline for the departments new to the task; the others keep their acknowledgement. */
    readonly acknowledgeBy: LocalDate;
    readonly reason: string;
    /**
     * New owners of milestones, by id. A milestone whose owner leaves the task and is not
     * named here goes to the first lead, who answers for the whole task anyway.
     */
    readonly milestoneOwners?: Readonly<Record<string, string>>;
  }
>;
export type CancelTask = Command<'CancelTask', { readonly reason: string }>;

export type TaskCommand =
  | AssignTask
  | CreateTask
  | AcknowledgeTask
  | ReportProgress
  | SubmitPeriodicReport
  | CompleteMilestone
  | ReopenMilestone
  | AddMilestone
  | RemoveMilestone
  | RequestSignOff
  | SignOff
  | ObjectToSignOff
  | AcceptTask
  | ReturnTask
  | RequestExtension
  | ApproveExtension
  | RejectExtension
  | ReassignTask
  | CancelTask;

export type TaskCommandType = TaskCommand['type'];

/** Commands only the office (无废办 staff in the `office` role) may give. */
export const OFFICE_COMMANDS = [
  'AssignTask',
  'CreateTask',
  'ReopenMilestone',
  'AddMilestone',
  'RemoveMilestone',
  'AcceptTask',
  'ReturnTask',
  'ApproveExtension',
  'RejectExtension',
  'ReassignTask',
  'CancelTask',
] as const satisfies readonly TaskCommandType[];

/** Commands a department gives for its own part (`metadata.actor.department`). */
export const DEPARTMENT_COMMANDS = [
  'AcknowledgeTask',
  'ReportProgress',
  'SubmitPeriodicReport',
  'CompleteMilestone',
  'RequestSignOff',
  'SignOff',
  'ObjectToSignOff',
  'RequestExtension',
] as const satisfies readonly TaskCommandType[];

/** How one type of command is decided (decide.<group>.ts). */
export type Decision<T extends TaskCommand['type']> = (
  command: Extract<TaskCommand, { type: T }>,
  state: TaskState,
) => TaskEvent[];

/** Some commands' decisions, by command type: what each decide.<group>.ts exports. */
export type TaskDecisions = { readonly [T in TaskCommand['type']]?: Decision<T> };
