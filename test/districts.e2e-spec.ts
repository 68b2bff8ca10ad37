import { taskStreamId } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import request from 'supertest';
import { A, B, CITY, PLAN_A, PLAN_B, SAME_NAME, twoDistricts, type TwoDistricts } from './support/two-districts';
import { createTestApp, type TestApp } from './support/test-app';
import { INITIAL_PASSWORD } from './support/sign-in';

/**
 * Two districts whose plans both name 区城管局, and their city, in one deployment: each district's
 * staff work only on their own plan (another district's plan answers 404, as if it did not exist,
 * and nothing is appended), the city's leader reads both side by side, admins manage only the
 * accounts and organisations they reach.
 */
describe('two districts and their city in one deployment', () => {
  let t: TestApp;
  let store: EventStore;
  let w: TwoDistricts;
  const http = () => request(t.app.getHttpServer());
  const head = async () => (await store.readAll(undefined, 1_000_000)).at(-1)?.position;
  const qa = `?plan=${PLAN_A}`;
  const qb = `?plan=${PLAN_B}`;

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-07-03T09:00:00+08:00' });
    store = t.app.get(EVENT_STORE);
    w = await twoDistricts(t);
    await http().post(`/tasks/C-5/assignment${qa}`).set(w.officeA).send({}).expect(201);
    await http().post(`/tasks/A-2/assignment${qb}`).set(w.officeB).send({}).expect(201);
  }, 120_000);
  afterAll(() => t.close());

  it('each plan belongs to the organisation whose office imported it', async () => {
    const tree = (await http().get('/organisations').set(w.leaderCity).expect(200)).body;
    expect(tree.map((o: { id: string; plans: string[] }) => [o.id, o.plans])).toEqual([
      [A, [PLAN_A]],
      [CITY, []],
      [B, [PLAN_B]],
    ]);
    // Each district sees its own organisation only; the city's leader sees the city and below.
    expect(
      (await http().get('/organisations').set(w.officeB).expect(200)).body.map((o: { id: string }) => o.id),
    ).toEqual([B]);
  });

  it('B’s 区城管局 neither sees nor acts on A’s task that names 区城管局: 404, nothing appended', async () => {
    const before = await head();
    const read = await http().get(`/tasks/C-5${qa}`).set(w.deptB).expect(404);
    expect(read.body.message).toContain(PLAN_A);
    await http().post(`/tasks/C-5/acknowledgements${qa}`).set(w.deptB).send({}).expect(404);
    await http().get(`/board${qa}`).set(w.deptB).expect(404);
    expect(await head()).toBe(before);
    // A's own 区城管局 does, and B's acts on its own district's task.
    await http().get(`/tasks/C-5${qa}`).set(w.deptA).expect(200);
    await http().post(`/tasks/A-2/acknowledgements${qb}`).set(w.deptB).send({}).expect(201);
  });

  it('B’s office cannot assign A’s tasks, nor import over A’s plan: 404, nothing appended', async () => {
    const before = await head();
    await http().post(`/tasks/C-6/assignment${qa}`).set(w.officeB).send({}).expect(404);
    const plan = (await http().get(`/plans/${PLAN_A}`).set(w.officeA).expect(200)).body;
    expect(plan.id).toBe(PLAN_A);
    await http().get(`/plans/${PLAN_A}`).set(w.officeB).expect(404);
    const { loadLianyunPlan } = await import('@zw/plan');
    await http().post('/plans').set(w.officeB).send(loadLianyunPlan()).expect(404);
    expect(await head()).toBe(before);
  });

  it('a request naming no plan means the caller’s own district’s plan', async () => {
    expect((await http().get('/board').set(w.officeB).expect(200)).body.planId).toBe(PLAN_B);
    expect((await http().get('/board').set(w.officeA).expect(200)).body.planId).toBe(PLAN_A);
    const task = (await http().get('/tasks/A-2').set(w.deptB).expect(200)).body;
    expect(task.departments.map((d: { name: string }) => d.name)).toContain(SAME_NAME);
  });

  it('each 区城管局’s inbox and to-do hold its own district’s work only (the audience is a department name both share)', async () => {
    const inboxB = (await http().get('/me/notifications').set(w.deptB).expect(200)).body;
    expect(inboxB.items.length).toBeGreaterThan(0);
    expect(new Set(inboxB.items.map((n: { planId: string }) => n.planId))).toEqual(new Set([PLAN_B]));
    expect(inboxB.unread).toBe(inboxB.items.length);
    const inboxA = (await http().get('/me/notifications').set(w.deptA).expect(200)).body;
    expect(new Set(inboxA.items.map((n: { planId: string }) => n.planId))).toEqual(new Set([PLAN_A]));
    expect((await http().get('/me/todo').set(w.deptB).expect(200)).body.planId).toBe(PLAN_B);
    await http().get(`/me/todo${qa}`).set(w.deptB).expect(404);
  });

  it('the city’s leader reads both districts side by side (?asOf=, .xlsx); a district’s leader does not see the city', async () => {
    const overview = (await http().get(`/organisations/${CITY}/overview`).set(w.leaderCity).expect(200)).body;
    expect(overview.organisation).toMatchObject({ id: CITY, name: '连云港市', kind: 'city' });
    expect(
      overview.districts.map((d: { organisationId: string; planId: string }) => [d.organisationId, d.planId]),
    ).toEqual(
      expect.arrayContaining([
        [A, PLAN_A],
        [B, PLAN_B],
      ]),
    );
    expect(overview.ranking.rule).toMatch(/红灯/);
    const past = (await http().get(`/organisations/${CITY}/overview?asOf=2023-07-01`).set(w.leaderCity).expect(200))
      .body;
    expect(past.asOf).toBe('2023-07-01');
    for (const d of past.districts) expect(d.tasks.assigned).toBe(0); // both assignments came on 07-03
    const xlsx = await http()
      .get(`/organisations/${CITY}/overview.xlsx`)
      .set(w.leaderCity)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const { Workbook } = await import('exceljs');
    const book = new Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const names = book.worksheets[0]!.getColumn(2).values.filter((v) => typeof v === 'string');
    expect(names).toEqual(expect.arrayContaining(['连云区', '青岚区']));
    await http().get(`/organisations/${CITY}/overview`).set(w.leaderA).expect(404);
    await http().get(`/organisations/${A}/overview`).set(w.leaderA).expect(200);
    await http().get(`/organisations/${A}/overview`).set(w.officeB).expect(404);
    await http().get(`/organisations/${CITY}/overview`).set(w.deptA).expect(403);
  });

  it('admins manage only the accounts of their organisation and below; others answer 404', async () => {
    const listA = (await http().get('/users').set(w.adminA).expect(200)).body.map(
      (u: { username: string }) => u.username,
    );
    expect(listA).toEqual(expect.arrayContaining(['office.a', 'urban.a', 'leader.a']));
    expect(listA).not.toContain(`office.b@${B}`);
    expect(listA).not.toContain(`leader.city@${CITY}`);
    const listCity = (await http().get('/users').set(w.adminCity).expect(200)).body.map(
      (u: { username: string }) => u.username,
    );
    expect(listCity).toEqual(expect.arrayContaining(['office.a', `office.b@${B}`, `leader.city@${CITY}`]));
    const before = await head();
    await http().post(`/users/office.b@${B}/disable`).set(w.adminA).send({ reason: '调离' }).expect(404);
    await http()
      .post('/users')
      .set(w.adminA)
      .send({ username: 'sneaky', displayName: '甲', role: 'office', organisationId: B })
      .expect(404);
    expect(await head()).toBe(before);
    // The organisation defaults to the admin's own; a department must be one of that organisation's plan.
    const made = await http()
      .post('/users')
      .set(w.adminA)
      .send({ username: 'clerk.a', displayName: '乙', role: 'department', department: '区城管局' })
      .expect(201);
    expect(made.body.organisationId).toBe(A);
    const wrong = await http()
      .post('/users')
      .set(w.adminCity)
      .send({
        username: 'clerk.b',
        displayName: '丙',
        role: 'department',
        department: '连云生态环境局',
        organisationId: B,
      })
      .expect(400);
    expect(wrong.body.message).toContain('所属单位');
  });

  it('login names are scoped by organisation: B’s admin may use a name A uses, and learns nothing of A’s accounts', async () => {
    const adminB = await w.account(w.adminCity, 'admin.b', 'admin', B);
    const create = (username: string) =>
      http()
        .post('/users')
        .set(adminB)
        .send({ username, displayName: '丁', role: 'office', password: INITIAL_PASSWORD });
    // `office.a` exists in A: for B it is a new name, `office.a@qinglan`, not a 409.
    const made = await create('office.a').expect(201);
    expect(made.body).toMatchObject({ username: `office.a@${B}`, organisationId: B });
    await w.as.firstLogin(`office.a@${B}`, INITIAL_PASSWORD);
    // Taken only within B, which its admin reaches anyway.
    expect((await create('office.a').expect(409)).body.code).toBe('USER.ALREADY_EXISTS');
    // Naming another organisation is refused whether or not the account exists there.
    for (const name of [`office.a@${A}`, `nobody.here@${A}`]) {
      const refused = await create(name).expect(400);
      expect(refused.body.details.fields[0].field).toBe('username');
    }
    // A's account keeps its name and its login.
    const a = await w.as.login('office.a');
    expect(a.user).toMatchObject({ username: 'office.a', organisationId: A });
  });

  it('organisations: the city’s admin builds below the city; a district’s admin renames its own, not its neighbour', async () => {
    const created = await http()
      .post('/organisations')
      .set(w.adminCity)
      .send({ organisationId: 'haizhou', name: '海州区', kind: 'district', parentId: CITY })
      .expect(201);
    expect(created.body).toMatchObject({ id: 'haizhou', parentId: CITY, kindLabel: '区（县）' });
    await http().put('/organisations/haizhou/name').set(w.adminCity).send({ name: '海州区（新）' }).expect(200);
    const before = await head();
    await http().put(`/organisations/${B}/name`).set(w.adminA).send({ name: '别名' }).expect(404);
    await http()
      .post('/organisations')
      .set(w.adminA)
      .send({ organisationId: 'x', name: '某区', kind: 'district', parentId: CITY })
      .expect(400);
    await http().post(`/organisations/${A}/plans`).set(w.adminA).send({ planId: PLAN_B }).expect(404);
    await http().put(`/organisations/haizhou/name`).set(w.officeA).send({ name: '别名' }).expect(403);
    expect(await head()).toBe(before);
    const renamed = await http().put(`/organisations/${A}/name`).set(w.adminA).send({ name: '连云区' }).expect(200);
    expect(renamed.body.name).toBe('连云区');
  });

  // Last: it tampers with the log.
  it('the audit of A’s office covers A’s streams only: a break in B’s stream is not named to it, B’s office sees it', async () => {
    const bTask = taskStreamId(PLAN_B, 'A-2');
    const db = new Database(join(t.config.dataDir, 'events.db'));
    // An attacker with the file: the append-only trigger dropped, one of B's events rewritten.
    db.exec('DROP TRIGGER events_append_only_update');
    db.prepare("UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE stream_id = ? AND revision = 0").run(
      bTask,
    );
    db.close();

    const forA = (await http().get('/audit/verify').set(w.officeA).expect(200)).body;
    expect(forA).toMatchObject({ ok: true, result: '校验通过', files: { ok: true } });
    expect(JSON.stringify(forA)).not.toContain(PLAN_B);
    const forB = (await http().get('/audit/verify').set(w.officeB).expect(200)).body;
    expect(forB).toMatchObject({ ok: false, firstBreak: { streamId: bTask, revision: '0' } });
    // A's office counts its district's streams (and the shared registries), not the deployment's.
    const everyStream = new Set((await store.readAll(undefined, 1_000_000)).map((e) => e.streamId));
    expect(forA.streams).toBeLessThan(everyStream.size);
    // By name, B's streams and accounts answer as streams that do not exist.
    for (const stream of [bTask, `plan-${PLAN_B}`, `user-office.b@${B}`])
      await http()
        .get(`/audit/verify?stream=${encodeURIComponent(stream)}`)
        .set(w.officeA)
        .expect(404);
    await http()
      .get(`/audit/verify?stream=${encodeURIComponent(bTask)}`)
      .set(w.officeB)
      .expect(200);
    await http().get('/audit/verify?stream=user-office.a').set(w.officeA).expect(200);
  });
});
