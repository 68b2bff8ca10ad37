import type { TaskEvent } from './task.events';

/** What every reader of a task stream needs to know about one event type. */
export interface TaskEventInfo {
  /** What it means to a reader of the audit trail. */
  readonly label: string;
  /**
   * Whether it can change the reminders `planReminders` calls for (status, parts, 签收 deadlines,
   * the due date, milestones); `false` lets the planner skip it (reminder.triggers.unit.spec.ts
   * checks each `false` against the real evolve and planReminders).
   */
  readonly changesReminderPlan: boolean;
  /** `delivery`: a 催办/督办 record (libs/domain reminder), not a step of the workflow. */
  readonly kind: 'workflow' | 'delivery';
}

const workflow = (label: string, changesReminderPlan: boolean): TaskEventInfo => ({
  label,
  changesReminderPlan,
  kind: 'workflow',
});

/**
 * The one catalogue of task event types: a record over the union, so a new event type does not
 * compile until someone says what it is. The projections, the reminder planner, the audit trail
 * and the command path read it instead of keeping their own lists.
 */
export const TASK_EVENTS = {
  TaskAssigned: workflow('交办任务', true),
  TaskCreated: workflow('新建并交办任务', true),
  TaskAcknowledged: workflow('签收', true),
  // Reports record what a department said, not who owes what by when…
  ProgressReported: workflow('报告进度', false),
  // …except a 持续开展 task's periodic report, which settles that period's chase.
  PeriodicReportSubmitted: workflow('报送阶段进展', true),
  MilestoneCompleted: workflow('完成里程碑', true),
  MilestoneReopened: workflow('重新打开里程碑', true),
  MilestoneAdded: workflow('增加里程碑', true),
  MilestoneRemoved: workflow('删除里程碑', true),
  SignOffRequested: workflow('提请会签', true),
  // Within a 会签 round (nothing is chased there) a signature only moves it toward 待办结.
  SignedOff: workflow('会签', false),
  SignOffObjected: workflow('会签异议', true),
  TaskAccepted: workflow('验收办结', true),
  TaskReturned: workflow('退回', true),
  // A request or a refusal leaves the due date where it is; only an approval moves it.
  ExtensionRequested: workflow('申请延期', false),
  ExtensionApproved: workflow('批准延期', true),
  ExtensionRejected: workflow('不予延期', false),
  TaskReassigned: workflow('调整承办单位', true),
  TaskCancelled: workflow('撤销任务', true),
  // Deliveries record what was said about the task; the work stands as it was.
  ReminderSent: { label: '催办', changesReminderPlan: false, kind: 'delivery' },
  EscalationSent: { label: '督办', changesReminderPlan: false, kind: 'delivery' },
  ReminderFailed: { label: '发送失败', changesReminderPlan: false, kind: 'delivery' },
} as const satisfies Record<TaskEvent['type'], TaskEventInfo>;

export type KnownTaskEventType = keyof typeof TASK_EVENTS;

export function isKnownTaskEventType(type: string): type is KnownTaskEventType {
  return Object.hasOwn(TASK_EVENTS, type);
}

/** An event as the store hands it back; only type and data matter to the fold. */
export interface StoredEvent {
  readonly type: string;
  readonly data: unknown;
}

/**
 * Upcasters: an older shape of an event → today's, by the type it was stored under. None is
 * needed yet; when an event's data changes shape, its upcaster goes here and every reader
 * (command path, projections, reminders, audit trail) sees the new shape.
 */
const UPCASTERS: Readonly<Record<string, (event: StoredEvent) => StoredEvent>> = {};

/**
 * A stored event as a TaskEvent, upcast; `undefined` for a type this version does not know
 * (a newer writer's): the caller skips it (docs/architecture.md, "unknown event types").
 */
export function decodeTaskEvent(stored: StoredEvent): TaskEvent | undefined {
  const event = Object.hasOwn(UPCASTERS, stored.type) ? UPCASTERS[stored.type]!(stored) : stored;
  return isKnownTaskEventType(event.type) ? ({ type: event.type, data: event.data } as TaskEvent) : undefined;
}
