/**
 * The probe's leaks in error bodies (issue 15): INDICATOR.NOT_RESPONSIBLE listed the responsible
 * departments, PROJECT.NOT_SUPERVISOR the supervising ones. A refusal now says only what the
 * caller may know (its own department); the names go to the log with the correlation id
 * (all-exceptions.filter.spec.ts). route-probe.e2e-spec.ts checks the same over every route.
 * And /audit/verify?stream=nope no longer answers ok:true 校验通过.
 */
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { signIn, type AuthHeaders } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

const evidence = [{ title: '2023年度统计年报', documentRef: '统〔2024〕2号' }];

describe('security: error bodies name no other department', () => {
  let t: TestApp;
  let office: AuthHeaders, education: AuthHeaders, ecology: AuthHeaders;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2024-03-01T09:00:00+08:00' });
    const as = signIn(t.app);
    [office, education, ecology] = await Promise.all([as.office(), as.dept('区教育局'), as.dept('连云生态环境局')]);
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
  }, 60_000);
  afterAll(() => t.close());

  it('given 区教育局 reporting indicator 14 (连云生态环境局 reports it), answers 403 naming only 区教育局', async () => {
    const res = await http()
      .post('/indicators/14/reports')
      .set(education)
      .send({ period: '2023', value: 5, unit: '%', source: '统计年报', evidence })
      .expect(403);
    expect(res.body).toEqual({
      statusCode: 403,
      code: 'INDICATOR.NOT_RESPONSIBLE',
      message: '本单位不是该指标的责任部门或数据来源单位',
      details: { department: '区教育局' },
    });
    expect(res.headers['x-correlation-id']).toEqual(expect.any(String));
  });

  it('given 连云生态环境局 reporting project 5 (区城管局 supervises it), answers 403 without 区城管局', async () => {
    const res = await http()
      .post('/projects/5/progress-reports')
      .set(ecology)
      .send({ phase: 'construction', investmentCompleted: 10 })
      .expect(403);
    expect(res.body).toEqual({
      statusCode: 403,
      code: 'PROJECT.NOT_SUPERVISOR',
      message: expect.stringMatching(/^本单位不是该项目的主管部门/),
      details: { department: '连云生态环境局' },
    });
    expect(res.text).not.toContain('区城管局');
  });

  it('given 新增里程碑 without the milestone (only a reason), answers 400 naming milestone, not 500', async () => {
    await http().post('/tasks/C-5/assignment').set(office).send({}).expect(201);
    const res = await http().post('/tasks/C-5/milestones').set(office).send({ reason: '理由' }).expect(400);
    expect(JSON.stringify(res.body)).toContain('milestone');
  });

  it('given /audit/verify of a stream that does not exist, answers 404 (never 校验通过)', async () => {
    const res = await http().get('/audit/verify?stream=nope').set(office).expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'AUDIT.STREAM_NOT_FOUND',
      message: '没有这个事件流，无法校验',
      details: {},
    });
    expect(res.text).not.toContain('校验通过');
  });
});
