import { Logger } from '@nestjs/common';
import { indicatorStreamId, type IndicatorEvent, type PlannedReminder, type ReminderSent } from '@zw/domain';
import { importPlan, loadLianyunPlan } from '@zw/plan';
import { loadReminderConfig } from './reminder.config';
import { ReminderPlanner } from './reminder.planner';
import { ReminderProcessor } from './reminder.processor';
import { createChannels } from './channels/reminder.routing';
import { InProcessScheduler } from './scheduler/in-process.scheduler';
import { reminderJobId } from './scheduler/reminder-job.ids';
import { ECO, meta, openStore, URBAN, type StoreHarness } from './testing/reminder.fixtures';

const PLAN = 'lianyun-2022-2025';
const stream = (no: number) => indicatorStreamId(PLAN, String(no));
/** 2023 values are due on Wednesday 31 January 2024: 7 working days before is Monday 22 January. */
const before = (days: number, department = ECO): PlannedReminder => ({
  key: `before-due/i-2023/${department}/2024-01-31/${days}`,
  rule: 'before-due',
  target: { kind: 'indicator', indicatorId: '14', period: '2023' },
  department,
  dueDate: '2024-01-31',
  days,
  fireAt: days === 7 ? '2024-01-22T08:30:00+08:00' : '2024-01-30T08:30:00+08:00',
});

/** Plan import → planner → in-process scheduler → processor → the indicator's stream, on a real SQLite file. */
describe('indicator reporting reminders from the plan to recorded deliveries (real SQLite file)', () => {
  let h: StoreHarness;
  let scheduler: InProcessScheduler;
  let planner: ReminderPlanner;
  let processor: ReminderProcessor;
  const config = loadReminderConfig({});

  /** What the embedded default does on every start: a fresh scheduler, the log replayed, due jobs run. */
  const startWorker = async () => {
    scheduler = new InProcessScheduler({
      clock: h.clock,
      retry: { attempts: 3, backoffMs: 60_000 },
      tickMs: 3_600_000,
      concurrency: 2,
    });
    processor = new ReminderProcessor(h.store, h.clock, config, createChannels(config, h.clock));
    planner = new ReminderPlanner(h.store, scheduler, { policy: config.policy });
    await planner.start();
    await scheduler.start(processor.run);
  };
  const stopWorker = async () => {
    await planner.stop();
    await scheduler.close();
  };
  const planned = async () => {
    const last = (await h.store.readAll(undefined, 1_000_000)).at(-1)!.position;
    for (let i = 0; i < 300 && (planner as unknown as { position?: bigint }).position !== last; i++)
      await new Promise((r) => setTimeout(r, 10));
  };
  const sent = async (no: number) => (await h.deliveries(stream(no))).map((e) => e.data as ReminderSent['data']);
  const appendTo = async (no: number, event: IndicatorEvent, at: string, role = 'department') => {
    await h.store.append(stream(no), [{ type: event.type, data: event.data, metadata: meta(at, role) }], 'any');
    await planned();
  };

  beforeAll(async () => {
    h = openStore('2024-01-02T09:00:00+08:00');
    await importPlan(h.store, loadLianyunPlan(), { source: 'test', metadata: meta('2024-01-02T09:00:00+08:00') });
    await startWorker();
  });
  afterAll(async () => {
    await stopWorker();
    await h.close();
    jest.restoreAllMocks();
  });

  it('given the plan imported on 2 January, when 22 January comes, then each responsible department is reminded once of its 2023 value, in the indicator stream', async () => {
    expect(await scheduler.pending()).toBeGreaterThan(0);
    expect(await sent(14)).toEqual([]); // the 30-day reminder (19 December) had passed when the plan was imported

    h.clock.set('2024-01-22T09:00:00+08:00');
    await scheduler.runDue();
    const [delivery, ...others] = await sent(14);
    expect(others).toEqual([]);
    expect(delivery).toMatchObject({
      rule: 'before-due',
      department: ECO,
      channel: 'inapp',
      recipient: ECO,
      target: { kind: 'indicator', indicatorId: '14', period: '2023' },
      dueDate: '2024-01-31',
      sentAt: '2024-01-22T09:00:00.000+08:00',
      message: `【指标报送提醒】${ECO}：指标 14「工业危险废物综合利用率」2023 年度数值（单位：%）应于 2024-01-31 前报送（还有 7 个工作日）。请在系统中报送，并注明数据来源、上传佐证材料。`,
    });
    expect((await h.store.readStream(stream(14))).at(-1)!.metadata).toMatchObject({
      actorId: 'system:reminders',
      role: 'system',
    });
    // Four departments report 建筑垃圾资源化利用率: each is reminded; nobody is named for 32 yet.
    expect((await sent(20)).map((d) => d.department).sort()).toEqual(['区住建局', URBAN, '区经发局', ECO].sort());
    expect(await sent(32)).toEqual([]);

    // The job runs again (a retry, a second worker), and the worker restarts and replays the log: nothing is recorded twice.
    await processor.run({
      job: { jobId: reminderJobId(stream(14), before(7)), streamId: stream(14), reminder: before(7) },
      attempt: 1,
      final: false,
    });
    await stopWorker();
    h.clock.set('2024-01-22T10:00:00+08:00');
    await startWorker();
    expect(await sent(14)).toHaveLength(1);
    expect(await sent(20)).toHaveLength(4);
  });

  it('when the department reports its 2023 value, then the next reminder is cancelled, and a job that runs anyway is dropped and logged', async () => {
    const pendingBefore = await scheduler.pending();
    await appendTo(
      14,
      {
        type: 'IndicatorReported',
        data: {
          indicatorId: '14',
          reportId: 'r1',
          period: '2023',
          department: ECO,
          value: { kind: 'number', value: 6.5, unit: '%' },
          source: '2023年环境统计年报',
          evidence: [{ title: '2023年度环境统计年报', documentRef: '连环统〔2024〕2号' }],
          note: '',
          corrects: null,
          reportedAt: '2024-01-25T10:00:00+08:00',
        },
      },
      '2024-01-25T10:00:00+08:00',
    );
    expect(await scheduler.pending()).toBeLessThan(pendingBefore);

    h.clock.set('2024-01-30T09:00:00+08:00');
    await scheduler.runDue();
    expect((await sent(14)).map((d) => d.sentAt)).toEqual(['2024-01-22T09:00:00.000+08:00']);
    expect((await sent(3)).map((d) => d.message.match(/还有 (\d+) 个工作日/)![1])).toEqual(['7', '1']); // ECO's other indicator is still owed

    const log = jest.spyOn(Logger.prototype, 'log');
    await processor.run({
      job: { jobId: 'stale', streamId: stream(14), reminder: before(1) },
      attempt: 1,
      final: false,
    });
    expect(await sent(14)).toHaveLength(1);
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ key: before(1).key, reason: 'report r1 pending' }),
      'reminder dropped: no longer called for',
    );
  });

  it('when the office names a department for indicator 32, then that department is chased once the value is overdue', async () => {
    await appendTo(
      32,
      {
        type: 'IndicatorResponsibilitySet',
        data: { departments: [URBAN], previous: [], reason: '由区城管局牵头', setAt: '2024-01-30T10:00:00+08:00' },
      },
      '2024-01-30T10:00:00+08:00',
      'office',
    );
    h.clock.set('2024-02-01T09:00:00+08:00');
    await scheduler.runDue();
    expect((await sent(32)).map((d) => [d.rule, d.department, d.dueDate, d.target])).toEqual([
      ['overdue', URBAN, '2024-01-31', { kind: 'indicator', indicatorId: '32', period: '2023' }],
    ]);
    expect((await sent(32))[0]!.message).toMatch(
      /^【指标逾期提醒】区城管局：指标 32「“无废城市”建设地方性法规或政策性文件及有关规划制定」2023 年度数值（单位：项）应于 2024-01-31 前报送，至今未报送，已逾期 1 天。/,
    );
  });
});
