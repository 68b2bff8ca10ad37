import { Logger } from '@nestjs/common';
import { toShanghaiIso, type Clock } from '@zw/clock';
import {
  deliveryEvents,
  deliveryId,
  isSendTime,
  nextSendTime,
  parseIndicatorStreamId,
  pendingRoutes,
  recordedDeliveries,
  type DeliveryResult,
  type PlannedReminder,
  type ReminderChannelName,
} from '@zw/domain';
import { ConcurrencyError, type EventStore, type RecordedEvent } from '@zw/event-store';
import { addresseeOf, routesFor } from './channels/reminder.routing';
import type { OutgoingReminder, ReminderChannel } from './channels/reminder-channel.port';
import { IndicatorReminderCheck } from './indicators/indicator-reminders.check';
import { PlanDefinitions } from './indicators/plan-definitions';
import type { ReminderConfig } from './reminder.config';
import type { Recheck } from './reminder.recheck';
import { deterministicUuid } from './scheduler/reminder-job.ids';
import { DeferDelivery, type JobRun } from './scheduler/reminder-scheduler.port';
import { recheckTask } from './tasks/task-reminders.check';

const APPEND_ATTEMPTS = 5;
export const REMINDER_ACTOR = 'system:reminders';

/**
 * Runs one reminder job: re-reads the stream it is about (a task's, an indicator's), asks the
 * policy whether the reminder is still called for (a completed milestone, an extended date, a
 * replaced department, a value reported: dropped and logged), waits out quiet hours, sends
 * over every route not yet recorded as sent, and records each outcome in that stream with the
 * revision it read. A job that runs twice (retry, stalled worker, two workers) finds its
 * deliveries in the stream and sends nothing again.
 */
export class ReminderProcessor {
  private readonly logger = new Logger('Reminders');
  private readonly indicators: IndicatorReminderCheck;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly config: ReminderConfig,
    private readonly channels: ReadonlyMap<ReminderChannelName, ReminderChannel>,
  ) {
    this.indicators = new IndicatorReminderCheck(new PlanDefinitions(store), config.policy);
  }

  readonly run = async ({ job, attempt }: JobRun): Promise<void> => {
    const { streamId } = job;
    let events = await this.store.readStream(streamId);
    const check = await this.recheck(streamId, events, job.reminder);
    if (!check.due) {
      this.logger.log(
        { jobId: job.jobId, streamId, key: job.reminder.key, reason: check.reason },
        'reminder dropped: no longer called for',
      );
      return;
    }
    const now = this.clock.now();
    if (!isSendTime(now, this.config.policy.sendWindow))
      throw new DeferDelivery(nextSendTime(now, this.config.policy.sendWindow));

    const { reminder, text, subject, about } = check;
    const routes = routesFor(addresseeOf(reminder, this.config), this.config);
    const pending = pendingRoutes(streamId, reminder, routes, recordedDeliveries(events));
    if (routes.length === 0)
      this.logger.warn(
        { streamId, key: reminder.key, addressee: addresseeOf(reminder, this.config) },
        'reminder has no recipient: no channel configured',
      );
    if (pending.length === 0) return;

    const facts = { ...this.facts(streamId, reminder, text), ...about };
    const results = await Promise.all(
      pending.map((route) =>
        this.deliver({ route, subject, text, facts: { ...facts, deliveryId: deliveryId(streamId, reminder, route) } }),
      ),
    );
    const sentAt = toShanghaiIso(this.clock.now());

    for (let i = 1; ; i++) {
      const toAppend = deliveryEvents(streamId, reminder, text, results, recordedDeliveries(events), {
        now: sentAt,
        attempt,
      });
      if (toAppend.length === 0) break;
      try {
        await this.store.append(
          streamId,
          toAppend.map((e) => ({
            id: deterministicUuid(`${e.data.deliveryId}#${e.type === 'ReminderFailed' ? e.data.attempt : 'sent'}`),
            type: e.type,
            data: e.data,
            metadata: {
              actorId: REMINDER_ACTOR,
              role: 'system',
              correlationId: job.jobId,
              causationId: job.jobId,
              occurredAt: sentAt,
            },
          })),
          events.at(-1)?.revision ?? 'no_stream',
        );
        this.logger.log(
          { streamId, key: reminder.key, recorded: toAppend.map((e) => `${e.type}:${e.data.channel}`) },
          'reminder delivered',
        );
        break;
      } catch (error) {
        // Someone appended meanwhile (a command, or another worker recording the same delivery): read and look again.
        if (!(error instanceof ConcurrencyError) || i >= APPEND_ATTEMPTS) throw error;
        events = await this.store.readStream(streamId);
      }
    }
    const failures = results.filter((r) => !r.outcome.ok);
    if (failures.length > 0) {
      throw new Error(
        failures
          .map((f) => `${f.route.channel} ${f.route.recipient}: ${f.outcome.ok ? '' : f.outcome.error}`)
          .join('; '),
      );
    }
  };

  /** Indicator streams are re-checked against the indicator and the plan; everything else is a task stream. */
  private recheck(streamId: string, events: readonly RecordedEvent[], reminder: PlannedReminder): Promise<Recheck> {
    if (parseIndicatorStreamId(streamId)) return this.indicators.check(streamId, events, reminder);
    return Promise.resolve(recheckTask(events, reminder, this.config.policy));
  }

  private async deliver(message: OutgoingReminder): Promise<DeliveryResult> {
    const channel = this.channels.get(message.route.channel);
    try {
      if (!channel) throw new Error(`channel ${message.route.channel} is not configured`);
      await channel.send(message);
      return { route: message.route, outcome: { ok: true } };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        {
          channel: message.route.channel,
          recipient: message.route.recipient,
          deliveryId: message.facts.deliveryId,
          error: text,
        },
        'reminder channel failed',
      );
      return { route: message.route, outcome: { ok: false, error: text } };
    }
  }

  private facts(streamId: string, reminder: PlannedReminder, message: string) {
    return {
      deliveryId: `${streamId}/${reminder.key}`,
      rule: reminder.rule,
      department: reminder.department,
      target: reminder.target,
      dueDate: reminder.dueDate,
      message,
      streamId,
    };
  }
}
