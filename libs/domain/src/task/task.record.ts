import type { Instant, LocalDate } from '../shared/local-date';
import type {
  Assignment,
  Evidence,
  ExtensionTarget,
  MilestonePlan,
  PartRole,
  ReportingCadence,
  TaskFacts,
  TaskSource,
  TaskReassigned,
} from './task.events';

/**
 * What a task's events leave behind once it is assigned, whatever its status: the parts of
 * the departments, milestones, extensions, reports. Maps keep insertion order (leads first,
 * in the order the office named them) and are copied on every change, never mutated.
 */
export interface Part {
  readonly role: PartRole;
  readonly acknowledgeBy: LocalDate;
  readonly acknowledged?: { readonly at: Instant; readonly late: boolean };
}

export interface MilestoneState extends MilestonePlan {
  /** The date first set; `dueDate` moves only through approved extensions. */
  readonly originalDueDate: LocalDate;
  readonly completion?: {
    readonly department: string;
    readonly evidence: readonly Evidence[];
    readonly note: string;
    readonly late: boolean;
    readonly at: Instant;
  };
}

export interface ExtensionState {
  readonly extensionId: string;
  readonly target: ExtensionTarget;
  readonly requestedBy: string;
  readonly reason: string;
  readonly previousDueDate: LocalDate;
  readonly newDueDate: LocalDate;
  readonly requestedAt: Instant;
  /** `withdrawn`: its milestone was removed before the office decided. */
  readonly status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  readonly decision?: { readonly at: Instant; readonly note: string };
}

export interface TaskRecord {
  readonly facts: TaskFacts;
  readonly source: TaskSource;
  readonly parts: ReadonlyMap<string, Part>;
  readonly dueDate: LocalDate | null;
  readonly originalDueDate: LocalDate | null;
  readonly reporting: ReportingCadence | null;
  readonly assignedAt: Instant;
  readonly milestones: ReadonlyMap<string, MilestoneState>;
  readonly extensions: ReadonlyMap<string, ExtensionState>;
  /** Latest ad hoc progress of each department. */
  readonly progress: ReadonlyMap<string, { readonly percent: number; readonly reportedAt: Instant }>;
  /** Period → departments that reported it (an ongoing task's 进展报送). */
  readonly periodicReports: ReadonlyMap<string, readonly string[]>;
}

export function recordOf(assignment: Assignment, source: TaskSource): TaskRecord {
  const { acknowledgeBy } = assignment;
  const parts = new Map<string, Part>([
    ...assignment.lead.map((d): [string, Part] => [d, { role: 'lead', acknowledgeBy }]),
    ...assignment.cooperating.map((d): [string, Part] => [d, { role: 'cooperating', acknowledgeBy }]),
  ]);
  const milestones = new Map(assignment.milestones.map((m) => [m.milestoneId, { ...m, originalDueDate: m.dueDate }]));
  return {
    facts: assignment.facts,
    source,
    parts,
    dueDate: assignment.dueDate,
    originalDueDate: assignment.dueDate,
    reporting: assignment.reporting,
    assignedAt: assignment.assignedAt,
    milestones,
    extensions: new Map(),
    progress: new Map(),
    periodicReports: new Map(),
  };
}

export const leadsOf = (task: TaskRecord): string[] => departmentsIn(task, 'lead');
export const cooperatingOf = (task: TaskRecord): string[] => departmentsIn(task, 'cooperating');

function departmentsIn(task: TaskRecord, role: PartRole): string[] {
  return [...task.parts].filter(([, part]) => part.role === role).map(([department]) => department);
}

export function unacknowledged(task: TaskRecord, role?: PartRole): string[] {
  return [...task.parts].filter(([, p]) => !p.acknowledged && (!role || p.role === role)).map(([d]) => d);
}

/** A task is in progress once every lead has acknowledged; cooperating departments do not hold it up. */
export function workStatus(task: TaskRecord): 'assigned' | 'in_progress' {
  return unacknowledged(task, 'lead').length === 0 ? 'in_progress' : 'assigned';
}

export function openMilestones(task: TaskRecord): string[] {
  return [...task.milestones.values()].filter((m) => !m.completion).map((m) => m.milestoneId);
}

export function dueDateOf(task: TaskRecord, target: ExtensionTarget): LocalDate | null | undefined {
  return target.kind === 'task' ? task.dueDate : task.milestones.get(target.milestoneId)?.dueDate;
}

export function withPart(task: TaskRecord, department: string, update: (part: Part) => Part): TaskRecord {
  const part = task.parts.get(department);
  return part ? { ...task, parts: new Map(task.parts).set(department, update(part)) } : task;
}

export function withMilestone(task: TaskRecord, id: string, update: (m: MilestoneState) => MilestoneState): TaskRecord {
  const milestone = task.milestones.get(id);
  return milestone ? { ...task, milestones: new Map(task.milestones).set(id, update(milestone)) } : task;
}

export function withExtension(task: TaskRecord, id: string, update: (e: ExtensionState) => ExtensionState): TaskRecord {
  const extension = task.extensions.get(id);
  return extension ? { ...task, extensions: new Map(task.extensions).set(id, update(extension)) } : task;
}

export function withDueDate(task: TaskRecord, target: ExtensionTarget, dueDate: LocalDate): TaskRecord {
  return target.kind === 'task'
    ? { ...task, dueDate }
    : withMilestone(task, target.milestoneId, (m) => ({ ...m, dueDate }));
}

export function withoutMilestone(task: TaskRecord, id: string, withdrawn: readonly string[]): TaskRecord {
  const milestones = new Map(task.milestones);
  milestones.delete(id);
  const extensions = new Map(task.extensions);
  for (const extensionId of withdrawn) {
    const extension = extensions.get(extensionId);
    if (extension) extensions.set(extensionId, { ...extension, status: 'withdrawn' });
  }
  return { ...task, milestones, extensions };
}

/** Departments that stay keep their acknowledgement (even when their role changes); new ones start afresh. */
export function reassigned(task: TaskRecord, data: TaskReassigned['data']): TaskRecord {
  const part = (department: string, role: PartRole): [string, Part] => {
    const before = task.parts.get(department);
    return [department, before ? { ...before, role } : { role, acknowledgeBy: data.acknowledgeBy }];
  };
  const parts = new Map([
    ...data.lead.map((d) => part(d, 'lead')),
    ...data.cooperating.map((d) => part(d, 'cooperating')),
  ]);
  const milestones = new Map(task.milestones);
  for (const { milestoneId, to } of data.milestoneTransfers) {
    const milestone = milestones.get(milestoneId);
    if (milestone) milestones.set(milestoneId, { ...milestone, owner: to });
  }
  return { ...task, parts, milestones };
}
