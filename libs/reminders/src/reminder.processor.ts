import { Logger } from '@nestjs/common';
import { toShanghaiIso, type Clock } from '@zw/clock';
import {
  deliveryEvents, deliveryId, foldTask, isSendTime, nextSendTime, pendingRoutes, planReminders, recordedDeliveries, reminderMessage,
  reminderSubject, type DeliveryResult, type PlannedReminder, type ReminderChannelName, type TaskEvent, type TaskState,
} from '@zw/domain';
import { ConcurrencyError, type EventStore } from '@zw/event-store';
import { addresseeOf, routesFor } from './channels/reminder.routing';
import type { OutgoingReminder, ReminderChannel } from './channels/reminder-channel.port';
import type { ReminderConfig } from './reminder.config';
import { deterministicUuid } from './scheduler/reminder-job.ids';
import { DeferDelivery, type JobRun } from './scheduler/reminder-scheduler.port';

const APPEND_ATTEMPTS = 5;
export const REMINDER_ACTOR = 'system:reminders';

/**
 * Runs one reminder job: re-reads the task, asks the policy whether the reminder is still
 * called for (a completed milestone, an extended date, a replaced department: dropped and
 * logged), waits out quiet hours, sends over every route not yet recorded as sent, and
 * records each outcome in the task stream with the revision it read. A job that runs twice
 * (retry, stalled worker, two workers) finds its deliveries in the stream and sends nothing again.
 */
export class ReminderProcessor {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly config: ReminderConfig,
    private readonly channels: ReadonlyMap<ReminderChannelName, ReminderChannel>,
  ) {}

  readonly run = async ({ job, attempt }: JobRun): Promise<void> => {
    const { streamId } = job;
    let events = await this.store.readStream(streamId);
    const state = foldTask(events as unknown as TaskEvent[]);
    const reminder = planReminders(state, this.config.policy).find((r) => r.key === job.reminder.key);
    if (!reminder || !('task' in state)) {
      this.logger.log({ jobId: job.jobId, streamId, key: job.reminder.key, reason: dropReason(state, job.reminder) }, 'reminder dropped: no longer called for');
      return;
    }
    const now = this.clock.now();
    if (!isSendTime(now, this.config.policy.sendWindow)) throw new DeferDelivery(nextSendTime(now, this.config.policy.sendWindow));

    const routes = routesFor(addresseeOf(reminder, this.config), this.config);
    const pending = pendingRoutes(streamId, reminder, routes, recordedDeliveries(events as unknown as TaskEvent[]));
    if (routes.length === 0) this.logger.warn({ streamId, key: reminder.key, addressee: addresseeOf(reminder, this.config) }, 'reminder has no recipient: no channel configured');
    if (pending.length === 0) return;

    const { task } = state;
    const text = reminderMessage(reminder, task, this.config.policy.dayCount);
    const facts = this.facts(streamId, reminder, task, text);
    const results = await Promise.all(pending.map((route) => this.deliver({ route, subject: reminderSubject(reminder, task), text, facts: { ...facts, deliveryId: deliveryId(streamId, reminder, route) } })));
    const sentAt = toShanghaiIso(this.clock.now());

    for (let i = 1; ; i++) {
      const toAppend = deliveryEvents(streamId, reminder, text, results, recordedDeliveries(events as unknown as TaskEvent[]), { now: sentAt, attempt });
      if (toAppend.length === 0) break;
      try {
        await this.store.append(streamId, toAppend.map((e) => ({
          id: deterministicUuid(`${e.data.deliveryId}#${e.type === 'ReminderFailed' ? e.data.attempt : 'sent'}`),
          type: e.type, data: e.data,
          metadata: { actorId: REMINDER_ACTOR, role: 'system', correlationId: job.jobId, causationId: job.jobId, occurredAt: sentAt },
        })), events.at(-1)?.revision ?? 'no_stream');
        this.logger.log({ streamId, key: reminder.key, recorded: toAppend.map((e) => `${e.type}:${e.data.channel}`) }, 'reminder delivered');
        break;
      } catch (error) {
        // Someone appended meanwhile (a command, or another worker recording the same delivery): read and look again.
        if (!(error instanceof ConcurrencyError) || i >= APPEND_ATTEMPTS) throw error;
        events = await this.store.readStream(streamId);
      }
    }
    const failures = results.filter((r) => !r.outcome.ok);
    if (failures.length > 0) {
      throw new Error(failures.map((f) => `${f.route.channel} ${f.route.recipient}: ${f.outcome.ok ? '' : f.outcome.error}`).join('; '));
    }
  };

  private async deliver(message: OutgoingReminder): Promise<DeliveryResult> {
    const channel = this.channels.get(message.route.channel);
    try {
      if (!channel) throw new Error(`channel ${message.route.channel} is not configured`);
      await channel.send(message);
      return { route: message.route, outcome: { ok: true } };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.logger.warn({ channel: message.route.channel, recipient: message.route.recipient, deliveryId: message.facts.deliveryId, error: text }, 'reminder channel failed');
      return { route: message.route, outcome: { ok: false, error: text } };
    }
  }

  private facts(streamId: string, reminder: PlannedReminder, task: TaskRecordOf, message: string): OutgoingReminder['facts'] {
    const { code, title } = task.facts;
    return {
      deliveryId: `${streamId}/${reminder.key}`, rule: reminder.rule, department: reminder.department, target: reminder.target,
      dueDate: reminder.dueDate, message, streamId, taskCode: code, taskTitle: title,
    };
  }
}

function dropReason(state: TaskState, reminder: PlannedReminder): string {
  if (state.status === 'unassigned') return 'task not assigned';
  if (state.status !== 'assigned' && state.status !== 'in_progress') return `task ${state.status}`;
  const { target } = reminder;
  if (target.kind === 'milestone') {
    const milestone = state.task.milestones.get(target.milestoneId);
    if (!milestone) return 'milestone removed';
    if (milestone.completion) return 'milestone completed';
    if (milestone.dueDate !== reminder.dueDate) return `due date moved to ${milestone.dueDate}`;
    if (milestone.owner !== reminder.department) return `milestone now owned by ${milestone.owner}`;
  }
  if (target.kind === 'acknowledgement' && state.task.parts.get(reminder.department)?.acknowledged) return 'acknowledged';
  if (!state.task.parts.has(reminder.department)) return 'department no longer assigned';
  return 'facts changed';
}

type TaskRecordOf = Extract<TaskState, { task: unknown }>['task'];
