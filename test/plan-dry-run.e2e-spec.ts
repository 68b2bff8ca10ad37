import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan, planStreamId, taskSheetFromPlan } from '@zw/plan';
import request from 'supertest';
import { XLSX_MIME } from '../apps/api/src/configure-http';
import { signIn, type AuthHeaders, type SignIn } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const PLAN_ID = 'lianyun-2022-2025';

/** `?dryRun=true` on both import routes: the report an import would produce, and nothing appended. */
describe('plan import dry run over HTTP', () => {
  let t: TestApp;
  let store: EventStore;
  let as: SignIn;
  let office: AuthHeaders;
  const http = () => request(t.app.getHttpServer());
  /** The global log's last position: a dry run must leave it where it was. */
  const lastPosition = async () => {
    let position: bigint | undefined;
    for (;;) {
      const page = await store.readAll(position, 1000);
      if (page.length === 0) return position;
      position = page.at(-1)!.position;
    }
  };
  const sheet = (edit: (code: string) => string | undefined) => {
    const plan = loadLianyunPlan();
    return taskSheetFromPlan({ ...plan, tasks: plan.tasks.map((x) => ({ ...x, window: edit(x.code) ?? x.window })) });
  };
  beforeAll(async () => {
    t = await createTestApp();
    store = t.app.get(EVENT_STORE);
    as = signIn(t.app);
    office = await as.office();
  });
  afterAll(() => t.close());

  it('answers the report and counts of a new plan, appending nothing (no plan, no attachment)', async () => {
    const before = await lastPosition();
    const dry = await http().post('/plans?dryRun=true').set(office).send(loadLianyunPlan()).expect(200);
    expect(dry.body).toMatchObject({ planId: PLAN_ID, dryRun: true, appended: 0, revision: null, position: null });
    expect(dry.body.listed).toBeGreaterThan(100);
    expect(await lastPosition()).toBe(before);
    await http().get(`/plans/${PLAN_ID}`).set(office).expect(404);

    const real = await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    expect(real.body.dryRun).toBeUndefined();
    expect(dry.body.report).toEqual(real.body.report);
    expect(dry.body.listed).toBe(real.body.listed);
  });

  it('answers what a task sheet would change, leaving the stream revision and the log as they were', async () => {
    const revision = (await http().get(`/plans/${PLAN_ID}`).set(office).expect(200)).body.revision;
    const before = await lastPosition();
    const edited = await sheet((code) => (code === 'A-6' ? '2024-2025' : undefined));
    const dry = await http()
      .put(`/plans/${PLAN_ID}/tasks?dryRun=true`)
      .set(office)
      .set('Content-Type', XLSX_MIME)
      .send(edited)
      .expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, appended: 0, listed: 0, revised: 1, withdrawn: 0, revision });
    expect(dry.body.report.planId).toBe(PLAN_ID);
    expect(await lastPosition()).toBe(before);
    expect((await store.readStream(planStreamId(PLAN_ID))).at(-1)!.revision.toString()).toBe(revision);
    const tasks = (await http().get(`/plans/${PLAN_ID}/tasks`).set(office)).body as Array<{
      code: string;
      window: string;
    }>;
    expect(tasks.find((x) => x.code === 'A-6')?.window).not.toBe('2024-2025');
  });

  it('refuses a bad file with the same 400 as the import, appending nothing', async () => {
    const before = await lastPosition();
    const bad = { ...(loadLianyunPlan() as unknown as Record<string, unknown>), tasks: [{ code: 'A-1' }] };
    const strip = ({ requestId: _r, ...body }: Record<string, unknown>) => body;
    const dryPlan = await http().post('/plans?dryRun=true').set(office).send(bad).expect(400);
    const realPlan = await http().post('/plans').set(office).send(bad).expect(400);
    expect(dryPlan.body.code).toBe('PLAN.INVALID');
    expect(strip(dryPlan.body)).toEqual(strip(realPlan.body));

    const put = (query: string) =>
      http()
        .put(`/plans/${PLAN_ID}/tasks${query}`)
        .set(office)
        .set('Content-Type', XLSX_MIME)
        .send(Buffer.from('not a workbook'))
        .expect(400);
    const [drySheet, realSheet] = [await put('?dryRun=true'), await put('')];
    expect(drySheet.body.code).toBe('PLAN.INVALID');
    expect(strip(drySheet.body)).toEqual(strip(realSheet.body));
    expect(await lastPosition()).toBe(before);
  });

  it('keeps the import policy (department 403) and names a bad dryRun value', async () => {
    const dept = await as.dept('区城管局');
    const refused = await http().post('/plans?dryRun=true').set(dept).send(loadLianyunPlan()).expect(403);
    expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    const odd = await http().post('/plans?dryRun=yes').set(office).send(loadLianyunPlan()).expect(400);
    expect(odd.body).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'dryRun' }] } });
  });
});
