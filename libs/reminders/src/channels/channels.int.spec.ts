import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '@zw/clock';
import { loadReminderConfig } from '../reminder.config';
import { startSmtpSink } from '../testing/smtp-sink';
import { createChannels, routesFor } from './reminder.routing';
import type { OutgoingReminder } from './reminder-channel.port';

const clock = new ManualClock('2024-07-03T09:00:00+08:00');
const message = (channel: OutgoingReminder['route']['channel'], recipient: string): OutgoingReminder => ({
  route: { channel, recipient },
  subject: '【督办】C-5 社会源危险废物回收体系建设',
  text: '【督办·无废办】区城管局承担的任务 C-5…已逾期 3 个工作日仍未完成。',
  facts: {
    deliveryId: `task-x.C-5/escalation-office/m-m2/区城管局/2024-06-30/3/${channel}/${recipient}`,
    rule: 'escalation-office',
    department: '区城管局',
    target: { kind: 'milestone', milestoneId: 'm2' },
    dueDate: '2024-06-30',
    message: '…',
    streamId: 'task-x.C-5',
    taskCode: 'C-5',
    taskTitle: '社会源危险废物回收体系建设',
  },
});

/** A robot endpoint that answers like WeCom/DingTalk: 200 with `errcode`. */
function robotServer() {
  const calls: Array<{ url: string; body: { msgtype: string; text: { content: string } } }> = [];
  let answer = { errcode: 0, errmsg: 'ok' };
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push({ url: req.url ?? '', body: JSON.parse(body) as never });
      res.setHeader('content-type', 'application/json').end(JSON.stringify(answer));
    });
  });
  return {
    calls,
    server,
    refuse: (errcode: number, errmsg: string) => (answer = { errcode, errmsg }),
    listen: () =>
      new Promise<string>((r) =>
        server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('reminder channels over real sockets', () => {
  it('given recipients per department, then each addressee gets in-app plus its configured channels, in a fixed order', () => {
    const config = loadReminderConfig({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SMTP_FROM: 'wufeiban@lianyun.gov.cn',
      REMINDER_RECIPIENTS: JSON.stringify({
        无废办: {
          email: ['a@lianyun.gov.cn', 'b@lianyun.gov.cn'],
          wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
        },
        区城管局: { dingtalk: { url: 'https://oapi.dingtalk.com/robot/send?access_token=t' } },
      }),
    });
    expect(routesFor('无废办', config)).toEqual([
      { channel: 'inapp', recipient: '无废办' },
      { channel: 'email', recipient: 'a@lianyun.gov.cn' },
      { channel: 'email', recipient: 'b@lianyun.gov.cn' },
      { channel: 'wecom', recipient: '无废办' },
    ]);
    expect(routesFor('区城管局', config)).toEqual([
      { channel: 'inapp', recipient: '区城管局' },
      { channel: 'dingtalk', recipient: '区城管局' },
    ]);
    expect(routesFor('区商务局', { ...config, inApp: false })).toEqual([]);
  });

  it('sends e-mail over SMTP with nodemailer, and reports a refusal as an error', async () => {
    const sink = await startSmtpSink();
    const config = loadReminderConfig({
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      SMTP_FROM: 'wufeiban@lianyun.gov.cn',
    });
    const email = createChannels(config, clock).get('email')!;
    await email.send(message('email', 'chengguan@lianyun.gov.cn'));
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0]).toMatchObject({ from: 'wufeiban@lianyun.gov.cn', to: ['chengguan@lianyun.gov.cn'] });
    expect(sink.mails[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
    sink.reject(1);
    await expect(email.send(message('email', 'chengguan@lianyun.gov.cn'))).rejects.toThrow(/554/);
    await email.close?.();
    await sink.close();
  });

  it('posts to a WeCom group robot, and treats errcode ≠ 0 as a failure', async () => {
    const robot = robotServer();
    const base = await robot.listen();
    const config = loadReminderConfig({
      REMINDER_RECIPIENTS: JSON.stringify({ 无废办: { wecom: `${base}/cgi-bin/webhook/send?key=abc` } }),
    });
    const wecom = createChannels(config, clock).get('wecom')!;
    await wecom.send(message('wecom', '无废办'));
    expect(robot.calls[0]).toEqual({
      url: '/cgi-bin/webhook/send?key=abc',
      body: { msgtype: 'text', text: { content: message('wecom', '无废办').text } },
    });
    robot.refuse(93000, 'invalid webhook url');
    await expect(wecom.send(message('wecom', '无废办'))).rejects.toThrow(
      'WeCom robot refused the message: errcode 93000 invalid webhook url',
    );
    await robot.close();
  });

  it('signs DingTalk robot calls (加签) with the timestamp and HMAC-SHA256 of the secret', async () => {
    const robot = robotServer();
    const base = await robot.listen();
    const secret = 'SEC0123456789abcdef';
    const config = loadReminderConfig({
      REMINDER_RECIPIENTS: JSON.stringify({
        区城管局: { dingtalk: { url: `${base}/robot/send?access_token=tok`, secret } },
      }),
    });
    await createChannels(config, clock).get('dingtalk')!.send(message('dingtalk', '区城管局'));
    const url = new URL(robot.calls[0]!.url, base);
    const timestamp = String(clock.now().getTime());
    expect(url.searchParams.get('access_token')).toBe('tok');
    expect(url.searchParams.get('timestamp')).toBe(timestamp);
    expect(url.searchParams.get('sign')).toBe(
      createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'),
    );
    await robot.close();
  });

  it('refuses a bad reminder configuration naming every problem', () => {
    expect(() =>
      loadReminderConfig({
        SMTP_URL: 'mail.example.com',
        REMINDER_WEBHOOK_URL: 'https://oa.example.gov.cn/hook',
        REMINDER_BEFORE_DUE_DAYS: '30,seven',
        REMINDER_SEND_WINDOW: '18:00-08:30',
        REMINDER_QUEUE_PREFIX: 'zw:prod',
        REMINDER_RECIPIENTS: '{"区城管局":{"sms":["1380000"]}}',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'REMINDER_BEFORE_DUE_DAYS="30,seven" must be a comma-separated list of whole days, e.g. 30,7,1',
          'REMINDER_SEND_WINDOW: sendWindow 18:00-08:30 must end after it starts',
          'SMTP_URL="mail.example.com" must start with smtps?://',
          'SMTP_FROM must be set when SMTP_URL is (the sender address)',
          'REMINDER_WEBHOOK_SECRET must be at least 16 characters when REMINDER_WEBHOOK_URL is set (HMAC key)',
          'REMINDER_QUEUE_PREFIX="zw:prod" must be letters, digits, - and _ (no \':\')',
          'REMINDER_RECIPIENTS["区城管局"].sms is not a channel (email, wecom, dingtalk)',
        ],
      }),
    );
  });
});
