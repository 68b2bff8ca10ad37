import type { Event } from '../shared/message';
import type { Instant, LocalDate } from '../shared/local-date';

/**
 * Deliveries of reminders (催办) and escalations (督办), recorded in the stream they are about
 * — the task's, or the indicator's for 指标报送 reminders — so that "was this department told,
 * when, how" is answered by the same history as the work itself. They change nothing in the
 * workflow state (the task's and the indicator's `evolve` pass them through).
 */
export type ReminderTarget =
  | { readonly kind: 'task' }
  | { readonly kind: 'milestone'; readonly milestoneId: string }
  | { readonly kind: 'acknowledgement' }
  /** The periodic report (定期报送) of a 持续开展 task for one reporting period ("2024-Q1"). */
  | { readonly kind: 'period'; readonly period: string }
  /** The value of an indicator (its 序号) for a period ("2024", "2024-Q3"). */
  | { readonly kind: 'indicator'; readonly indicatorId: string; readonly period: string };

export type ReminderRule =
  'before-due' | 'acknowledgement-late' | 'overdue' | 'escalation-office' | 'escalation-leadership';
export type EscalationLevel = 'office' | 'leadership';
/** `inapp`: the delivery is the event itself (the accountability views show it); no outside channel. */
export type ReminderChannelName = 'inapp' | 'email' | 'webhook' | 'wecom' | 'dingtalk';

export interface DeliveryFacts {
  /** Deterministic: `<streamId>/<reminder key>/<channel>/<recipient>`; at most one Sent per id. */
  readonly deliveryId: string;
  readonly rule: ReminderRule;
  /** The department the reminder is about (and, for reminders, addressed to). */
  readonly department: string;
  readonly channel: ReminderChannelName;
  readonly recipient: string;
  readonly target: ReminderTarget;
  readonly dueDate: LocalDate;
  readonly message: string;
}

export type ReminderSent = Event<'ReminderSent', DeliveryFacts & { readonly sentAt: Instant }>;
export type EscalationSent = Event<
  'EscalationSent',
  DeliveryFacts & {
    readonly level: EscalationLevel;
    readonly daysOverdue: number;
    readonly sentAt: Instant;
  }
>;
export type ReminderFailed = Event<
  'ReminderFailed',
  DeliveryFacts & {
    readonly error: string;
    /** 1-based attempt of the job; one ReminderFailed per delivery and attempt. */
    readonly attempt: number;
    readonly failedAt: Instant;
    readonly level?: EscalationLevel;
    readonly daysOverdue?: number;
  }
>;

export type ReminderEvent = ReminderSent | EscalationSent | ReminderFailed;
export type ReminderEventType = ReminderEvent['type'];

export const REMINDER_EVENT_TYPES: readonly ReminderEventType[] = ['ReminderSent', 'EscalationSent', 'ReminderFailed'];

export function isReminderEvent(event: { readonly type: string }): event is ReminderEvent {
  return (REMINDER_EVENT_TYPES as readonly string[]).includes(event.type);
}
