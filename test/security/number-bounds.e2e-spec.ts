/**
 * The probe's unbounded numbers (issue 15): an indicator value of 1e308 accepted, an investment
 * of 1e21 万元 making the plan total 9.99e20, 9007199254740993 rounded to …992. Each is refused
 * with a Chinese message naming the field, and nothing is appended.
 */
import { indicatorStreamId, projectStreamId } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { signIn, type AuthHeaders } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

const PLAN = 'lianyun-2022-2025';
const evidence = [{ title: '2023年度连云区环境统计年报', documentRef: '连环统〔2024〕2号' }];
const rate = { period: '2023', unit: '%', source: '2023年环境统计年报', evidence };

describe('security: every number bounded by what its field means', () => {
  let t: TestApp;
  let store: EventStore;
  let office: AuthHeaders, ecology: AuthHeaders, economy: AuthHeaders, cityMgmt: AuthHeaders;
  const http = () => request(t.app.getHttpServer());
  const length = async (stream: string) => (await store.readStream(stream)).length;

  beforeAll(async () => {
    // A ceiling below the default, to see the configured one applied.
    t = await createTestApp({ CLOCK_START: '2024-03-01T09:00:00+08:00', MAX_INVESTMENT_WAN_YUAN: '2000000' });
    store = t.app.get(EVENT_STORE);
    const as = signIn(t.app);
    [office, ecology, economy, cityMgmt] = await Promise.all([
      as.office(),
      as.dept('连云生态环境局'),
      as.dept('区经发局'),
      as.dept('区城管局'),
    ]);
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    // 交办 C-5 so that its lead 连云生态环境局 passes the gate and meets the field checks.
    await http().post('/tasks/C-5/assignment').set(office).send({}).expect(201);
  }, 60_000);
  afterAll(() => t.close());

  it('given an indicator value of 1e308, answers 400 naming value, before any parsing work', async () => {
    const res = await http()
      .post('/indicators/14/reports')
      .set(ecology)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ...rate, value: 0 }).replace('"value":0', '"value":1e308'))
      .expect(400);
    expect(res.body).toMatchObject({ code: 'REQUEST.NUMBER_OUT_OF_RANGE', details: { fields: [{ field: 'value' }] } });
    expect(res.body.message).toMatch(/^value: 请求中的数值超出可精确表示的范围/);
    expect(await length(indicatorStreamId(PLAN, '14'))).toBe(0);
  });

  it('given a rate of 100.5 % or 1e15 %, answers 400 INDICATOR.VALUE_OUT_OF_RANGE naming value and the range; 100 is recorded', async () => {
    for (const value of [100.5, 1e15]) {
      const res = await http()
        .post('/indicators/14/reports')
        .set(ecology)
        .send({ ...rate, value })
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'INDICATOR.VALUE_OUT_OF_RANGE',
        message: 'value: 数值超出该指标的合理范围（应在 0 至 100 % 之间）',
        details: { field: 'value', min: 0, max: 100 },
      });
    }
    expect(await length(indicatorStreamId(PLAN, '14'))).toBe(0);
    await http()
      .post('/indicators/14/reports')
      .set(ecology)
      .send({ ...rate, value: 100 })
      .expect(201);
  });

  it('given 8.5 enterprises (家) or an intensity of 5000 吨/万元, answers 400 naming value', async () => {
    const count = await http()
      .post('/indicators/4/reports')
      .set(economy)
      .send({ ...rate, unit: '家', value: 8.5 })
      .expect(400);
    expect(count.body).toMatchObject({
      code: 'INDICATOR.VALUE_OUT_OF_RANGE',
      message: 'value: 该指标以家计数，应为整数',
    });
    const intensity = await http()
      .post('/indicators/2/reports')
      .set(ecology)
      .send({ ...rate, unit: '吨/万元', value: 5000 })
      .expect(400);
    expect(intensity.body.message).toBe('value: 数值超出该指标的合理范围（应在 0 至 1000 吨/万元 之间）');
    expect(await length(indicatorStreamId(PLAN, '4'))).toBe(0);
    expect(await length(indicatorStreamId(PLAN, '2'))).toBe(0);
  });

  it('given an investment of 1e21 万元, refuses it at the body; beyond the configured ceiling, names it; the total stays', async () => {
    const huge = await http()
      .post('/projects/5/progress-reports')
      .set(cityMgmt)
      .set('Content-Type', 'application/json')
      .send('{"phase":"construction","investmentCompleted":1e21}')
      .expect(400);
    expect(huge.body).toMatchObject({
      code: 'REQUEST.NUMBER_OUT_OF_RANGE',
      details: { fields: [{ field: 'investmentCompleted' }] },
    });
    const over = await http()
      .post('/projects/5/progress-reports')
      .set(cityMgmt)
      .send({ phase: 'construction', investmentCompleted: 2_000_000.01 })
      .expect(400);
    expect(over.body).toMatchObject({
      code: 'PROJECT.INVESTMENT_TOO_LARGE',
      message: 'investmentCompleted: 累计完成投资超过上限（至多 2000000 万元）',
      details: { field: 'investmentCompleted', max: 2_000_000 },
    });
    expect(await length(projectStreamId(PLAN, '5'))).toBe(0);
    const list = (await http().get('/projects').set(office).expect(200)).body;
    expect(list.investment).toMatchObject({ unit: '万元' });
    expect(JSON.stringify(list.investment)).not.toMatch(/e\+|2000000\.01/);
  });

  it('given 9007199254740993 as a percent, refuses it rather than rounding it; 101 % is refused by the field', async () => {
    const big = await http()
      .post('/tasks/C-5/progress-reports')
      .set(ecology)
      .set('Content-Type', 'application/json')
      .send('{"text":"进展","percent":9007199254740993}')
      .expect(400);
    expect(big.body).toMatchObject({
      code: 'REQUEST.NUMBER_OUT_OF_RANGE',
      details: { fields: [{ field: 'percent' }] },
    });
    const over = await http()
      .post('/tasks/C-5/progress-reports')
      .set(ecology)
      .send({ text: '进展', percent: 101 })
      .expect(400);
    expect(over.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'percent' })]));
  });

  it('given a plan file with a period to year 9999 or a 10^15 序号, refuses it naming the path', async () => {
    const plan = structuredClone(loadLianyunPlan()) as unknown as Record<string, unknown> & {
      tasks: Record<string, unknown>[];
    };
    plan['period'] = { from: 2022, to: 9999 };
    plan.tasks[0] = { ...plan.tasks[0], sourceLine: 1e15 };
    const res = await http().post('/plans').set(office).send(plan).expect(400);
    expect(JSON.stringify(res.body)).toContain('period.to');
    expect(JSON.stringify(res.body)).toContain('tasks[0].sourceLine');
    expect(JSON.stringify(res.body)).toContain('应为 2000 至 2100 的整数');
  });
});
