import type { DeliveryFacts, DeliveryRoute, ReminderChannelName } from '@zw/domain';

/** One message to one recipient over one channel. */
export interface OutgoingReminder {
  readonly route: DeliveryRoute;
  readonly subject: string;
  readonly text: string;
  /** What the webhook sends as JSON (the facts of the delivery event to be recorded). */
  readonly facts: Omit<DeliveryFacts, 'channel' | 'recipient'> & { readonly streamId: string; readonly taskCode: string; readonly taskTitle: string };
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
