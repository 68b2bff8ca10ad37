import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { PlannedReminder, ReminderSent } from '@zw/domain';
import { createChannels } from './channels/reminder.routing';
import { webhookMessageId, webhookSignature } from './channels/webhook.channel';
import { loadReminderConfig, type ReminderConfig } from './reminder.config';
import { ReminderPlanner } from './reminder.planner';
import { ReminderProcessor } from './reminder.processor';
import { InProcessScheduler } from './scheduler/in-process.scheduler';
import { DeferDelivery } from './scheduler/reminder-scheduler.port';
import {
  acknowledgedBy,
  assignedC5,
  C5_STREAM,
  completedM1,
  ECO,
  openStore,
  URBAN,
  type StoreHarness,
} from './testing/reminder.fixtures';

const ACK_ECO_1: PlannedReminder = {
  key: `acknowledgement-late/ack/${ECO}/2024-01-05/1`,
  rule: 'acknowledgement-late',
  target: { kind: 'acknowledgement' },
  department: ECO,
  dueDate: '2024-01-05',
  days: 1,
  fireAt: '2024-01-08T08:30:00+08:00',
};

/** Planner → in-process scheduler → processor → the task stream, on a real SQLite file and real HTTP. */
describe('reminders from events to recorded deliveries (real SQLite file)', () => {
  let h: StoreHarness;
  let scheduler: InProcessScheduler;
  let planner: ReminderPlanner;
  let processor: ReminderProcessor;
  let hook: {
    server: Server;
    url: string;
    failNext: number;
    bodies: Array<{ body: string; signature: string; timestamp: string; webhookId: string; idempotencyKey: string }>;
  };

  const start = async (now: string, env: Record<string, string> = {}) => {
    h = openStore(now);
    const config: ReminderConfig = loadReminderConfig(env);
    scheduler = new InProcessScheduler({
      clock: h.clock,
      retry: { attempts: 3, backoffMs: 60_000 },
      tickMs: 3_600_000,
      concurrency: 2,
    });
    processor = new ReminderProcessor(h.store, h.clock, config, createChannels(config, h.clock));
    planner = new ReminderPlanner(h.store, scheduler, { policy: config.policy });
  };
  const run = async () => {
    await planner.start();
    await scheduler.start(processor.run);
  };
  /** Live planning happens on the store's subscription: wait until it has seen the last append. */
  const planned = async () => {
    const last = (await h.store.readAll(undefined, 1_000_000)).at(-1)!.position;
    for (let i = 0; i < 200 && (planner as unknown as { position?: bigint }).position !== last; i++)
      await new Promise((r) => setTimeout(r, 10));
  };
  const sent = async () =>
    (await h.deliveries()).filter((e) => e.type !== 'ReminderFailed').map((e) => e.data as ReminderSent['data']);

  beforeAll(async () => {
    hook = { server: createServer(), url: '', failNext: 0, bodies: [] };
    hook.server.on('request', (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hook.bodies.push({
          body,
          signature: String(req.headers['x-zw-signature']),
          timestamp: String(req.headers['x-zw-timestamp']),
          webhookId: String(req.headers['webhook-id']),
          idempotencyKey: String(req.headers['idempotency-key']),
        });
        res.statusCode = hook.failNext-- > 0 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => hook.server.listen(0, '127.0.0.1', r));
    hook.url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((r) => hook.server.close(() => r())));
  afterEach(async () => {
    await planner.stop();
    await scheduler.close();
    await h.close();
    jest.restoreAllMocks();
  });

  it('given C-5 assigned in January and nobody acknowledged, when the worker first runs on 28 June, then every reminder due so far is recorded once, in the task stream', async () => {
    await start('2024-06-28T09:00:00+08:00');
    await h.append(assignedC5(), '2024-01-02T09:00:00+08:00');
    await run();
    const records = await sent();
    expect(records.map((d) => [d.rule, d.department, d.dueDate, d.channel, d.recipient]).sort()).toEqual([
      ['acknowledgement-late', URBAN, '2024-01-05', 'inapp', URBAN],
      ['acknowledgement-late', URBAN, '2024-01-05', 'inapp', URBAN],
      ['acknowledgement-late', ECO, '2024-01-05', 'inapp', ECO],
      ['acknowledgement-late', ECO, '2024-01-05', 'inapp', ECO],
      ['before-due', ECO, '2024-06-30', 'inapp', ECO],
      ['before-due', ECO, '2024-06-30', 'inapp', ECO],
      ['before-due', ECO, '2024-06-30', 'inapp', ECO],
    ]);
    expect(records[0]).toMatchObject({ target: { kind: 'acknowledgement' }, sentAt: '2024-06-28T09:00:00.000+08:00' });
    expect(new Set(records.map((d) => d.deliveryId)).size).toBe(7);
    const stream = await h.store.readStream(C5_STREAM);
    expect(stream.at(-1)!.metadata).toMatchObject({ actorId: 'system:reminders', role: 'system' });

    // The same jobs run again (a retry, a second worker): nothing is sent or recorded twice.
    await processor.run({
      job: { jobId: 'again', streamId: C5_STREAM, reminder: ACK_ECO_1 },
      attempt: 1,
      final: false,
    });
    expect(await h.deliveries()).toHaveLength(7);
  });

  it('when the milestone is completed, then its overdue notices are cancelled, and a job that runs anyway is dropped and logged', async () => {
    await start('2024-06-28T09:00:00+08:00');
    await h.append(assignedC5(), '2024-01-02T09:00:00+08:00');
    await h.append(acknowledgedBy(ECO, 'lead', '2024-01-03T09:00:00+08:00'), '2024-01-03T09:00:00+08:00');
    await h.append(acknowledgedBy(URBAN, 'cooperating', '2024-01-03T09:00:00+08:00'), '2024-01-03T09:00:00+08:00');
    await run();
    const pendingBefore = await scheduler.pending();
    await h.append(completedM1('2024-06-28T10:00:00+08:00'));
    await planned();
    expect(await scheduler.pending()).toBeLessThan(pendingBefore);

    h.clock.set('2024-07-19T09:00:00+08:00');
    await scheduler.runDue();
    expect(
      (await sent()).filter(
        (d) => d.target.kind === 'milestone' && d.target.milestoneId === 'm1' && d.rule !== 'before-due',
      ),
    ).toEqual([]);

    const log = jest.spyOn(Logger.prototype, 'log');
    const overdue = {
      key: 'overdue/m-m1/连云生态环境局/2024-06-30/1',
      rule: 'overdue',
      target: { kind: 'milestone', milestoneId: 'm1' },
      department: ECO,
      dueDate: '2024-06-30',
      days: 1,
      fireAt: '2024-07-01T08:30:00+08:00',
    } as const;
    const before = (await h.deliveries()).length;
    await processor.run({ job: { jobId: 'stale', streamId: C5_STREAM, reminder: overdue }, attempt: 1, final: false });
    expect((await h.deliveries()).length).toBe(before);
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ key: overdue.key, reason: 'milestone completed' }),
      'reminder dropped: no longer called for',
    );
  });

  it('given the webhook fails once, then in-app is recorded sent, the webhook failure is recorded, and the retry sends only the webhook, HMAC-signed', async () => {
    await start('2024-01-08T09:00:00+08:00', {
      REMINDER_WEBHOOK_URL: hook.url,
      REMINDER_WEBHOOK_SECRET: 'a-secret-of-32-characters-length',
    });
    hook.failNext = 2;
    hook.bodies = [];
    await h.append(assignedC5(), '2024-01-02T09:00:00+08:00');
    await run();
    let records = await h.deliveries();
    expect(records.map((e) => [e.type, (e.data as ReminderSent['data']).channel]).sort()).toEqual([
      ['ReminderFailed', 'webhook'],
      ['ReminderFailed', 'webhook'],
      ['ReminderSent', 'inapp'],
      ['ReminderSent', 'inapp'],
    ]);
    expect(records.find((e) => e.type === 'ReminderFailed')!.data).toMatchObject({
      attempt: 1,
      error: expect.stringMatching(/HTTP 503/),
      failedAt: '2024-01-08T09:00:00.000+08:00',
    });

    h.clock.advance(60_000);
    await scheduler.runDue();
    records = await h.deliveries();
    expect(
      records
        .filter((e) => e.type === 'ReminderSent')
        .map((e) => (e.data as ReminderSent['data']).channel)
        .sort(),
    ).toEqual(['inapp', 'inapp', 'webhook', 'webhook']);
    const last = hook.bodies.at(-1)!;
    expect(last.signature).toBe(webhookSignature('a-secret-of-32-characters-length', last.timestamp, last.body));
    expect(JSON.parse(last.body)).toMatchObject({
      taskCode: 'C-5',
      rule: 'acknowledgement-late',
      message: expect.stringContaining('签收'),
    });
    // Each delivery keeps one id over its failed and retried sends (a receiver drops a repeat by it); two deliveries, two ids.
    const idsByDelivery = new Map<string, Set<string>>();
    for (const b of hook.bodies) {
      const { deliveryId } = JSON.parse(b.body) as { deliveryId: string };
      expect(b.idempotencyKey).toBe(b.webhookId);
      expect(b.webhookId).toBe(webhookMessageId(deliveryId));
      idsByDelivery.set(deliveryId, (idsByDelivery.get(deliveryId) ?? new Set()).add(b.webhookId));
    }
    expect(hook.bodies).toHaveLength(4);
    expect([...idsByDelivery.values()].map((ids) => ids.size)).toEqual([1, 1]);
    expect(new Set(hook.bodies.map((b) => b.webhookId)).size).toBe(2);
  });

  it('in quiet hours, then nothing is sent and the job is deferred to the next working morning', async () => {
    await start('2024-09-30T19:00:00+08:00');
    await h.append(assignedC5(), '2024-01-02T09:00:00+08:00');
    await planner.start();
    const deferred = processor.run({
      job: { jobId: 'night', streamId: C5_STREAM, reminder: ACK_ECO_1 },
      attempt: 1,
      final: false,
    });
    await expect(deferred).rejects.toEqual(new DeferDelivery('2024-10-08T08:30:00+08:00'));
    expect(await h.deliveries()).toEqual([]);
  });
});
