import type { ReminderChannel } from './reminder-channel.port';

/**
 * The embedded default's channel: nothing leaves the process; the recorded ReminderSent is
 * the notice, and the accountability views (and the department's task page) show it.
 */
export class InAppChannel implements ReminderChannel {
  readonly name = 'inapp' as const;
  async send(): Promise<void> {}
}
