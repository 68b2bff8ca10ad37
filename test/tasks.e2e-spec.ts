import { taskStreamId } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { signIn, type AuthHeaders, type SignIn } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const PLAN = 'lianyun-2022-2025';
const evidence = [
  { title: '社会源危险废物收集点建设验收报告', url: 'https://example.gov.cn/docs/c5.pdf', sha256: 'a'.repeat(64) },
];

describe('task workflow over HTTP (embedded SQLite, clock at 2023-03-01)', () => {
  let t: TestApp;
  let store: EventStore;
  let as: SignIn;
  let office: AuthHeaders, ecology: AuthHeaders, cityMgmt: AuthHeaders, econ: AuthHeaders;
  const http = () => request(t.app.getHttpServer());
  const count = async (code: string) => (await store.readStream(taskStreamId(PLAN, code))).length;
  const status = async (code: string) =>
    (await http().get(`/tasks/${code}`).set(office).expect(200)).body.status as string;

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00' });
    store = t.app.get(EVENT_STORE);
    as = signIn(t.app);
    [office, ecology, cityMgmt, econ] = await Promise.all([
      as.office(),
      as.dept('连云生态环境局'),
      as.dept('区城管局'),
      as.dept('区经发局'),
    ]);
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
  });
  afterAll(() => t.close());

  it('a task not yet assigned answers its plan row (system, area, text, lead, cooperating, window) as 待交办', async () => {
    const res = await http().get('/tasks/C-6').set(office).expect(200);
    expect(res.body).toEqual({
      status: 'unassigned',
      statusLabel: '待交办',
      revision: null,
      planId: PLAN,
      code: 'C-6',
      title: '完善农药包装废弃物回收利用体系',
      text: '完善农药包装废弃物回收利用体系',
      system: '市场体系建设',
      area: '体系建设',
      lead: ['区供销总社'],
      cooperating: expect.any(Array),
      window: '2024',
      // What 交办 gives when the office names no milestone: one year, so the plan's title for it.
      defaultMilestones: [{ milestoneId: 'y2024', title: '完成任务', dueDate: '2024-12-31', owner: '区供销总社' }],
    });
    expect(res.headers.etag ?? '').not.toMatch(/^"\d+"$/); // no stream revision to act on yet
    const listed = (await http().get('/tasks').set(office).expect(200)).body as Array<{
      code: string;
      lead?: string[];
    }>;
    expect(listed.find((t) => t.code === 'C-6')).toMatchObject({ statusLabel: '待交办', lead: ['区供销总社'] });
    await http().get('/tasks/Z-99').set(office).expect(404);
  });

  it('the default milestones a 待交办 row shows are the milestones 交办 gives when none are named', async () => {
    const preview = (await http().get('/tasks/A-9').set(office).expect(200)).body;
    // 2023-2025 in 2023: one a year due 31 December, the last completes the task.
    expect(preview.defaultMilestones).toEqual([
      { milestoneId: 'y2023', title: '2023年度目标', dueDate: '2023-12-31', owner: '区供销总社' },
      { milestoneId: 'y2024', title: '2024年度目标', dueDate: '2024-12-31', owner: '区供销总社' },
      { milestoneId: 'y2025', title: '2025年：完成任务', dueDate: '2025-12-31', owner: '区供销总社' },
    ]);
    const listed = (await http().get('/tasks').set(office).expect(200)).body as Array<{ code: string }>;
    expect(listed.find((row) => row.code === 'A-9')).toMatchObject({ defaultMilestones: preview.defaultMilestones });
    await http().post('/tasks/A-9/assignment').set(office).send({}).expect(201);
    const task = (await http().get('/tasks/A-9').set(office).expect(200)).body;
    expect(
      task.milestones.map((m: Record<string, string>) => ({
        milestoneId: m.milestoneId,
        title: m.title,
        dueDate: m.dueDate,
        owner: m.owner,
      })),
    ).toEqual(preview.defaultMilestones);
    expect(task).not.toHaveProperty('defaultMilestones');
  });

  it('C-5 from assignment to 办结: acknowledge, milestone with evidence, sign-off, accept', async () => {
    const assigned = await http().post('/tasks/C-5/assignment').set(office).send({}).expect(201);
    expect(assigned.body).toMatchObject({ status: 'assigned', statusLabel: '待签收', events: ['TaskAssigned'] });
    expect(assigned.headers.etag).toBe('"0"');
    const task = (await http().get('/tasks/C-5').set(office).expect(200)).body;
    expect(task.departments.map((d: { name: string; role: string }) => [d.name, d.role])).toEqual([
      ['连云生态环境局', 'lead'],
      ['区城管局', 'cooperating'],
    ]);
    expect(task.milestones).toEqual([
      expect.objectContaining({ milestoneId: 'y2024', dueDate: '2024-12-31', owner: '连云生态环境局' }),
    ]);
    expect(task.departments[0].acknowledgeBy).toBe('2023-03-06');

    await http().post('/tasks/C-5/acknowledgements').set(cityMgmt).expect(201);
    expect(await status('C-5')).toBe('assigned');
    await http().post('/tasks/C-5/acknowledgements').set(ecology).expect(201);
    expect(await status('C-5')).toBe('in_progress');

    await http()
      .post('/tasks/C-5/progress-reports')
      .set(ecology)
      .send({ percent: 60, text: '已建成收集点3个', difficulties: '选址', nextSteps: '验收' })
      .expect(201);
    await http()
      .post('/tasks/C-5/milestones/y2024/completion')
      .set(ecology)
      .send({ evidence, note: '已验收' })
      .expect(201);
    await http().post('/tasks/C-5/sign-off-request').set(ecology).send({}).expect(201);
    expect(await status('C-5')).toBe('sign_off_requested');
    const signed = await http().post('/tasks/C-5/sign-offs').set(cityMgmt).send({ note: '同意' }).expect(201);
    expect(signed.body.statusLabel).toBe('待办结');
    const accepted = await http().post('/tasks/C-5/acceptance').set(office).send({ note: '办结' }).expect(201);
    expect(accepted.body).toMatchObject({ status: 'accepted', statusLabel: '已办结' });

    const events = await store.readStream(taskStreamId(PLAN, 'C-5'));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'TaskAssigned',
        'TaskAcknowledged',
        'MilestoneCompleted',
        'SignOffRequested',
        'SignedOff',
        'TaskAccepted',
      ]),
    );
    const completion = events.find((e) => e.type === 'MilestoneCompleted')!;
    expect(completion.metadata).toMatchObject({
      actorId: as.username('连云生态环境局'),
      role: 'department',
      department: '连云生态环境局',
    });
    expect(completion.metadata.occurredAt).toMatch(/^2023-03-01T09:\d{2}:\d{2}\.\d{3}\+08:00$/);
    expect(completion.metadata.correlationId).toBeTruthy();
  });

  it('an objection sends the task back to work; the office returns (退回) with a reason', async () => {
    await http().post('/tasks/A-6/assignment').set(office).send({}).expect(201);
    for (const who of [ecology, econ]) await http().post('/tasks/A-6/acknowledgements').set(who).expect(201);
    const { body } = await http().get('/tasks/A-6').set(office);
    for (const m of body.milestones)
      await http()
        .post(`/tasks/A-6/milestones/${m.milestoneId}/completion`)
        .set(ecology)
        .send({ evidence })
        .expect(201);
    await http().post('/tasks/A-6/sign-off-request').set(ecology).send({}).expect(201);
    await http().post('/tasks/A-6/objections').set(econ).send({ reason: '清单缺少企业名单' }).expect(201);
    expect(await status('A-6')).toBe('in_progress');
    await http().post('/tasks/A-6/sign-off-request').set(ecology).send({}).expect(201);
    await http().post('/tasks/A-6/sign-offs').set(econ).send({}).expect(201);
    await http().post('/tasks/A-6/return').set(office).send({ reason: '佐证材料不完整' }).expect(201);
    expect(await status('A-6')).toBe('in_progress');
  });

  it('an extension (延期) approved moves the due date, a rejected one does not; the original stays on record', async () => {
    await http().post('/tasks/C-6/assignment').set(office).send({}).expect(201);
    const lead = (await http().get('/tasks/C-6').set(office)).body.departments[0].name as string;
    await http()
      .post('/tasks/C-6/acknowledgements')
      .set(await as.dept(lead))
      .expect(201);
    const before = (await http().get('/tasks/C-6').set(office)).body;
    // C-6 names 区供销总社 as its own cooperating unit: the assignment keeps it as lead only.
    expect(before.departments).toEqual([expect.objectContaining({ name: '区供销总社', role: 'lead' })]);
    const asked = await http()
      .post('/tasks/C-6/extensions')
      .set(await as.dept(lead))
      .send({ newDueDate: '2025-06-30', reason: '资金未到位' })
      .expect(201);
    await http().post(`/tasks/C-6/extensions/${asked.body.extensionId}/approval`).set(office).send({}).expect(201);
    const after = (await http().get('/tasks/C-6').set(office)).body;
    expect(after.dueDate).toBe('2025-06-30');
    expect(after.originalDueDate).toBe(before.dueDate);
    const again = await http()
      .post('/tasks/C-6/extensions')
      .set(await as.dept(lead))
      .send({ newDueDate: '2025-12-31', reason: '再延期' })
      .expect(201);
    await http()
      .post(`/tasks/C-6/extensions/${again.body.extensionId}/rejection`)
      .set(office)
      .send({ reason: '理由不足' })
      .expect(201);
    expect((await http().get('/tasks/C-6').set(office)).body.dueDate).toBe('2025-06-30');
  });

  it("reassignment (改派): a new lead must acknowledge; a department acting on another's task gets 403", async () => {
    await http().post('/tasks/C-8/assignment').set(office).send({}).expect(201);
    await http()
      .post('/tasks/C-8/reassignment')
      .set(office)
      .send({ lead: ['区城管局'], cooperating: ['区经发局'], reason: '职责调整' })
      .expect(201);
    expect(await status('C-8')).toBe('assigned');
    const n = await count('C-8');
    // Not one of C-8's departments: refused at the door (the policy table), before the domain,
    // with the code the domain would give (docs/task-state-machine.md).
    const denied = await http()
      .post('/tasks/C-8/acknowledgements')
      .set(await as.dept('区文体和旅游局'))
      .expect(403);
    expect(denied.body.code).toBe('TASK.DEPARTMENT_NOT_ASSIGNED');
    await http().post('/tasks/C-8/acceptance').set(cityMgmt).send({}).expect(403);
    expect(await count('C-8')).toBe(n);
    await http().post('/tasks/C-8/acknowledgements').set(cityMgmt).expect(201);
    expect(await status('C-8')).toBe('in_progress');
  });
});

describe('audit: tamper evidence over HTTP', () => {
  it('the office verifies every chain after a workflow; a department may not', async () => {
    const t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00' });
    const http = () => request(t.app.getHttpServer());
    const as = signIn(t.app);
    const [office, cityMgmt] = await Promise.all([as.office(), as.dept('区城管局')]);
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    await http().post('/tasks/C-5/assignment').set(office).send({}).expect(201);
    await http().post('/tasks/C-5/acknowledgements').set(cityMgmt).expect(201);
    const all = (await http().get('/audit/verify').set(office).expect(200)).body;
    // The plan, C-5, the organisation tree and the three accounts signed in (admin, office, 区城管局).
    expect(all).toMatchObject({ ok: true, streams: 6, result: '校验通过' });
    expect(all.events).toBeGreaterThan(100);
    const one = (
      await http()
        .get(`/audit/verify?stream=${encodeURIComponent(taskStreamId(PLAN, 'C-5'))}`)
        .set(office)
        .expect(200)
    ).body;
    expect(one).toMatchObject({ ok: true });
    await http().get('/audit/verify').set(cityMgmt).expect(403);
    await t.close();
  });
});
