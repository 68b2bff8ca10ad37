import { indicatorStreamId, projectStreamId } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { signIn, type AuthHeaders } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const PLAN = 'lianyun-2022-2025';
const ECO_NAME = '连云生态环境局';
const evidence = [{ title: '2023年度连云区环境统计年报', documentRef: '连环统〔2024〕2号' }];
const hazardous = { period: '2023', value: 6.5, unit: '%', source: '2023年环境统计年报', evidence };

/** Binary bodies (the .xlsx) as a Buffer: supertest only buffers text types by itself. */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('indicators and projects over HTTP (clock at 2024-03-01: the 2023 values were due on 31 January)', () => {
  let t: TestApp;
  let store: EventStore;
  let office: AuthHeaders, ecology: AuthHeaders, cityMgmt: AuthHeaders, leader: AuthHeaders;
  const http = () => request(t.app.getHttpServer());
  const count = async (id: string) => (await store.readStream(indicatorStreamId(PLAN, id))).length;

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2024-03-01T09:00:00+08:00' });
    store = t.app.get(EVENT_STORE);
    const as = signIn(t.app);
    [office, ecology, cityMgmt, leader] = await Promise.all([
      as.office(),
      as.dept('连云生态环境局'),
      as.dept('区城管局'),
      as.leader(),
    ]);
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
  });
  afterAll(() => t.close());

  it('a department reports, the office confirms, the view and the export show it', async () => {
    const before = (await http().get('/indicators/14').set(leader).expect(200)).body;
    expect(before).toMatchObject({
      level3: '工业危险废物综合利用率',
      baseline2022: '4.6%',
      districtTarget2025: '9%',
      light: 'red',
      lightLabel: '红',
      periods: [],
    });

    const reported = await http().post('/indicators/14/reports').set(ecology).send(hazardous).expect(201);
    expect(reported.body).toMatchObject({
      indicatorId: '14',
      reportId: 'r1',
      revision: '0',
      events: ['IndicatorReported'],
    });
    expect(BigInt(reported.body.position)).toBeGreaterThan(0n);
    expect((await http().get('/indicators/14').set(office).expect(200)).body).toMatchObject({
      light: 'yellow',
      latest: null,
    });

    const confirmed = await http()
      .post('/indicators/14/reports/r1/confirmation')
      .set(office)
      .send({ note: '与统计年报一致' })
      .expect(201);
    expect(confirmed.body).toMatchObject({ revision: '1', events: ['IndicatorReportConfirmed'] });

    const view = await http().get('/indicators/14').set(ecology).expect(200);
    expect(view.headers.etag).toBe('"1"');
    expect(view.body).toMatchObject({
      latest: { period: '2023', display: '6.5%' },
      progressPercent: 43.2,
      light: 'green',
      lightLabel: '绿',
      measure: { kind: 'numeric', unit: '%', direction: 'higher', directionLabel: '越高越好', baseline: 4.6 },
    });
    expect(view.body.periods[0].confirmed).toMatchObject({
      reportId: 'r1',
      department: '连云生态环境局',
      statusLabel: '已确认',
      evidence,
    });

    const list = (await http().get('/indicators').set(leader).expect(200)).body;
    expect(list.indicators).toHaveLength(50);
    expect(list.indicators.find((r: { no: number }) => r.no === 14)).toMatchObject({
      light: 'green',
      progressPercent: 43.2,
    });

    const xlsx = await http().get('/indicators.xlsx').set(office).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as Parameters<Workbook['xlsx']['load']>[0]);
    const sheet = workbook.getWorksheet('目标清单')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '序号',
      '一级指标',
      '二级指标',
      '三级指标',
      '2025连云港市目标值',
      '2022连云区现状值',
      '2025连云区目标值',
      '最新值',
      '进度',
      '状态',
      '数据来源',
      '责任部门',
    ]);
    expect(sheet.getRow(15).values).toEqual([
      undefined,
      14,
      '固体废物资源化利用',
      '工业固体废物资源化利用',
      '工业危险废物综合利用率★',
      '40%',
      '4.6%',
      '9%',
      '6.5%（2023）',
      '43.2%',
      '绿',
      '连云生态环境局',
      '连云生态环境局',
    ]);
    expect(sheet.getRow(3).getCell(10).value).toBe('红'); // 一般工业固体废物产生强度: 2023 value overdue
  });

  it('a department not responsible for the indicator gets 403; only the office reviews; nothing is appended', async () => {
    const events = await count('2');
    const refused = await http()
      .post('/indicators/2/reports')
      .set(cityMgmt)
      .send({ ...hazardous, unit: '吨/万元', value: 0.41 })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'INDICATOR.NOT_RESPONSIBLE' });
    await http()
      .post('/indicators/2/reports')
      .set(office)
      .send({ ...hazardous, unit: '吨/万元', value: 0.41 })
      .expect(403);
    await http()
      .post('/indicators/2/reports')
      .set(ecology)
      .send({ ...hazardous, unit: '吨/万元', value: 0.41 })
      .expect(201);
    await http().post('/indicators/2/reports/r1/confirmation').set(ecology).send({}).expect(403);
    expect(await count('2')).toBe(events + 1);
  });

  it('bad input is 400 with the field and reason, unknown ids 404, stale If-Match 409; nothing appended', async () => {
    const events = await count('3');
    const missing = await http()
      .post('/indicators/3/reports')
      .set(ecology)
      .send({ ...hazardous, source: undefined })
      .expect(400);
    expect(missing.body.details.fields).toEqual(
      expect.arrayContaining([{ field: 'source', reason: '数据来源为必填项' }]),
    );
    const period = await http()
      .post('/indicators/3/reports')
      .set(ecology)
      .send({ ...hazardous, period: '2023-H1' })
      .expect(400);
    expect(period.body.details.fields[0]).toMatchObject({
      field: 'period',
      reason: expect.stringMatching(/^报送期次格式不正确/),
    });
    expect((await http().post('/indicators/3/reports').set(ecology).send(hazardous).expect(400)).body.code).toBe(
      'INDICATOR.UNIT_MISMATCH',
    );
    await http().get('/indicators/51').set(office).expect(404);
    await http().post('/indicators/3/reports/r9/confirmation').set(office).send({}).expect(404);
    expect(
      (await http().get('/indicators?asOf=2024-02-30').set(office).expect(400)).body.details.fields[0],
    ).toMatchObject({ field: 'asOf' });
    expect(await count('3')).toBe(events);

    const ok = { ...hazardous, unit: '吨/万元', value: 0.017 };
    await http()
      .post('/indicators/3/reports')
      .set(ecology)
      .set('If-Match', '"0"')
      .send(ok)
      .expect(409)
      .expect((res) =>
        expect(res.body).toEqual({
          statusCode: 409,
          code: 'INDICATOR.STALE',
          message: expect.stringContaining('指标已被他人更新'),
          details: { currentRevision: null },
        }),
      );
    const first = await http()
      .post('/indicators/3/reports')
      .set(ecology)
      .set('Idempotency-Key', 'ind3-2023')
      .send(ok)
      .expect(201);
    const again = await http()
      .post('/indicators/3/reports')
      .set(ecology)
      .set('Idempotency-Key', 'ind3-2023')
      .send(ok)
      .expect(201)
      .expect('Idempotent-Replayed', 'true');
    expect(again.body).toMatchObject({ replayed: true, reportId: first.body.reportId, revision: first.body.revision });
    const reused = await http()
      .post('/indicators/3/reports')
      .set(ecology)
      .set('Idempotency-Key', 'ind3-2023')
      .send({ ...ok, value: 0.018 })
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await count('3')).toBe(events + 1);
  });

  it('words are met / not met; the office rejects with a reason and a correction is a new report', async () => {
    await http()
      .post('/indicators/9/reports')
      .set(cityMgmt)
      .send({ ...hazardous, unit: undefined, value: 93 })
      .expect(400);
    await http()
      .post('/indicators/9/reports')
      .set(cityMgmt)
      .send({ period: '2023', met: false, source: '环卫作业台账', evidence })
      .expect(201);
    await http().post('/indicators/9/reports/r1/rejection').set(office).send({}).expect(400);
    await http().post('/indicators/9/reports/r1/rejection').set(office).send({ reason: '与台账不符' }).expect(201);
    await http()
      .post('/indicators/9/reports')
      .set(cityMgmt)
      .send({ period: '2023', met: true, source: '环卫作业台账', evidence })
      .expect(201);
    await http().post('/indicators/9/reports/r2/confirmation').set(office).send({}).expect(201);
    const view = (await http().get('/indicators/9').set(office).expect(200)).body;
    expect(view).toMatchObject({ light: 'green', latest: { display: '达成' }, measure: { kind: 'qualitative' } });
    expect(view.periods[0].reports.map((r: { statusLabel: string }) => r.statusLabel)).toEqual(['已退回', '已确认']);
  });

  it('task links: the plan default, replaced by the office (PUT), validated against the task list', async () => {
    expect((await http().get('/indicators/19').set(office).expect(200)).body.tasks).toEqual({
      list: ['A-9', 'C-6', 'D-6'],
      source: 'plan',
    });
    await http()
      .put('/indicators/19/tasks')
      .set(cityMgmt)
      .send({ tasks: ['A-9'] })
      .expect(403);
    expect(
      (
        await http()
          .put('/indicators/19/tasks')
          .set(office)
          .send({ tasks: ['A-9', 'Z-99'] })
          .expect(400)
      ).body.details.fields[0],
    ).toMatchObject({ field: 'tasks[1]' });
    await http()
      .put('/indicators/19/tasks')
      .set(office)
      .send({ tasks: ['A-9', 'C-6'], reason: 'D-6 为监测评价' })
      .expect(201);
    await http()
      .put('/indicators/19/tasks')
      .set(office)
      .send({ tasks: ['C-6', 'A-9'] })
      .expect(200);
    expect((await http().get('/indicators/19').set(office).expect(200)).body.tasks).toEqual({
      list: ['A-9', 'C-6'],
      source: 'office',
    });
    expect(await count('19')).toBe(1);
  });

  it('?asOf= shows the indicator as it stood at the end of that day (events by occurredAt)', async () => {
    const past = (await http().get('/indicators/14?asOf=2024-02-29').set(office).expect(200)).body;
    expect(past).toMatchObject({ periods: [], latest: null, light: 'red', revision: null });
    const past2023 = (await http().get('/indicators?asOf=2023-12-31').set(office).expect(200)).body;
    expect(past2023.lights).toEqual({ green: 0, yellow: 0, red: 0, none: 50 });
    expect((await http().get('/indicators/14?asOf=2024-03-01').set(office).expect(200)).body).toMatchObject({
      light: 'green',
    });
  });

  it('projects: the supervising department reports progress; the totals stand against 705862.11万元', async () => {
    await http()
      .post('/projects/5/progress-reports')
      .set(ecology)
      .send({ phase: 'construction', investmentCompleted: 100 })
      .expect(403);
    await http()
      .post('/projects/1/progress-reports')
      .set(cityMgmt)
      .send({ phase: 'construction', investmentCompleted: 100 })
      .expect(403);
    expect(
      (
        await http()
          .post('/projects/5/progress-reports')
          .set(cityMgmt)
          .send({ phase: 'building', investmentCompleted: 1.234 })
          .expect(400)
      ).body.details.fields.map((d: { field: string }) => d.field),
    ).toEqual(expect.arrayContaining(['phase', 'investmentCompleted']));
    const reported = await http()
      .post('/projects/5/progress-reports')
      .set(cityMgmt)
      .send({
        phase: 'operating',
        investmentCompleted: 150,
        milestones: [{ title: '设备调试', date: '2024-02-20', done: true }],
        note: '已投运',
      })
      .expect(201);
    expect(reported.body).toMatchObject({
      projectId: '5',
      reportId: 'p1',
      revision: '0',
      events: ['ProjectProgressReported'],
    });
    expect(await store.readStream(projectStreamId(PLAN, '5'))).toHaveLength(1);
    const list = (await http().get('/projects').set(leader).expect(200)).body;
    expect(list.investment).toEqual({
      planned: '705862.11',
      completed: '150',
      percent: 0.02,
      reportedProjects: 1,
      statedTotal: '705862.11',
      unit: '万元',
    });
    expect(list.projects[4]).toMatchObject({
      name: '连云区厨余垃圾处理中心',
      phaseLabel: '投运',
      investmentCompleted: '150',
      investmentPercent: 100,
    });
    await http().get('/projects/8').set(office).expect(404);
    expect((await http().get('/projects/5?asOf=2024-02-29').set(office).expect(200)).body).toMatchObject({
      phaseLabel: '未报送',
      reports: [],
    });
  });

  it('the office names who reports indicator 32 (aliases canonicalised); that department reports, the office confirms', async () => {
    const law = {
      period: '2023',
      value: 1,
      unit: '项',
      source: '区政府规范性文件目录',
      evidence: [{ title: '连云区“无废城市”建设实施方案', documentRef: '连政办发〔2023〕5号' }],
    };
    expect((await http().get('/indicators/32').set(office).expect(200)).body.responsible).toEqual({
      departments: [],
      source: 'plan',
    });
    expect((await http().post('/indicators/32/reports').set(cityMgmt).send(law).expect(403)).body.code).toBe(
      'INDICATOR.NOT_RESPONSIBLE',
    );
    const named = { departments: ['城管局'], reason: '由区城管局牵头起草政策文件' };
    expect((await http().put('/indicators/32/responsible').set(cityMgmt).send(named).expect(403)).body.code).toBe(
      'INDICATOR.OFFICE_ONLY',
    );
    const bad = await http()
      .put('/indicators/32/responsible')
      .set(office)
      .send({ departments: ['区城管局', '区统计局'], reason: '统计口径' })
      .expect(400);
    expect(bad.body.details.fields).toEqual([expect.objectContaining({ field: 'departments[1]' })]);
    expect(
      (
        await http().put('/indicators/32/responsible').set(office).send({ departments: [] }).expect(400)
      ).body.details.fields.map((d: { field: string }) => d.field),
    ).toEqual(expect.arrayContaining(['departments', 'reason']));
    await http().put('/indicators/32/responsible').set(office).set('If-Match', '"0"').send(named).expect(409);
    expect(await count('32')).toBe(0);

    const set = await http()
      .put('/indicators/32/responsible')
      .set(office)
      .set('Idempotency-Key', 'ind32-who')
      .send(named)
      .expect(201);
    expect(set.body).toMatchObject({
      indicatorId: '32',
      revision: '0',
      events: ['IndicatorResponsibilitySet'],
      data: [{ departments: ['区城管局'], previous: [] }],
    });
    expect(
      (
        await http()
          .put('/indicators/32/responsible')
          .set(office)
          .set('Idempotency-Key', 'ind32-who')
          .send(named)
          .expect(201)
      ).body.replayed,
    ).toBe(true);
    expect(
      (
        await http()
          .put('/indicators/32/responsible')
          .set(office)
          .send({ ...named, departments: ['区城管局'] })
          .expect(200)
      ).body.events,
    ).toEqual([]);
    expect((await http().get('/indicators/32').set(leader).expect(200)).body.responsible).toEqual({
      departments: ['区城管局'],
      source: 'office',
    });

    const reported = await http()
      .post('/indicators/32/reports')
      .set(cityMgmt)
      .set('If-Match', '"0"')
      .send(law)
      .expect(201);
    await http().post(`/indicators/32/reports/${reported.body.reportId}/confirmation`).set(office).send({}).expect(201);
    expect((await http().get('/indicators/32').set(office).expect(200)).body).toMatchObject({
      latest: { period: '2023', display: '1项' },
      light: 'green',
    });
    expect(await count('32')).toBe(3);
  });

  it("the office names a project's supervising department; only then may it report progress", async () => {
    const progress = { phase: 'preparation', investmentCompleted: 0 };
    await http().post('/projects/2/progress-reports').set(ecology).send(progress).expect(403);
    await http()
      .put('/projects/2/supervisor')
      .set(ecology)
      .send({ departments: [ECO_NAME], reason: '主管' })
      .expect(403);
    expect(
      (
        await http()
          .put('/projects/2/supervisor')
          .set(office)
          .send({ departments: ['环保局'], reason: '主管' })
          .expect(400)
      ).body.details.fields[0],
    ).toMatchObject({ field: 'departments[0]' });
    const set = await http()
      .put('/projects/2/supervisor')
      .set(office)
      .send({ departments: [ECO_NAME], reason: '项目属固废利用，由生态环境局主管' })
      .expect(201);
    expect(set.body).toMatchObject({ projectId: '2', revision: '0', events: ['ProjectSupervisorSet'] });
    expect((await http().get('/projects/2').set(leader).expect(200)).body.supervising).toEqual({
      departments: [ECO_NAME],
      source: 'office',
    });
    await http().post('/projects/2/progress-reports').set(ecology).set('If-Match', '"0"').send(progress).expect(201);
  });
});
