import type { DeliveryFacts, DeliveryRoute, ReminderChannelName } from '@zw/domain';

/** What a reminder is about, for receivers that file it: a task, or an indicator's period. */
export type ReminderAbout =
  | { readonly taskCode: string; readonly taskTitle: string }
  | { readonly indicatorId: string; readonly indicatorName: string; readonly period: string };

/** One message to one recipient over one channel. */
export interface OutgoingReminder {
  readonly route: DeliveryRoute;
  readonly subject: string;
  readonly text: string;
  /** What the webhook sends as JSON (the facts of the delivery event to be recorded). */
  readonly facts: Omit<DeliveryFacts, 'channel' | 'recipient'> & { readonly streamId: string } & ReminderAbout;
}

/**
 * Every way a reminder leaves the system sits behind this port. `send` resolves when the far
 * side accepted the message and rejects with a readable error otherwise; each channel is
 * tried on its own, so one failing never holds up the others.
 */
export interface ReminderChannel {
  readonly name: ReminderChannelName;
  send(message: OutgoingReminder): Promise<void>;
  close?(): Promise<void>;
}

export const REMINDER_CHANNELS = 'REMINDER_CHANNELS';
