import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
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
    });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
