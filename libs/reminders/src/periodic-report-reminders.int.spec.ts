import type { ReminderSent, TaskEvent } from '@zw/domain';
import { createChannels } from './channels/reminder.routing';
import { loadReminderConfig } from './reminder.config';
import { ReminderPlanner } from './reminder.planner';
import { ReminderProcessor } from './reminder.processor';
import { InProcessScheduler } from './scheduler/in-process.scheduler';
import { meta, openStore, type StoreHarness } from './testing/reminder.fixtures';

const FINANCE = '区财政局';
const C2_STREAM = 'task-lianyun-2022-2025.C-2';

/** C-2 推进绿色信贷投放 (持续开展), quarterly reports, 区财政局 alone, assigned 2 January 2024. */
const assignedC2: TaskEvent = {
  type: 'TaskAssigned',
  data: {
    facts: {
      planId: 'lianyun-2022-2025',
      code: 'C-2',
      title: '推进绿色信贷投放',
      text: '推进绿色信贷投放，加大“无废城市”工程项目建设金融支持力度',
      system: '市场体系建设',
      area: '金融调控',
      window: '持续开展',
      ongoing: true,
    },
    lead: [FINANCE],
    cooperating: [],
    dueDate: null,
    milestones: [],
    acknowledgeBy: '2024-01-05',
    reporting: 'quarterly',
    assignedAt: '2024-01-02T09:00:00+08:00',
    source: 'plan',
  },
};

/** Periodic-report reminders of a 持续开展 task, from the log to recorded deliveries (real SQLite file). */
describe('periodic-report reminders (持续开展): planned, sent and recorded like the others', () => {
  let h: StoreHarness;
  let scheduler: InProcessScheduler;
  let planner: ReminderPlanner;
  afterEach(async () => {
    await planner.stop();
    await scheduler.close();
    await h.close();
  });

  it('given C-2 acknowledged and its 2024-Q1 report missing, when the worker runs on 16 April, then each reminder due so far is recorded once in the task stream; once the report is in, that period’s chase stops', async () => {
    h = openStore('2024-04-16T09:00:00+08:00');
    const config = loadReminderConfig({});
    scheduler = new InProcessScheduler({
      clock: h.clock,
      retry: { attempts: 2, backoffMs: 60_000 },
      tickMs: 3_600_000,
      concurrency: 2,
    });
    planner = new ReminderPlanner(h.store, scheduler, { policy: config.policy });
    const processor = new ReminderProcessor(h.store, h.clock, config, createChannels(config, h.clock));
    await h.append(assignedC2, '2024-01-02T09:00:00+08:00', C2_STREAM);
    await h.store.append(
      C2_STREAM,
      [
        {
          type: 'TaskAcknowledged',
          data: {
            department: FINANCE,
            role: 'lead',
            acknowledgeBy: '2024-01-05',
            acknowledgedAt: '2024-01-03T09:00:00+08:00',
            late: false,
          },
          metadata: meta('2024-01-03T09:00:00+08:00', 'department'),
        },
      ],
      'any',
    );
    await planner.start();
    await scheduler.start(processor.run);

    const sent = async () =>
      (await h.deliveries(C2_STREAM))
        .filter((e) => e.type === 'ReminderSent')
        .map((e) => e.data as ReminderSent['data']);
    const first = await sent();
    // 30, 7 and 1 working days before the due date 2024-04-15, and the first overdue notice.
    expect(first.map((d) => [d.rule, d.target, d.department, d.dueDate, d.channel])).toEqual([
      ['before-due', { kind: 'period', period: '2024-Q1' }, FINANCE, '2024-04-15', 'inapp'],
      ['before-due', { kind: 'period', period: '2024-Q1' }, FINANCE, '2024-04-15', 'inapp'],
      ['before-due', { kind: 'period', period: '2024-Q1' }, FINANCE, '2024-04-15', 'inapp'],
      ['overdue', { kind: 'period', period: '2024-Q1' }, FINANCE, '2024-04-15', 'inapp'],
    ]);
    expect(new Set(first.map((d) => d.deliveryId)).size).toBe(4);
    expect(first.at(-1)!.message).toBe(
      '【逾期提醒】区财政局：任务 C-2「推进绿色信贷投放」2024 年第 1 季度的定期报送已于 2024-04-15 到期，现已逾期 1 天。请尽快完成并报送进展、上传佐证材料，或说明原因。',
    );

    await h.store.append(
      C2_STREAM,
      [
        {
          type: 'PeriodicReportSubmitted',
          data: {
            department: FINANCE,
            period: '2024-Q1',
            text: '一季度绿色信贷投放 3 亿元',
            difficulties: '',
            nextSteps: '',
            submittedAt: '2024-04-16T10:00:00+08:00',
          },
          metadata: meta('2024-04-16T10:00:00+08:00', 'department'),
        },
      ],
      'any',
    );
    const last = (await h.store.readAll(undefined, 1_000_000)).at(-1)!.position;
    for (let i = 0; i < 300 && (planner as unknown as { position?: bigint }).position !== last; i++)
      await new Promise((r) => setTimeout(r, 10));
    h.clock.set('2024-04-22T09:00:00+08:00');
    await scheduler.runDue();
    expect(await sent()).toHaveLength(4);
  });
});
