import { taskStreamId } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { signIn, type AuthHeaders, type SignIn } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const PLAN = 'lianyun-2022-2025';

describe('task command conventions: If-Match, Idempotency-Key, 400/404/409', () => {
  let t: TestApp;
  let store: EventStore;
  let as: SignIn;
  let office: AuthHeaders, ecology: AuthHeaders;
  const http = () => request(t.app.getHttpServer());
  const count = async (code: string) => (await store.readStream(taskStreamId(PLAN, code))).length;

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00' });
    store = t.app.get(EVENT_STORE);
    as = signIn(t.app);
    [office, ecology] = await Promise.all([as.office(), as.dept('连云生态环境局')]);
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    await http().post('/tasks/D-1/assignment').set(office).send({}).expect(201);
  });
  afterAll(() => t.close());

  it('20 parallel commands with the same If-Match: exactly one 2xx, the others 409 with the current revision', async () => {
    await http().post('/tasks/A-6/assignment').set(office).send({}).expect(201);
    await http().post('/tasks/A-6/acknowledgements').set(ecology).expect(201);
    const etag = (await http().get('/tasks/A-6').set(office)).headers.etag as string;
    const before = await count('A-6');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        http()
          .post('/tasks/A-6/progress-reports')
          .set(ecology)
          .set('If-Match', etag)
          .send({ percent: i, text: `第${i}次` }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s < 300)).toEqual([201]);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const conflict = answers.find((a) => a.status === 409)!;
    expect(conflict.body).toEqual({
      statusCode: 409,
      code: 'TASK.STALE',
      message: expect.stringContaining('任务已被他人更新'),
      details: { currentRevision: String(before) },
    });
    expect(JSON.stringify(conflict.body)).not.toMatch(/task-|lianyun|Stream|expected/);
    expect(await count('A-6')).toBe(before + 1);
  });

  it('without If-Match, parallel commands are decided again on the fresh state: all succeed, revisions contiguous', async () => {
    const before = await count('A-6');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        http()
          .post('/tasks/A-6/progress-reports')
          .set(ecology)
          .send({ percent: i, text: `并发${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.revision)).size).toBe(20);
    expect(await count('A-6')).toBe(before + 20);
  });

  it('a stale If-Match is refused with 409 and the current revision, appending nothing', async () => {
    const before = await count('D-1');
    const res = await http()
      .post('/tasks/D-1/cancellation')
      .set(office)
      .set('If-Match', '"99"')
      .send({ reason: '测试' })
      .expect(409);
    expect(res.body.details.currentRevision).toBe(String(before - 1));
    expect(await count('D-1')).toBe(before);
  });

  it('the same Idempotency-Key 10 times appends one set of events and answers 201 alike, replays marked', async () => {
    const before = await count('D-1');
    const lead = (await http().get('/tasks/D-1').set(office)).body.departments[0].name as string;
    const answers = [];
    for (let i = 0; i < 10; i++) {
      answers.push(
        await http()
          .post('/tasks/D-1/acknowledgements')
          .set(await as.dept(lead))
          .set('Idempotency-Key', 'ack-D-1-once'),
      );
    }
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(answers.map((a) => a.headers['idempotent-replayed'])).toEqual([undefined, ...Array(9).fill('true')]);
    expect(new Set(answers.map((a) => a.body.revision)).size).toBe(1);
    expect(answers[9].body.replayed).toBe(true);
    expect(await count('D-1')).toBe(before + 1);
  });

  it('the same Idempotency-Key with another body or route is 422 IDEMPOTENCY.KEY_REUSED, appending nothing', async () => {
    const lead = await as.dept((await http().get('/tasks/D-1').set(office)).body.departments[0].name as string);
    const report = (body: object, path = '/tasks/D-1/progress-reports') =>
      http().post(path).set(lead).set('Idempotency-Key', 'report-D-1').send(body);
    await report({ percent: 10, text: '首次报送' }).expect(201);
    // The same request with its keys in another order is the same request: a replay.
    await report({ text: '首次报送', percent: 10 }).expect(201).expect('Idempotent-Replayed', 'true');
    const before = await count('D-1');
    const reused = await report({ percent: 20, text: '另一次报送' }).expect(422);
    expect(reused.body).toEqual({
      statusCode: 422,
      code: 'IDEMPOTENCY.KEY_REUSED',
      message: expect.stringContaining('幂等键'),
      details: { idempotencyKey: 'report-D-1' },
    });
    await report({ percent: 10, text: '首次报送' }, '/tasks/D-1/progress-reports?plan=lianyun-2022-2025').expect(422);
    expect(await count('D-1')).toBe(before);
  });

  it('a domain 409 carries the revision it was decided on; 403s carry the codes of the state machine', async () => {
    const already = await http().post('/tasks/D-1/assignment').set(office).send({}).expect(409);
    expect(already.body).toMatchObject({
      code: 'TASK.ALREADY_ASSIGNED',
      details: { currentRevision: String((await count('D-1')) - 1) },
    });
    const lead = await as.dept((await http().get('/tasks/D-1').set(office)).body.departments[0].name as string);
    const officeOnly = await http().post('/tasks/D-1/cancellation').set(lead).send({ reason: '越权' }).expect(403);
    expect(officeOnly.body).toMatchObject({ code: 'TASK.OFFICE_ONLY', message: '仅无废办可执行此操作', details: {} });
    const departmentOnly = await http().post('/tasks/D-1/acknowledgements').set(office).expect(403);
    expect(departmentOnly.body.code).toBe('TASK.DEPARTMENT_ONLY');
    const outsider = await http()
      .post('/tasks/D-1/acknowledgements')
      .set(await as.dept('区文体和旅游局'))
      .expect(403);
    expect(outsider.body.code).toBe('TASK.DEPARTMENT_NOT_ASSIGNED');
  });

  it('malformed JSON is 400 REQUEST.MALFORMED_JSON in Chinese, in the one error shape', async () => {
    const res = await http()
      .post('/tasks/D-1/progress-reports')
      .set(office)
      .set('Content-Type', 'application/json')
      .send('{"percent": 10, "text": ')
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'REQUEST.MALFORMED_JSON',
      message: '请求体不是有效的 JSON',
      details: {},
    });
  });

  it('refuses bad input with 400 naming the field, appending nothing', async () => {
    const before = await count('D-1');
    const cases: Array<[string, object, string]> = [
      ['/tasks/D-1/progress-reports', { percent: 50, text: 'x', extra: true }, 'extra'],
      ['/tasks/D-1/progress-reports', { percent: 150, text: 'x' }, 'percent'],
      ['/tasks/D-1/progress-reports', { percent: 10 }, 'text'],
      ['/tasks/D-1/progress-reports', { percent: 10, text: '长'.repeat(4001) }, 'text'],
      ['/tasks/D-1/extensions', { newDueDate: '2023-02-30', reason: '理由' }, 'newDueDate'],
      [
        '/tasks/D-1/milestones/y2023/completion',
        { evidence: [{ title: '材料', url: 'javascript:alert(1)' }] },
        'evidence[0].url',
      ],
    ];
    // Department routes: the lead passes the door, then its body is checked.
    const lead = await as.dept((await http().get('/tasks/D-1').set(office)).body.departments[0].name as string);
    for (const [path, body, field] of cases) {
      const res = await http().post(path).set(lead).send(body).expect(400);
      expect(res.body.details.fields.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      expect(JSON.stringify(res.body)).not.toMatch(/must|should|property/);
    }
    await http()
      .post('/tasks/D-1/progress-reports')
      .set(lead)
      .set('If-Match', 'yesterday')
      .send({ percent: 1, text: 'x' })
      .expect(400);
    expect(await count('D-1')).toBe(before);
  });

  it('a due date before the assignment is refused with 400', async () => {
    const res = await http().post('/tasks/A-1/assignment').set(office).send({ dueDate: '2022-12-31' }).expect(400);
    expect(res.body.code).toMatch(/^TASK\./);
    expect(await count('A-1')).toBe(0);
  });

  it('unknown task or milestone → 404; an illegal transition → 409 with the domain code', async () => {
    await http().get('/tasks/Z-99').set(office).expect(404);
    await http().post('/tasks/Z-99/assignment').set(office).send({}).expect(404);
    const lead = (await http().get('/tasks/D-1').set(office)).body.departments[0].name as string;
    await http()
      .post('/tasks/D-1/milestones/nope/completion')
      .set(await as.dept(lead))
      .send({ evidence: [{ title: '材料', documentRef: '连环发〔2023〕1号' }] })
      .expect(404);
    const illegal = await http().post('/tasks/D-1/acceptance').set(office).send({}).expect(409);
    expect(illegal.body.code).toMatch(/^TASK\./);
    expect(illegal.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
