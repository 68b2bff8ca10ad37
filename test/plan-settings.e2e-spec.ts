import request from 'supertest';
import { secondDistrictPlan } from '../libs/plan/src/testing/fixture-plans';
import { signIn, type AuthHeaders } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * A second district's plan carries its own settings and the service follows them: 签收 in 5
 * working days, only a final milestone, half-yearly reports of ongoing work, its own name in
 * the calendar feed. Assignment answers name the plan row's names left out, and why.
 */
describe('plan settings from the plan file (the invented 青岚区, clock at 2023-07-03)', () => {
  let t: TestApp;
  let office: AuthHeaders;
  const plan = secondDistrictPlan();
  const q = `?plan=${plan.id}`;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-07-03T09:00:00+08:00' });
    office = await signIn(t.app).office();
    await http().post('/plans').set(office).send(plan).expect(201);
  });
  afterAll(() => t.close());

  it('交办 B-1 by the plan row: 签收 in 5 working days, the external unit left out and said so', async () => {
    const row = (await http().get(`/tasks/B-1${q}`).set(office).expect(200)).body;
    // The 待交办 row previews the plan's own milestone rule: a final milestone only, its own title.
    expect(row.defaultMilestones).toEqual([
      { milestoneId: 'y2025', title: '2025年：全部完成', dueDate: '2025-12-31', owner: '区经发局' },
    ]);
    const assigned = await http().post(`/tasks/B-1/assignment${q}`).set(office).send({}).expect(201);
    expect(assigned.body.notAssigned).toEqual([
      {
        name: '青岚港务公司',
        role: 'cooperating',
        code: 'external',
        reason: '不是本计划责任清单中的部门（外部单位），不能交办',
      },
    ]);
    const task = (await http().get(`/tasks/B-1${q}`).set(office).expect(200)).body;
    expect(task.departments.map((d: { name: string; acknowledgeBy: string }) => [d.name, d.acknowledgeBy])).toEqual([
      ['区经发局', '2023-07-10'],
      ['青岚生态环境局', '2023-07-10'],
    ]);
    expect(task.milestones).toEqual([
      expect.objectContaining({ milestoneId: 'y2025', title: '2025年：全部完成', dueDate: '2025-12-31' }),
    ]);
  });

  it('an alias beside its own department is merged and reported; names the office gives itself are not', async () => {
    const merged = await http().post(`/tasks/C-2/assignment${q}`).set(office).send({}).expect(201);
    expect(merged.body.notAssigned).toEqual([
      { name: '城管局', role: 'cooperating', code: 'duplicate', reason: '与“区城管局”为同一部门，已合并' },
    ]);
    const named = await http()
      .post(`/tasks/A-4/assignment${q}`)
      .set(office)
      .send({ cooperating: ['区城管局'] })
      .expect(201);
    expect(named.body.notAssigned).toEqual([]);
  });

  it('ongoing work reports half-yearly by default', async () => {
    await http().post(`/tasks/D-2/assignment${q}`).set(office).send({}).expect(201);
    const task = (await http().get(`/tasks/D-2${q}`).set(office).expect(200)).body;
    expect(task).toMatchObject({ dueDate: null, reporting: 'half-yearly' });
  });

  it('the calendar feed names the district the plan belongs to', async () => {
    const link = await http()
      .post(`/departments/${encodeURIComponent('区经发局')}/calendar-feeds${q}`)
      .set(office)
      .expect(201);
    const feed = await http().get(link.body.path).expect(200);
    const text = feed.text.replace(/\r\n[ \t]/g, ''); // unfold RFC 5545 lines
    expect(text).toContain('青岚区“无废城市”建设任务的签收、里程碑与任务期限');
    expect(text).not.toContain('连云区');
  });
});
