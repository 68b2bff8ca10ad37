import type { Clock } from '@zw/clock';
import type { DeliveryRoute, PlannedReminder, ReminderChannelName } from '@zw/domain';
import type { ReminderConfig } from '../reminder.config';
import { EmailChannel } from './email.channel';
import { InAppChannel } from './inapp.channel';
import { DingTalkChannel, WeComChannel } from './robot.channels';
import type { ReminderChannel } from './reminder-channel.port';
import { WebhookChannel } from './webhook.channel';

/** Who is told: the department itself, or — for 督办 — the office or the leadership. */
export function addresseeOf(reminder: PlannedReminder, config: ReminderConfig): string {
  if (reminder.level === 'office') return config.officeName;
  if (reminder.level === 'leadership') return config.leadershipName;
  return reminder.department;
}

/** Every (channel, recipient) a reminder goes to, from configuration; the same input always gives the same routes. */
export function routesFor(addressee: string, config: ReminderConfig): DeliveryRoute[] {
  const routes = config.recipients[addressee] ?? {};
  return [
    ...(config.inApp ? [{ channel: 'inapp' as const, recipient: addressee }] : []),
    ...(config.smtp ? (routes.email ?? []).map((recipient) => ({ channel: 'email' as const, recipient })) : []),
    ...(config.webhook ? [{ channel: 'webhook' as const, recipient: addressee }] : []),
    ...(routes.wecom ? [{ channel: 'wecom' as const, recipient: addressee }] : []),
    ...(routes.dingtalk ? [{ channel: 'dingtalk' as const, recipient: addressee }] : []),
  ];
}

/** The channels the configuration enables (in-app always exists: routing decides whether it is used). */
export function createChannels(config: ReminderConfig, clock: Clock): Map<ReminderChannelName, ReminderChannel> {
  const robots = (addressee: string) => config.recipients[addressee];
  const channels: ReminderChannel[] = [
    new InAppChannel(),
    new WeComChannel(robots, config.sendTimeoutMs),
    new DingTalkChannel(robots, clock, config.sendTimeoutMs),
    ...(config.smtp ? [new EmailChannel(config.smtp.url, config.smtp.from, config.sendTimeoutMs)] : []),
    ...(config.webhook
      ? [new WebhookChannel(config.webhook.url, config.webhook.secret, clock, config.sendTimeoutMs)]
      : []),
  ];
  return new Map(channels.map((c) => [c.name, c]));
}
