import { foldTask } from '../task/task.fold';
import type { TaskEvent } from '../task/task.events';
import { assigned, C5, PLAN_ID } from '../task/testing/task.fixtures';
import { evolve } from '../task/task.state';
import { deliveryEvents, pendingRoutes, recordedDeliveries, type DeliveryRoute } from './reminder.deliveries';
import { reminderMessage } from './reminder.message';
import { planReminders } from './reminder.plan';
import { DEFAULT_REMINDER_POLICY } from './reminder.policy';

const STREAM = `task-${PLAN_ID}.C-5`;
const given = [assigned(C5)];
const state = foldTask(given);
const reminders = planReminders(state, DEFAULT_REMINDER_POLICY);
const escalation = reminders.find((r) => r.rule === 'escalation-office')!;
const beforeDue = reminders.find((r) => r.rule === 'before-due')!;
const ROUTES: DeliveryRoute[] = [
  { channel: 'inapp', recipient: '无废办' },
  { channel: 'email', recipient: 'office@example.gov.cn' },
];
const ctx = { now: '2024-07-03T08:30:05.000+08:00', attempt: 1 };

describe('recording deliveries', () => {
  it('when one channel fails, then the other is recorded sent and the failure is recorded with its attempt', () => {
    const events = deliveryEvents(
      STREAM,
      escalation,
      'm',
      [
        { route: ROUTES[0]!, outcome: { ok: true } },
        { route: ROUTES[1]!, outcome: { ok: false, error: 'ECONNREFUSED' } },
      ],
      recordedDeliveries(given),
      ctx,
    );
    expect(events.map((e) => e.type)).toEqual(['EscalationSent', 'ReminderFailed']);
    expect(events[0]!.data).toMatchObject({
      level: 'office',
      daysOverdue: 3,
      department: C5.milestones[0]!.owner,
      recipient: '无废办',
      sentAt: ctx.now,
    });
    expect(events[1]!.data).toMatchObject({ error: 'ECONNREFUSED', attempt: 1, failedAt: ctx.now, channel: 'email' });
  });

  it('given the deliveries are in the stream, when the job runs again, then nothing is pending and nothing is recorded twice', () => {
    const first = deliveryEvents(
      STREAM,
      beforeDue,
      'm',
      ROUTES.map((route) => ({ route, outcome: { ok: true } as const })),
      recordedDeliveries(given),
      ctx,
    );
    const stream: TaskEvent[] = [...given, ...first];
    expect(pendingRoutes(STREAM, beforeDue, ROUTES, recordedDeliveries(stream))).toEqual([]);
    expect(
      deliveryEvents(
        STREAM,
        beforeDue,
        'm',
        ROUTES.map((route) => ({ route, outcome: { ok: true } as const })),
        recordedDeliveries(stream),
        ctx,
      ),
    ).toEqual([]);
    expect(first.reduce(evolve, state)).toBe(state);
  });

  it('records a failure once per attempt', () => {
    const failed = [{ route: ROUTES[1]!, outcome: { ok: false, error: 'timeout' } as const }];
    const once = deliveryEvents(STREAM, beforeDue, 'm', failed, recordedDeliveries(given), ctx);
    const recorded = recordedDeliveries([...given, ...once]);
    expect(deliveryEvents(STREAM, beforeDue, 'm', failed, recorded, ctx)).toEqual([]);
    expect(deliveryEvents(STREAM, beforeDue, 'm', failed, recorded, { ...ctx, attempt: 2 })).toHaveLength(1);
  });

  it('writes a Chinese text naming task code, title, department, date and what is expected', () => {
    const text = reminderMessage(beforeDue, (state as Extract<typeof state, { task: unknown }>).task);
    expect(text).toContain('C-5');
    expect(text).toContain(C5.facts.title);
    expect(text).toContain(beforeDue.department);
    expect(text).toContain(beforeDue.dueDate);
    expect(text).toMatch(/请按期完成/);
  });
});
