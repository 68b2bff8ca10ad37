import {
  decodeTaskEvent,
  evolve,
  initialTaskState,
  isReminderEvent,
  parseTaskStreamId,
  type Instant,
  type ReminderEventType,
  type TaskEvent,
  type TaskState,
} from '@zw/domain';
import { decodeKnown, type RecordedEvent } from '@zw/event-store';

/** Which event set a fact (a deadline, a progress figure): a light cites these to say why it is lit. */
export interface EventRef {
  readonly revision: number;
  readonly type: string;
  readonly at: string;
}

/** A reminder, escalation or failed delivery recorded in the task's stream (reminders issue). */
export interface DeliveryEntry {
  readonly type: ReminderEventType;
  readonly department: string;
  readonly rule: string;
  readonly channel: string;
  readonly level?: string;
  readonly at: string;
  readonly revision: number;
}

/**
 * One task as the read models see it: the domain's own state (folded by the domain's
 * `evolve`, so views can never disagree with decisions) plus what only a reader needs —
 * which events set each deadline, since when each department holds the task, deliveries.
 */
export interface TaskRow {
  readonly planId: string;
  readonly code: string;
  readonly streamId: string;
  revision: number;
  position: bigint;
  state: TaskState;
  /** Last event that set the task's due date / each department's acknowledgement deadline / each milestone's due date. */
  dueDateSetBy?: EventRef;
  readonly acknowledgeBySetBy: Map<string, EventRef>;
  readonly milestoneSetBy: Map<string, EventRef>;
  /** Latest progress-bearing event (progress report, milestone completion, periodic report). */
  progressSetBy?: EventRef;
  /** When the lead last handed the work in (提请会签/办结). */
  handedInAt?: Instant;
  /** The office's last 退回 and the last objection to a sign-off, until the lead hands the work in again (我的待办). */
  returned?: { readonly at: Instant; readonly reason: string };
  objection?: { readonly department: string; readonly at: Instant; readonly reason: string };
  /** When each department was given the task (assignment, or the reassignment that added it). */
  readonly partSince: Map<string, Instant>;
  readonly deliveryCounts: Map<string, DeliveryCounts>;
  readonly recentDeliveries: DeliveryEntry[];
}

/** Reminders recorded in one stream (a task's, an indicator's). */
export interface DeliveryLedger {
  /** Deliveries per addressed department, by type; a national log holds hundreds per task. */
  readonly deliveryCounts: Map<string, DeliveryCounts>;
  /** The latest deliveries (at most RECENT_DELIVERIES, oldest first): what a reader lists. */
  readonly recentDeliveries: DeliveryEntry[];
}

export interface DeliveryCounts {
  ReminderSent: number;
  EscalationSent: number;
  ReminderFailed: number;
}

export const RECENT_DELIVERIES = 20;
/** The reminders worker's always-on channel (libs/domain reminder events). */
const IN_APP = 'inapp';

export function newTaskRow(streamId: string): TaskRow | undefined {
  const id = parseTaskStreamId(streamId);
  if (!id) return undefined;
  return {
    ...id,
    streamId,
    revision: -1,
    position: -1n,
    state: initialTaskState(),
    acknowledgeBySetBy: new Map(),
    milestoneSetBy: new Map(),
    partSince: new Map(),
    deliveryCounts: new Map(),
    recentDeliveries: [],
  };
}

/**
 * Folds one recorded event of the row's stream into the row (in place: a rebuild of a
 * million events must not copy rows). Event types this version does not know are skipped,
 * so an older reader survives a newer writer.
 */
export function applyToRow(row: TaskRow, event: RecordedEvent): void {
  // Deliveries are most of a mature log (several reminders a month per task): the cheap path.
  if (isReminderEvent(event)) {
    recordDelivery(row, deliveryOf(event, Number(event.revision)));
  } else {
    // A type this version does not know (a newer writer's) is skipped, logged once, counted.
    const taskEvent = decodeKnown(event, decodeTaskEvent);
    if (taskEvent) {
      // Decide everything before changing anything: an event the fold cannot take (malformed
      // data) throws here and leaves the row exactly as it was.
      const next = evolve(row.state, taskEvent);
      track(row, taskEvent, { revision: Number(event.revision), type: event.type, at: event.metadata.occurredAt });
      row.state = next;
    }
  }
  row.revision = Number(event.revision);
  row.position = event.position;
}

/** Provenance of deadlines and progress; the lists are copied first so a malformed event changes nothing. */
function track(row: TaskRow, event: TaskEvent, ref: EventRef): void {
  switch (event.type) {
    case 'TaskAssigned':
    case 'TaskCreated': {
      const parts = [...event.data.lead, ...event.data.cooperating];
      const milestones = event.data.milestones.map((m) => m.milestoneId);
      const at = event.data.assignedAt;
      row.dueDateSetBy = ref;
      for (const d of parts) {
        row.acknowledgeBySetBy.set(d, ref);
        row.partSince.set(d, at);
      }
      for (const id of milestones) row.milestoneSetBy.set(id, ref);
      return;
    }
    case 'TaskReassigned': {
      const added = [...event.data.added];
      const removed = [...event.data.removed];
      for (const d of added) {
        row.acknowledgeBySetBy.set(d, ref);
        row.partSince.set(d, event.data.reassignedAt);
      }
      for (const d of removed) row.partSince.delete(d);
      return;
    }
    case 'MilestoneAdded':
      row.milestoneSetBy.set(event.data.milestone.milestoneId, ref);
      return;
    case 'ExtensionApproved':
      if (event.data.target.kind === 'task') row.dueDateSetBy = ref;
      else row.milestoneSetBy.set(event.data.target.milestoneId, ref);
      return;
    case 'ProgressReported':
    case 'MilestoneCompleted':
    case 'PeriodicReportSubmitted':
      row.progressSetBy = ref;
      return;
    case 'SignOffRequested':
      // The last hand-in before acceptance dates the lead's completion (not the office's acceptance).
      row.handedInAt = event.data.requestedAt;
      row.returned = undefined;
      row.objection = undefined;
      return;
    case 'TaskReturned':
      row.returned = { at: event.data.returnedAt, reason: event.data.reason };
      return;
    case 'SignOffObjected':
      row.objection = { department: event.data.department, at: event.data.objectedAt, reason: event.data.reason };
      return;
    default:
      return;
  }
}

export function recordDelivery(row: DeliveryLedger, delivery: DeliveryEntry): void {
  let counts = row.deliveryCounts.get(delivery.department);
  if (!counts)
    row.deliveryCounts.set(delivery.department, (counts = { ReminderSent: 0, EscalationSent: 0, ReminderFailed: 0 }));
  if (delivery.type === 'ReminderFailed' || delivery.channel === IN_APP) counts[delivery.type] += 1;
  row.recentDeliveries.push(delivery);
  if (row.recentDeliveries.length > RECENT_DELIVERIES) row.recentDeliveries.shift();
}

export function deliveryOf(event: RecordedEvent, revision: number): DeliveryEntry {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const { department, rule, channel, level, sentAt, failedAt } = data;
  const at = typeof sentAt === 'string' ? sentAt : typeof failedAt === 'string' ? failedAt : event.metadata.occurredAt;
  const entry: DeliveryEntry = {
    type: event.type as ReminderEventType,
    department: typeof department === 'string' ? department : '',
    rule: typeof rule === 'string' ? rule : '',
    channel: typeof channel === 'string' ? channel : '',
    at,
    revision,
  };
  return typeof level === 'string' && level !== '' ? { ...entry, level } : entry;
}
