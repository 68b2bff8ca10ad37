import { createHmac } from 'node:crypto';
import type { Clock } from '@zw/clock';
import { deterministicUuid } from '../scheduler/reminder-job.ids';
import { postJson } from './http-post';
import type { OutgoingReminder, ReminderChannel } from './reminder-channel.port';

export const SIGNATURE_HEADER = 'x-zw-signature';
export const TIMESTAMP_HEADER = 'x-zw-timestamp';
/** The delivery's id as Standard Webhooks names it; the same on every retry and every resend of one delivery. */
export const WEBHOOK_ID_HEADER = 'webhook-id';
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/**
 * Header-safe id of a delivery (the delivery id itself holds Chinese names and '/'): derived
 * from it, so a receiver that keeps the ids it has seen drops a repeat — delivery is
 * at-least-once (a crash between the send and its record sends again).
 */
export function webhookMessageId(deliveryId: string): string {
  return `msg_${deterministicUuid(deliveryId)}`;
}

/** The signature a receiver recomputes: HMAC-SHA256 over `<timestamp>.<body>` (the timestamp stops replays). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A generic JSON webhook for the district's own systems (OA, 政务平台), HMAC-signed. */
export class WebhookChannel implements ReminderChannel {
  readonly name = 'webhook' as const;

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  async send(message: OutgoingReminder): Promise<void> {
    const body = JSON.stringify({ ...message.facts, recipient: message.route.recipient, subject: message.subject });
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    await postJson(this.url, body, this.timeoutMs, {
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: webhookSignature(this.secret, timestamp, body),
      'x-zw-delivery': encodeURIComponent(message.facts.deliveryId),
      [WEBHOOK_ID_HEADER]: webhookMessageId(message.facts.deliveryId),
      [IDEMPOTENCY_KEY_HEADER]: webhookMessageId(message.facts.deliveryId),
    });
  }
}
