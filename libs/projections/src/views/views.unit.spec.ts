import { taskStreamId, type TaskCommand } from '@zw/domain';
import { SqliteEventStore } from '@zw/event-store';
import { indicatorRowsAsOf, rowsAsOf } from '../runtime/as-of';
import { rebuildTaskRows } from '../runtime/projection.runtime';
import { c5Like, ECO, metadataOf, PLAN, run, URBAN } from '../testing/history';
import { accountabilityView } from './accountability.view';
import { auditTrailView } from './audit-trail.view';
import { boardView } from './board.view';
import { calendarView } from './calendar.view';
import { lightOf } from './light';
import { DEFAULT_LIGHT_RULES } from './light.rules';
import { overviewView } from './overview.view';
import { rankingView } from './ranking.view';

/**
 * One scripted history of C-5 (the workflow story of the domain's tests), and what each view
 * must say about it on chosen days — computed by hand from the dates below.
 */
const at = (day: string) => `${day}T10:00:00+08:00`;
const office = (day: string) => ({
  actor: { actorId: 'u-office', role: 'office' as const, department: '无废办' },
  now: at(day),
});
const dept = (department: string, day: string) => ({
  actor: { actorId: `u-${department}`, role: 'department' as const, department },
  now: at(day),
});
const STREAM = taskStreamId(PLAN, 'C-5');
const M2 = '建成小微企业危险废物收集点';
const LINES = [
  {
    code: 'A-1',
    system: '制度体系建设',
    area: '保障措施',
    text: '制定《连云区“无废城市”建设工作宣传方案》',
    lead: ['无废办'],
    cooperating: [],
    window: '2023',
  },
  {
    code: 'C-5',
    system: '市场体系建设',
    area: '体系建设',
    text: '社会源危险废物回收体系建设',
    lead: [ECO],
    cooperating: [URBAN],
    window: '2024',
  },
];

const store = new SqliteEventStore({ filename: ':memory:' });
const rows = (asOf: string) => rowsAsOf(store, [STREAM], asOf);

beforeAll(async () => {
  const script: TaskCommand[] = [
    { type: 'AssignTask', data: c5Like('C-5'), metadata: office('2024-01-02') },
    { type: 'AcknowledgeTask', data: {}, metadata: dept(URBAN, '2024-01-03') },
    { type: 'AcknowledgeTask', data: {}, metadata: dept(ECO, '2024-01-08') },
    {
      type: 'CompleteMilestone',
      data: { milestoneId: 'm1', evidence: [{ title: '收集方案', documentRef: '连环发〔2024〕12号' }] },
      metadata: dept(ECO, '2024-06-20'),
    },
    {
      type: 'RequestExtension',
      data: {
        extensionId: 'x-1',
        target: { kind: 'milestone', milestoneId: 'm2' },
        newDueDate: '2024-12-15',
        reason: '选址调整',
      },
      metadata: dept(ECO, '2024-10-08'),
    },
    { type: 'ApproveExtension', data: { extensionId: 'x-1' }, metadata: office('2024-10-10') },
    {
      type: 'CompleteMilestone',
      data: { milestoneId: 'm2', evidence: [{ title: '收集点照片', url: 'https://example.cn/p' }] },
      metadata: dept(URBAN, '2024-12-10'),
    },
    { type: 'RequestSignOff', data: {}, metadata: dept(ECO, '2024-12-11') },
    { type: 'SignOff', data: {}, metadata: dept(URBAN, '2024-12-17') },
    { type: 'AcceptTask', data: {}, metadata: office('2024-12-27') },
  ];
  for (const command of script) expect((await run(store, 'C-5', command)).length).toBeGreaterThan(0);
  // Deliveries as the reminders worker records them (after acceptance: they change no state).
  const delivery = (type: string, rule: string, extra: object = {}) => ({
    type,
    data: {
      deliveryId: `d-${rule}`,
      rule,
      department: ECO,
      channel: 'inapp',
      recipient: ECO,
      target: { kind: 'task' },
      dueDate: '2024-12-31',
      message: '催办',
      sentAt: at('2024-12-28'),
      ...extra,
    },
    metadata: metadataOf({ role: 'system' }, at('2024-12-28')),
  });
  await store.append(
    STREAM,
    [
      delivery('ReminderSent', 'due-30'),
      delivery('ReminderSent', 'due-30', { channel: 'email', recipient: 'eco@lianyun.gov.cn' }),
      delivery('ReminderSent', 'due-7'),
      delivery('EscalationSent', 'overdue-3', { level: 'office', daysOverdue: 3 }),
    ],
    'any',
  );
});
afterAll(() => store.close());

describe('traffic light', () => {
  it('is red on 2024-01-06: 连云生态环境局 has not acknowledged by 2024-01-05, set by the assignment (revision 0)', async () => {
    const [row] = await rows('2024-01-06');
    const light = lightOf(row!, '2024-01-06', DEFAULT_LIGHT_RULES);
    expect(light).toMatchObject({ colour: 'red', label: '红' });
    expect(light.reasons).toEqual([
      {
        rule: 'acknowledgement_overdue',
        text: `${ECO} 逾期未签收（签收期限 2024-01-05）`,
        events: [{ revision: 0, type: 'TaskAssigned', at: at('2024-01-02') }],
      },
    ]);
  });

  it('is yellow on 2024-06-10: m1 due in 20 days, and 0% done where 44% of the window has passed', async () => {
    const [row] = await rows('2024-06-10');
    const light = lightOf(row!, '2024-06-10', DEFAULT_LIGHT_RULES);
    expect(light.colour).toBe('yellow');
    expect(light.reasons.map((r) => r.rule)).toEqual(['milestone_due_soon', 'behind_schedule']);
    expect(light.reasons[1]!.text).toBe('进度 0% 落后于按时限应达到的 44%（容差 10 个百分点）');
  });

  it('is green on 2024-07-01: m1 done on time, half the milestones done at half the window', async () => {
    const [row] = await rows('2024-07-01');
    expect(lightOf(row!, '2024-07-01', DEFAULT_LIGHT_RULES)).toMatchObject({
      colour: 'green',
      reasons: [{ rule: 'on_track' }],
    });
  });

  it('cites the approved extension (revision 5) as the event that set m2’s new due date', async () => {
    const [row] = await rows('2024-11-20');
    const reason = lightOf(row!, '2024-11-20', DEFAULT_LIGHT_RULES).reasons.find(
      (r) => r.rule === 'milestone_due_soon',
    );
    expect(reason).toEqual({
      rule: 'milestone_due_soon',
      text: `里程碑「${M2}」距期限 2024-12-15 还有 25 天`,
      events: [{ revision: 5, type: 'ExtensionApproved', at: at('2024-10-10') }],
    });
  });

  it('follows configurable rules: with 60 days "due soon", 2024-11-05 also flags the task due 2024-12-31', async () => {
    const [row] = await rows('2024-11-05');
    expect(lightOf(row!, '2024-11-05', DEFAULT_LIGHT_RULES).reasons.map((r) => r.rule)).toEqual(['behind_schedule']);
    expect(lightOf(row!, '2024-11-05', { dueSoonDays: 60, progressTolerance: 50 }).reasons.map((r) => r.rule)).toEqual([
      'due_soon',
      'milestone_due_soon',
    ]);
  });
});

describe('board', () => {
  it('lists the plan’s tasks, assigned or not, with acknowledgement states and filters', async () => {
    const board = boardView(LINES, await rows('2024-01-06'), '2024-01-06', DEFAULT_LIGHT_RULES);
    expect(board.map((i) => [i.code, i.statusLabel, i.light.label])).toEqual([
      ['A-1', '待交办', '未交办'],
      ['C-5', '待签收', '红'],
    ]);
    expect(board[1]!.departments.map((d) => [d.name, d.roleLabel, d.acknowledgementLabel])).toEqual([
      [ECO, '牵头', '逾期未签收'],
      [URBAN, '配合', '已签收'],
    ]);
    expect(board[1]!.daysLeft).toBe(360);
    expect(board[1]!.currentResponsible).toEqual([
      { party: ECO, action: '签收', dueDate: '2024-01-05', overdue: true },
    ]);
    expect(board[0]!.departments).toEqual([
      expect.objectContaining({ name: '无废办', acknowledgementLabel: '未交办' }),
    ]);
  });

  it('filters by department and role, system, status, light and year', async () => {
    const r = await rows('2024-01-06');
    const codes = (f: Parameters<typeof boardView>[4]) =>
      boardView(LINES, r, '2024-01-06', DEFAULT_LIGHT_RULES, f).map((i) => i.code);
    expect(codes({ department: URBAN, role: 'cooperating' })).toEqual(['C-5']);
    expect(codes({ department: URBAN, role: 'lead' })).toEqual([]);
    expect(codes({ system: '制度' })).toEqual(['A-1']);
    expect(codes({ status: 'assigned' })).toEqual(['C-5']);
    expect(codes({ light: 'red' })).toEqual(['C-5']);
    expect(codes({ year: 2023 })).toEqual(['A-1']);
  });
});

describe('department accountability and ranking', () => {
  it('on 2024-01-06: 连云生态环境局 owes a 4-day-old overdue acknowledgement; 区城管局 acknowledged in a day and ranks first', async () => {
    const r = await rows('2024-01-06');
    const eco = accountabilityView(r, ECO, '2024-01-06', 30);
    expect(eco.pendingAcknowledgements).toEqual([
      {
        code: 'C-5',
        title: '社会源危险废物回收体系建设',
        role: 'lead',
        since: at('2024-01-02'),
        acknowledgeBy: '2024-01-05',
        ageDays: 4,
        overdue: true,
      },
    ]);
    expect(eco.currentResponsible).toEqual([
      expect.objectContaining({ code: 'C-5', party: ECO, action: '签收', overdue: true }),
    ]);
    expect(accountabilityView(r, URBAN, '2024-01-06', 30).figures).toMatchObject({
      supported: 1,
      averageAcknowledgementDays: 1,
      overdueItems: 0,
    });
    const ranking = rankingView(r, [ECO, URBAN, '区教育局'], '2024-01-06', 30);
    expect(ranking.departments.map((d) => [d.rank, d.department])).toEqual([
      [1, URBAN],
      [2, '区教育局'],
      [3, ECO],
    ]);
  });

  it('at the end of 2024: everything on time, acknowledgement latencies 6 and 1 days', async () => {
    const r = await rows('2024-12-31');
    expect(accountabilityView(r, ECO, '2024-12-31', 30).figures).toMatchObject({
      led: 1,
      completedOnTime: 2,
      completedLate: 0,
      onTimeRate: 1,
      averageAcknowledgementDays: 6,
      overdueItems: 0,
    });
    const eco = accountabilityView(r, ECO, '2024-12-31', 30);
    // Two reminders (one of them also sent by e-mail) and one escalation.
    expect(eco.figures).toMatchObject({ reminders: 2, escalations: 1 });
    expect(eco.deliveries.map((d) => [d.typeLabel, d.rule, d.channel])).toEqual([
      ['催办', 'due-30', 'inapp'],
      ['催办', 'due-30', 'email'],
      ['催办', 'due-7', 'inapp'],
      ['督办', 'overdue-3', 'inapp'],
    ]);
    expect(accountabilityView(r, URBAN, '2024-12-31', 30).figures).toMatchObject({ reminders: 0, escalations: 0 });
    expect(accountabilityView(r, URBAN, '2024-12-31', 30).completed).toEqual([
      expect.objectContaining({ kind: 'milestone', title: M2, dueDate: '2024-12-15', late: false }),
    ]);
  });
});

describe('reminders about indicators', () => {
  it('count in the responsible department’s accountability, live and as of a day', async () => {
    const indicatorStream = `indicator-${PLAN}.32`;
    await store.append(
      indicatorStream,
      [
        {
          type: 'ReminderSent',
          data: {
            deliveryId: 'i-32-2024',
            rule: 'before-due',
            department: URBAN,
            channel: 'inapp',
            recipient: URBAN,
            target: { kind: 'indicator', indicatorId: '32', period: '2024' },
            dueDate: '2025-01-31',
            message: '请报送2024年度指标值',
            sentAt: at('2025-01-02'),
          },
          metadata: metadataOf({ role: 'system' }, at('2025-01-02')),
        },
      ],
      'any',
    );
    const live = (await rebuildTaskRows(store)).indicatorRows(PLAN);
    expect(live.map((l) => l.indicatorId)).toEqual(['32']);
    const urban = accountabilityView(await rows('2025-01-10'), URBAN, '2025-01-10', 30, live);
    expect(urban.figures.reminders).toBe(1);
    expect(urban.deliveries).toEqual([
      expect.objectContaining({ code: '指标32', rule: 'before-due', typeLabel: '催办' }),
    ]);
    const before = await indicatorRowsAsOf(store, [indicatorStream], '2025-01-01');
    expect(accountabilityView(await rows('2025-01-01'), URBAN, '2025-01-01', 30, before).figures.reminders).toBe(0);
  });
});

describe('deadline calendar and overview', () => {
  it('shows 区城管局’s milestone at its extended date, and nothing of the lead’s', async () => {
    const entries = calendarView(
      await rows('2024-11-20'),
      '2024-11-20',
      { from: '2024-10-01', to: '2024-12-31' },
      URBAN,
    );
    expect(entries.map((e) => [e.date, e.kindLabel, e.statusLabel])).toEqual([['2024-12-15', '里程碑期限', '未到期']]);
  });

  it('counts by system and year and the overdue by department', async () => {
    const r = await rows('2024-01-06');
    const overview = overviewView(
      boardView(LINES, r, '2024-01-06', DEFAULT_LIGHT_RULES),
      r,
      [ECO, URBAN],
      '2024-01-06',
    );
    expect(overview.total).toMatchObject({ total: 2, assigned: 1, accepted: 0, red: 1 });
    expect(overview.bySystem.find((s) => s.system === '市场体系建设')).toMatchObject({ total: 1, open: 1 });
    expect(overview.byYear.map((y) => y.year)).toEqual(['2023', '2024']);
    expect(overview.overdueByDepartment).toEqual([
      {
        department: ECO,
        overdueItems: 1,
        overdueAcknowledgements: 1,
        milestonesOverdue: 0,
        tasksOverdue: 0,
        reportsOverdue: 0,
      },
    ]);
  });
});

describe('audit trail', () => {
  it('says who did what and when, with old → new values', async () => {
    const trail = auditTrailView(await store.readStream(STREAM));
    expect(trail.map((e) => e.action)).toEqual([
      '交办任务',
      '签收',
      '签收',
      '完成里程碑',
      '申请延期',
      '批准延期',
      '完成里程碑',
      '提请会签',
      '会签',
      '验收办结',
      '催办',
      '催办',
      '催办',
      '督办',
    ]);
    expect(trail[13]!.changes).toEqual([]);
    expect(trail[2]).toMatchObject({
      occurredAt: at('2024-01-08'),
      actor: { id: `u-${ECO}`, role: 'department', department: ECO },
    });
    expect(trail[2]!.changes).toEqual(expect.arrayContaining([{ field: '状态', from: '待签收', to: '办理中' }]));
    expect(trail[5]!.changes).toEqual(
      expect.arrayContaining([{ field: `里程碑「${M2}」期限`, from: '2024-10-31', to: '2024-12-15' }]),
    );
    // Acceptance closes the sign-off round: its signatures leave the task's current facts.
    expect(trail[9]!.changes).toEqual([
      { field: '状态', from: '待办结', to: '已办结' },
      { field: `会签（${URBAN}）`, from: '已会签', to: null },
    ]);
  });
});

describe('an ongoing task (持续开展) with quarterly reports', () => {
  const FINANCE = '区财政局';
  const stream = taskStreamId(PLAN, 'C-2');
  beforeAll(async () => {
    const facts = {
      planId: PLAN,
      code: 'C-2',
      title: '推进绿色信贷投放',
      text: '推进绿色信贷投放',
      system: '市场体系建设',
      area: '金融调控',
      window: '持续开展',
      ongoing: true,
    };
    await run(store, 'C-2', {
      type: 'AssignTask',
      data: {
        facts,
        lead: [FINANCE],
        cooperating: [],
        dueDate: null,
        milestones: [],
        acknowledgeBy: '2024-01-05',
        reporting: 'quarterly',
      },
      metadata: office('2024-01-02'),
    });
    await run(store, 'C-2', { type: 'AcknowledgeTask', data: {}, metadata: dept(FINANCE, '2024-01-03') });
    await run(store, 'C-2', {
      type: 'SubmitPeriodicReport',
      data: { period: '2024-Q1', text: '一季度', difficulties: '', nextSteps: '' },
      metadata: dept(FINANCE, '2024-04-08'),
    });
  });

  it('owes every closed quarter: a missed Q2 stays missed when Q3 closes, and counts as overdue', async () => {
    const july = await rowsAsOf(store, [stream], '2024-07-10');
    expect(lightOf(july[0]!, '2024-07-10', DEFAULT_LIGHT_RULES).colour).toBe('green'); // Q2 due by 2024-07-10 inclusive
    const october = await rowsAsOf(store, [stream], '2024-10-20');
    const light = lightOf(october[0]!, '2024-10-20', DEFAULT_LIGHT_RULES);
    expect(light).toMatchObject({ colour: 'yellow', reasons: [{ rule: 'periodic_report_missing' }] });
    expect(light.reasons[0]!.text).toBe(
      `${FINANCE} 未报送 2024-Q2 进展（应于 2024-07-10 前报送）；${FINANCE} 未报送 2024-Q3 进展（应于 2024-10-10 前报送）`,
    );
    const account = accountabilityView(october, FINANCE, '2024-10-20', 30);
    expect(account.figures).toMatchObject({ reportsOverdue: 2, overdueItems: 2 });
    expect(account.currentResponsible.map((m) => m.action)).toEqual(['报送 2024-Q2 进展', '报送 2024-Q3 进展']);
  });

  it('puts each quarter’s report deadline in the calendar, done when reported', async () => {
    const entries = calendarView(
      await rowsAsOf(store, [stream], '2024-10-20'),
      '2024-10-20',
      { from: '2024-01-01', to: '2024-12-31' },
      FINANCE,
    );
    expect(entries.filter((e) => e.kind === 'report_due').map((e) => [e.date, e.statusLabel])).toEqual([
      ['2024-04-10', '已完成'],
      ['2024-07-10', '已逾期'],
      ['2024-10-10', '已逾期'],
    ]);
  });
});

describe('a lead who handed in on time', () => {
  it('is on time even when the office accepts after the due date', async () => {
    const code = 'A-6';
    const steps: TaskCommand[] = [
      { type: 'AssignTask', data: c5Like(code), metadata: office('2024-01-02') },
      { type: 'AcknowledgeTask', data: {}, metadata: dept(ECO, '2024-01-03') },
      { type: 'AcknowledgeTask', data: {}, metadata: dept(URBAN, '2024-01-03') },
      {
        type: 'CompleteMilestone',
        data: { milestoneId: 'm1', evidence: [{ title: '方案', url: 'https://example.cn/1' }] },
        metadata: dept(ECO, '2024-06-01'),
      },
      {
        type: 'CompleteMilestone',
        data: { milestoneId: 'm2', evidence: [{ title: '照片', url: 'https://example.cn/2' }] },
        metadata: dept(URBAN, '2024-10-01'),
      },
      { type: 'RequestSignOff', data: {}, metadata: dept(ECO, '2024-12-20') },
      { type: 'SignOff', data: {}, metadata: dept(URBAN, '2024-12-30') },
      { type: 'AcceptTask', data: {}, metadata: office('2025-01-15') },
    ];
    for (const step of steps) expect((await run(store, code, step)).length).toBeGreaterThan(0);
    const r = await rowsAsOf(store, [taskStreamId(PLAN, code)], '2025-01-20');
    expect(accountabilityView(r, ECO, '2025-01-20', 30).completed.find((c) => c.kind === 'task')).toMatchObject({
      late: false,
      completedAt: at('2024-12-20'),
    });
    // The day a deadline falls on is still on time (C-5's 签收 deadline 2024-01-05); the day after is late.
    const onTheDay = await rows('2024-01-05');
    expect(lightOf(onTheDay[0]!, '2024-01-05', DEFAULT_LIGHT_RULES).colour).not.toBe('red');
    expect(lightOf((await rows('2024-01-06'))[0]!, '2024-01-06', DEFAULT_LIGHT_RULES).colour).toBe('red');
  });
});
