/**
 * Answers of the task routes as the console reads them (GET /tasks/:code, its audit trail, a
 * department's accountability). Written from the api's views until the document describes them.
 */
export interface TaskDepartment {
  name: string;
  role: 'lead' | 'cooperating';
  roleLabel: string;
  acknowledgeBy: string | null;
  acknowledged: { at: string; by: string } | null;
  acknowledgementLabel: string;
}

export interface TaskMilestone {
  milestoneId: string;
  title: string;
  dueDate: string;
  owner: string;
  completion: { at: string; by: string; evidence: unknown[]; note?: string } | null;
  statusLabel: string;
}

export interface TaskExtension {
  extensionId: string;
  requestedBy: string;
  reason: string;
  newDueDate: string;
  milestoneId?: string;
  status: 'pending' | 'approved' | 'rejected';
  statusLabel: string;
}

export type TaskStatus =
  'unassigned' | 'assigned' | 'in_progress' | 'sign_off_requested' | 'awaiting_acceptance' | 'accepted' | 'cancelled';

export interface TaskView {
  status: Exclude<TaskStatus, 'unassigned'>;
  statusLabel: string;
  revision: string;
  planId: string;
  code: string;
  title: string;
  text: string;
  system: string;
  area: string;
  window: string;
  dueDate: string;
  departments: TaskDepartment[];
  milestones: TaskMilestone[];
  extensions: TaskExtension[];
  progress: Record<string, { percent: number; text: string; at: string }>;
  signOff?: { awaiting: string[]; signed: Record<string, unknown> };
}

/** GET /tasks/:code of a task not yet 交办: its row of the plan, status 待交办. */
export interface UnassignedTaskView {
  status: 'unassigned';
  statusLabel: string;
  revision: null;
  code: string;
  title: string;
  text: string;
  system: string;
  area: string;
  window: string;
  lead: string[];
  cooperating: string[];
}

export interface AuditEntry {
  revision: number;
  position: string;
  type: string;
  action: string;
  occurredAt: string;
  actor: { id: string; role: string; department: string | null };
  changes: { field: string; from: string | null; to: string | null }[];
}

export interface AuditTrail {
  code: string;
  asOf: string;
  chain: { ok: boolean; result: string };
  entries: AuditEntry[];
}

/** A row of the plan's task list (附件3): the facts 交办 starts from. */
export interface PlanTaskRow {
  code: string;
  system: string;
  area: string;
  text: string;
  lead: string[];
  cooperating: string[];
  window: string;
}
