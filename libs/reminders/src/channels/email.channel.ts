import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { deterministicUuid } from '../scheduler/reminder-job.ids';
import type { OutgoingReminder, ReminderChannel } from './reminder-channel.port';

/** E-mail over SMTP (nodemailer); `SMTP_URL` e.g. smtps://user:pass@smtp.example.gov.cn:465. */
export class EmailChannel implements ReminderChannel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    const options: SMTPTransport.Options = {
      url: smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    };
    this.transport = createTransport(options);
  }

  async send(message: OutgoingReminder): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.route.recipient,
      subject: message.subject,
      text: message.text,
      // The same Message-ID on a resend of one delivery: mail systems that deduplicate by it drop the repeat.
      messageId: `<${deterministicUuid(message.facts.deliveryId)}@${this.from.split('@')[1] ?? 'zw.invalid'}>`,
    });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
