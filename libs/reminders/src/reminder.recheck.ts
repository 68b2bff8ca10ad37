import type { PlannedReminder } from '@zw/domain';
import type { ReminderAbout } from './channels/reminder-channel.port';

/**
 * The answer of a job's re-check against the stream it is about: still called for (with the
 * reminder as the policy plans it now and its texts), or dropped, with the reason to log.
 */
export type Recheck =
  | {
      readonly due: true;
      readonly reminder: PlannedReminder;
      readonly text: string;
      readonly subject: string;
      readonly about: ReminderAbout;
    }
  | { readonly due: false; readonly reason: string };
