import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan, planStreamId } from '@zw/plan';
import request from 'supertest';
import { signIn, type AuthHeaders, type SignIn } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const PLAN_ID = 'lianyun-2022-2025';

describe('plans over HTTP (embedded SQLite)', () => {
  let t: TestApp;
  let store: EventStore;
  let as: SignIn;
  let office: AuthHeaders;
  const http = () => request(t.app.getHttpServer());
  const stored = async () => (await store.readStream(planStreamId(PLAN_ID))).length;
  beforeAll(async () => {
    t = await createTestApp();
    store = t.app.get(EVENT_STORE);
    as = signIn(t.app);
    office = await as.office();
  });
  afterAll(() => t.close());

  it('refuses an import without a token (401) or by a department or leader (403), appending nothing', async () => {
    await http().post('/plans').send(loadLianyunPlan()).expect(401);
    for (const who of [await as.dept('区城管局'), await as.leader()]) {
      const res = await http().post('/plans').set(who).send(loadLianyunPlan()).expect(403);
      expect(res.body.code).toBe('AUTH.FORBIDDEN');
    }
    expect(await stored()).toBe(0);
  });

  it('refuses a malformed plan with 400 naming each path, appending nothing', async () => {
    const plan = loadLianyunPlan() as unknown as Record<string, unknown>;
    const bad = { ...plan, tasks: [{ code: 'A-1' }], indicators: 'none' };
    const res = await http().post('/plans').set(office).send(bad).expect(400);
    expect(res.body.code).toBe('PLAN.INVALID');
    const fields = (res.body.details.fields as Array<{ field: string }>).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['tasks[0].text', 'indicators']));
    expect(await stored()).toBe(0);
  });

  it('imports the Lianyun plan (201), and a re-import appends nothing (200)', async () => {
    const first = await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    expect(first.body).toMatchObject({ planId: PLAN_ID, revised: 0, withdrawn: 0 });
    expect(first.body.appended).toBeGreaterThan(100);
    expect(first.headers.etag).toBe(`"${first.body.revision}"`);
    const count = await stored();
    const again = await http().post('/plans').set(office).send(loadLianyunPlan()).expect(200);
    expect(again.body).toMatchObject({ appended: 0, revision: first.body.revision });
    expect(await stored()).toBe(count);
    const [event] = await store.readStream(planStreamId(PLAN_ID));
    expect(event.metadata).toMatchObject({ actorId: 'office', role: 'office' });
    expect(event.metadata.department).toBeUndefined();
  });

  it('serves the plan as imported: tasks, departments, indicators, projects and the report', async () => {
    const overview = await http().get(`/plans/${PLAN_ID}`).set(office).expect(200);
    expect(overview.body.counts).toMatchObject({ departments: 20, tasks: 34, indicators: 50, projects: 7 });
    const tasks = (await http().get(`/plans/${PLAN_ID}/tasks`).set(office).expect(200)).body as Array<{
      code: string;
      lead: string[];
      cooperating: string[];
    }>;
    const byCode = new Map(tasks.map((task) => [task.code, task]));
    expect(byCode.get('B-1')?.lead).toHaveLength(2);
    expect(byCode.get('C-5')).toMatchObject({ lead: ['连云生态环境局'], cooperating: ['区城管局'] });
    const report = (await http().get(`/plans/${PLAN_ID}/validation-report`).set(office).expect(200)).body;
    expect(report.findings.map((f: { code: string }) => f.code)).toContain('TASK_COUNT_MISMATCH');
    await http().get('/plans/no-such-plan').set(office).expect(404);
    await http().get(`/plans/${PLAN_ID}/nonsense`).set(office).expect(404);
  });

  it('serves each list as the plan file holds it, every row of its documented kind (the response contract checks the schema)', async () => {
    const plan = loadLianyunPlan();
    for (const list of ['externalUnits', 'genericEntries', 'tasks', 'indicators', 'projects'] as const) {
      const rows = (await http().get(`/plans/${PLAN_ID}/${list}`).set(office).expect(200)).body;
      expect(rows).toEqual(JSON.parse(JSON.stringify(plan[list])));
    }
    // Department names are canonical; the answer says so on every row.
    const departments = (await http().get(`/plans/${PLAN_ID}/departments`).set(office).expect(200)).body;
    expect(departments).toEqual(plan.departments.map((d) => ({ ...JSON.parse(JSON.stringify(d)), canonical: true })));
  });
});
