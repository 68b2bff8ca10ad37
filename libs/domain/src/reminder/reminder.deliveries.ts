import type { Instant } from '../shared/local-date';
import { isReminderEvent, type ReminderChannelName, type ReminderEvent } from './reminder.events';
import type { PlannedReminder } from './reminder.plan';

/**
 * Deciding what to record about a delivery. The stream reminded about (a task's, an
 * indicator's) is the record: a delivery id
 * found in a ReminderSent/EscalationSent is never sent or recorded again, and a failure is
 * recorded once per delivery and attempt, so a job that runs twice records nothing twice.
 */
export interface DeliveryRoute {
  readonly channel: ReminderChannelName;
  readonly recipient: string;
}

export type DeliveryOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

export function deliveryId(streamId: string, reminder: PlannedReminder, route: DeliveryRoute): string {
  return [streamId, reminder.key, route.channel, route.recipient].join('/');
}

export interface Recorded {
  readonly sent: ReadonlySet<string>;
  /** `<deliveryId>#<attempt>` */
  readonly failed: ReadonlySet<string>;
}

/** Reads the deliveries of any stream's events (other events are passed over). */
export function recordedDeliveries(events: Iterable<{ readonly type: string; readonly data: unknown }>): Recorded {
  const sent = new Set<string>();
  const failed = new Set<string>();
  for (const event of events) {
    if (!isReminderEvent(event)) continue;
    if (event.type === 'ReminderSent' || event.type === 'EscalationSent') sent.add(event.data.deliveryId);
    else if (event.type === 'ReminderFailed') failed.add(`${event.data.deliveryId}#${event.data.attempt}`);
  }
  return { sent, failed };
}

/** The routes still to be tried: those without a recorded send. */
export function pendingRoutes(
  streamId: string,
  reminder: PlannedReminder,
  routes: readonly DeliveryRoute[],
  recorded: Recorded,
): DeliveryRoute[] {
  return routes.filter((route) => !recorded.sent.has(deliveryId(streamId, reminder, route)));
}

export interface DeliveryResult {
  readonly route: DeliveryRoute;
  readonly outcome: DeliveryOutcome;
}

/** The events recording `results`, leaving out what the stream already holds. */
export function deliveryEvents(
  streamId: string,
  reminder: PlannedReminder,
  message: string,
  results: readonly DeliveryResult[],
  recorded: Recorded,
  context: { readonly now: Instant; readonly attempt: number },
): ReminderEvent[] {
  const events: ReminderEvent[] = [];
  for (const { route, outcome } of results) {
    const id = deliveryId(streamId, reminder, route);
    if (recorded.sent.has(id)) continue;
    const facts = {
      deliveryId: id,
      rule: reminder.rule,
      department: reminder.department,
      channel: route.channel,
      recipient: route.recipient,
      target: reminder.target,
      dueDate: reminder.dueDate,
      message,
    };
    const escalation = reminder.level ? { level: reminder.level, daysOverdue: reminder.days } : undefined;
    if (!outcome.ok) {
      if (recorded.failed.has(`${id}#${context.attempt}`)) continue;
      events.push({
        type: 'ReminderFailed',
        data: { ...facts, ...escalation, error: outcome.error, attempt: context.attempt, failedAt: context.now },
      });
    } else if (escalation) {
      events.push({ type: 'EscalationSent', data: { ...facts, ...escalation, sentAt: context.now } });
    } else {
      events.push({ type: 'ReminderSent', data: { ...facts, sentAt: context.now } });
    }
  }
  return events;
}
