import { createHmac } from 'node:crypto';
import type { Clock } from '@zw/clock';
import type { AddresseeRoutes } from '../reminder.config';
import { assertRobotAccepted, postJson } from './http-post';
import type { OutgoingReminder, ReminderChannel } from './reminder-channel.port';

type Robots = (addressee: string) => AddresseeRoutes | undefined;

/** WeCom (企业微信) group robot: POST {msgtype:'text'} to the robot's webhook; `errcode` 0 means accepted. */
export class WeComChannel implements ReminderChannel {
  readonly name = 'wecom' as const;
  constructor(
    private readonly robots: Robots,
    private readonly timeoutMs: number,
  ) {}

  async send(message: OutgoingReminder): Promise<void> {
    const url = this.robots(message.route.recipient)?.wecom;
    if (!url) throw new Error(`no WeCom robot configured for ${message.route.recipient}`);
    assertRobotAccepted(
      await postJson(url, { msgtype: 'text', text: { content: message.text } }, this.timeoutMs),
      'WeCom',
    );
  }
}

/**
 * DingTalk (钉钉) group robot. With 加签 the URL gets `timestamp` (ms) and `sign` =
 * base64(HMAC-SHA256(secret, "<timestamp>\n<secret>")); DingTalk refuses timestamps over an hour off.
 */
export class DingTalkChannel implements ReminderChannel {
  readonly name = 'dingtalk' as const;
  constructor(
    private readonly robots: Robots,
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  async send(message: OutgoingReminder): Promise<void> {
    const robot = this.robots(message.route.recipient)?.dingtalk;
    if (!robot) throw new Error(`no DingTalk robot configured for ${message.route.recipient}`);
    assertRobotAccepted(
      await postJson(
        signedUrl(robot.url, robot.secret, this.clock),
        { msgtype: 'text', text: { content: message.text } },
        this.timeoutMs,
      ),
      'DingTalk',
    );
  }
}

export function signedUrl(url: string, secret: string | undefined, clock: Clock): string {
  if (!secret) return url;
  const timestamp = String(clock.now().getTime());
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}
