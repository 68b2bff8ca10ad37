import type { ReportingCadence as PlanReportingCadence } from '@zw/plan';
import type { Event } from '../shared/message';
import type { Instant, LocalDate } from '../shared/local-date';
import type { ReminderEvent } from '../reminder/reminder.events';

/**
 * Events of one task's workflow stream (`taskStreamId(planId, code)`). Who acted is in the
 * store's metadata; `data` holds every fact a later decision, projection or audit needs, so
 * nothing has to be looked up again (department names, due dates as they stood, reasons).
 */

/** The plan's row as the task was assigned; copied so the stream stands alone. */
export interface TaskFacts {
  readonly planId: string;
  readonly code: string;
  readonly title: string;
  readonly text: string;
  readonly system: string;
  readonly area: string;
  /** The 时间 column verbatim ("2024", "2023-2025", "持续开展"). */
  readonly window: string;
  /** 持续开展: no due date, periodic reports instead of a completion. */
  readonly ongoing: boolean;
}

export type TaskSource = 'plan' | 'office';
/** 月报, 季报, 半年报, 年报: the plan file names the default (`settings.ongoingReporting`). */
export type ReportingCadence = PlanReportingCadence;
export type PartRole = 'lead' | 'cooperating';

export interface MilestonePlan {
  readonly milestoneId: string;
  readonly title: string;
  readonly dueDate: LocalDate;
  readonly owner: string;
}

/**
 * One item of 佐证材料: a link, a reference to a filed document (optionally fingerprinted), or an
 * uploaded file (POST /files), recorded with its SHA-256 so the hash chain covers the evidence.
 */
export interface Evidence {
  readonly title: string;
  readonly url?: string;
  readonly documentRef?: string;
  readonly sha256?: string;
  readonly file?: EvidenceFile;
}

/** An uploaded file as the event records it; `sha256` is also its id in the file store. */
export interface EvidenceFile {
  readonly sha256: string;
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
}

export type ExtensionTarget = { readonly kind: 'task' } | { readonly kind: 'milestone'; readonly milestoneId: string };

export interface Assignment {
  readonly facts: TaskFacts;
  readonly lead: readonly string[];
  readonly cooperating: readonly string[];
  /** null exactly when the task is ongoing. */
  readonly dueDate: LocalDate | null;
  readonly milestones: readonly MilestonePlan[];
  /** Last day on which an acknowledgement is on time (the application counts working days). */
  readonly acknowledgeBy: LocalDate;
  /** Cadence of periodic reports; null for dated tasks, which report progress freely. */
  readonly reporting: ReportingCadence | null;
  readonly assignedAt: Instant;
}

export interface Report {
  readonly department: string;
  readonly text: string;
  readonly difficulties: string;
  readonly nextSteps: string;
  /** 佐证材料 attached to the report; absent when none (events before files existed have none). */
  readonly evidence?: readonly Evidence[];
}

export interface MilestoneTransfer {
  readonly milestoneId: string;
  readonly from: string;
  readonly to: string;
}

export type TaskAssigned = Event<'TaskAssigned', Assignment & { readonly source: 'plan' }>;
export type TaskCreated = Event<'TaskCreated', Assignment & { readonly source: 'office' }>;
export type TaskAcknowledged = Event<
  'TaskAcknowledged',
  {
    readonly department: string;
    readonly role: PartRole;
    readonly acknowledgeBy: LocalDate;
    readonly acknowledgedAt: Instant;
    readonly late: boolean;
  }
>;
export type ProgressReported = Event<
  'ProgressReported',
  Report & { readonly percent: number; readonly reportedAt: Instant }
>;
export type PeriodicReportSubmitted = Event<
  'PeriodicReportSubmitted',
  Report & {
    /** "2024-Q1", "2024-03", "2024-H1" or "2024", per the task's cadence. */
    readonly period: string;
    readonly submittedAt: Instant;
  }
>;
export type MilestoneCompleted = Event<
  'MilestoneCompleted',
  {
    readonly milestoneId: string;
    readonly title: string;
    /** The department that delivered it: the owner or a lead acting for the task. */
    readonly department: string;
    readonly evidence: readonly Evidence[];
    readonly note: string;
    readonly dueDate: LocalDate;
    readonly late: boolean;
    readonly completedAt: Instant;
  }
>;
export type MilestoneReopened = Event<
  'MilestoneReopened',
  {
    readonly milestoneId: string;
    readonly title: string;
    readonly reason: string;
    readonly reopenedAt: Instant;
    /** True when this sent a task under sign-off back to work (what was signed changed). */
    readonly signOffVoided: boolean;
  }
>;
export type MilestoneAdded = Event<
  'MilestoneAdded',
  {
    readonly milestone: MilestonePlan;
    readonly reason: string;
    readonly addedAt: Instant;
    readonly signOffVoided: boolean;
  }
>;
export type MilestoneRemoved = Event<
  'MilestoneRemoved',
  {
    readonly milestoneId: string;
    readonly title: string;
    readonly reason: string;
    /** Pending extension requests for the milestone, which lose their object. */
    readonly withdrawnExtensionIds: readonly string[];
    readonly removedAt: Instant;
    readonly signOffVoided: boolean;
  }
>;
export type SignOffRequested = Event<
  'SignOffRequested',
  {
    readonly department: string;
    readonly note: string;
    /** The cooperating departments whose 会签 is needed; empty → straight to acceptance. */
    readonly awaiting: readonly string[];
    readonly requestedAt: Instant;
  }
>;
export type SignedOff = Event<
  'SignedOff',
  {
    readonly department: string;
    readonly note: string;
    /** Still to sign after this one; empty → the task awaits acceptance. */
    readonly remaining: readonly string[];
    readonly signedAt: Instant;
  }
>;
export type SignOffObjected = Event<
  'SignOffObjected',
  { readonly department: string; readonly reason: string; readonly objectedAt: Instant }
>;
export type TaskAccepted = Event<
  'TaskAccepted',
  {
    /** `ongoing_closed`: an ongoing task closed by the office at the end of its period. */
    readonly closure: 'completed' | 'ongoing_closed';
    readonly note: string;
    readonly acceptedAt: Instant;
  }
>;
export type TaskReturned = Event<'TaskReturned', { readonly reason: string; readonly returnedAt: Instant }>;
export type ExtensionRequested = Event<
  'ExtensionRequested',
  {
    readonly extensionId: string;
    readonly department: string;
    readonly target: ExtensionTarget;
    readonly reason: string;
    readonly currentDueDate: LocalDate;
    readonly newDueDate: LocalDate;
    readonly requestedAt: Instant;
  }
>;
export type ExtensionApproved = Event<
  'ExtensionApproved',
  {
    readonly extensionId: string;
    readonly target: ExtensionTarget;
    readonly previousDueDate: LocalDate;
    readonly newDueDate: LocalDate;
    readonly note: string;
    readonly approvedAt: Instant;
  }
>;
export type ExtensionRejected = Event<
  'ExtensionRejected',
  {
    readonly extensionId: string;
    readonly target: ExtensionTarget;
    readonly reason: string;
    readonly rejectedAt: Instant;
  }
>;
export type TaskReassigned = Event<
  'TaskReassigned',
  {
    readonly previous: { readonly lead: readonly string[]; readonly cooperating: readonly string[] };
    readonly lead: readonly string[];
    readonly cooperating: readonly string[];
    /** Departments new to the task: they, and only they, must acknowledge (by `acknowledgeBy`). */
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly acknowledgeBy: LocalDate;
    /** Milestones owned by a removed department, and who owns them now. */
    readonly milestoneTransfers: readonly MilestoneTransfer[];
    readonly reason: string;
    readonly reassignedAt: Instant;
    readonly signOffVoided: boolean;
  }
>;
export type TaskCancelled = Event<
  'TaskCancelled',
  {
    readonly reason: string;
    readonly previousStatus: 'assigned' | 'in_progress' | 'sign_off_requested' | 'awaiting_acceptance';
    readonly cancelledAt: Instant;
  }
>;

/** The events `decide` produces: the workflow itself. */
export type TaskWorkflowEvent =
  | TaskAssigned
  | TaskCreated
  | TaskAcknowledged
  | ProgressReported
  | PeriodicReportSubmitted
  | MilestoneCompleted
  | MilestoneReopened
  | MilestoneAdded
  | MilestoneRemoved
  | SignOffRequested
  | SignedOff
  | SignOffObjected
  | TaskAccepted
  | TaskReturned
  | ExtensionRequested
  | ExtensionApproved
  | ExtensionRejected
  | TaskReassigned
  | TaskCancelled;

/** Everything a task stream holds: the workflow, and the reminders delivered about it. */
export type TaskEvent = TaskWorkflowEvent | ReminderEvent;

/** The workflow's event types (delivery types are `ReminderEventType`, libs/domain reminder). */
export type TaskEventType = TaskWorkflowEvent['type'];
