/**
 * 我的待办 (GET /me/todo) after each step of C-5's workflow, for the lead (连云生态环境局), the
 * cooperating department (区城管局), the office and a leader. A ManualClock moves the days;
 * every read waits for the command it follows (X-Min-Position).
 */
import { ManualClock } from '@zw/clock';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { signIn, type AuthHeaders } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const LEAD = '连云生态环境局';
const COOPERATING = '区城管局';
const EVIDENCE = [{ title: '收集点验收报告', documentRef: '连环发〔2024〕9号' }];

describe('我的待办 along the C-5 workflow (embedded SQLite, ManualClock)', () => {
  let t: TestApp;
  let clock: ManualClock;
  let office: AuthHeaders, lead: AuthHeaders, cooperating: AuthHeaders, leader: AuthHeaders;
  let position = '0';
  let as: ReturnType<typeof signIn>;
  /** Access tokens live 15 minutes: after moving the clock by days, everyone logs in again. */
  const moveTo = async (instant: string) => {
    clock.set(instant);
    const bearer = async (username: string) => ({
      Authorization: `Bearer ${(await as.login(username)).accessToken}`,
    });
    [office, lead, cooperating, leader] = await Promise.all([
      bearer('office'),
      bearer(as.username(LEAD)),
      bearer(as.username(COOPERATING)),
      bearer('leader'),
    ]);
  };
  const http = () => request(t.app.getHttpServer());
  /** Sends a command and remembers its position, so the next read includes it. */
  const command = async (as: AuthHeaders, path: string, body: object = {}) => {
    const res = await http().post(path).set(as).send(body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    position = res.body.position as string;
    return res.body as Record<string, unknown>;
  };
  const items = async (as: AuthHeaders) =>
    (await http().get('/me/todo').set(as).set('X-Min-Position', position).expect(200)).body.items as Array<
      Record<string, unknown>
    >;
  /** [kind, dueDate, daysLeft, light, route] of each item about C-5 (departments also owe indicator reports). */
  const todo = async (as: AuthHeaders) => {
    return (await items(as))
      .filter((i) => i.code === 'C-5')
      .map((i) => [i.kind, i.dueDate, i.daysLeft, i.light, (i.action as { route: string }).route]);
  };

  beforeAll(async () => {
    clock = new ManualClock('2024-01-02T09:00:00+08:00');
    t = await createTestApp({}, { clock });
    as = signIn(t.app);
    [office, lead, cooperating, leader] = await Promise.all([
      as.office(),
      as.dept(LEAD),
      as.dept(COOPERATING),
      as.leader(),
    ]);
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
  });
  afterAll(() => t.close());

  it('answers the day it judged on', async () => {
    const res = await http().get('/me/todo').set(office).expect(200);
    expect(res.body).toMatchObject({ planId: 'lianyun-2022-2025', asOf: '2024-01-02', items: [] });
  });

  it('lists the indicator reports a department owes within 30 days (the plan’s 2023 values, due 2024-01-31)', async () => {
    const owed = (await items(lead)).filter((i) => i.kind === 'indicator-report');
    expect(owed.length).toBeGreaterThan(0);
    expect(owed[0]).toMatchObject({ dueDate: '2024-01-31', daysLeft: 29, detail: '2023', kindLabel: '待报送指标' });
    expect(await items(office)).toEqual([]);
  });

  it('walks C-5 from 交办 to 办结, each list changing as the work moves', async () => {
    await command(office, '/tasks/C-5/assignment');
    const ackBy = (await http().get('/tasks/C-5').set(office).expect(200)).body.departments[0].acknowledgeBy;
    const ack = ['acknowledge', ackBy, 3, 'yellow', '/tasks/C-5/acknowledgements'];
    expect(await todo(lead)).toEqual([ack]);
    expect(await todo(cooperating)).toEqual([ack]);
    expect(await todo(office)).toEqual([]);

    await command(cooperating, '/tasks/C-5/acknowledgements');
    expect(await todo(cooperating)).toEqual([]);
    await moveTo('2024-01-08T09:00:00+08:00'); // past the 签收 deadline
    expect(await todo(office)).toEqual([['acknowledgement-overdue', ackBy, -3, 'red', '/tasks/C-5']]);
    expect(await todo(lead)).toEqual([['acknowledge', ackBy, -3, 'red', '/tasks/C-5/acknowledgements']]);
    await command(lead, '/tasks/C-5/acknowledgements');
    expect(await todo(lead)).toEqual([]);
    expect(await todo(office)).toEqual([]);

    await moveTo('2024-12-10T09:00:00+08:00'); // the milestone is due within 30 days
    const milestone = ['milestone', '2024-12-31', 21, 'yellow', '/tasks/C-5/milestones/y2024/completion'];
    expect(await todo(lead)).toEqual([milestone]);
    expect(await todo(cooperating)).toEqual([]);

    const { extensionId } = await command(lead, '/tasks/C-5/extensions', {
      newDueDate: '2025-03-31',
      reason: '收集点选址调整',
    });
    const decide = `/tasks/C-5/extensions/${String(extensionId)}/approval`;
    expect(await todo(office)).toEqual([['extension-to-decide', '2024-12-31', 21, 'yellow', decide]]);
    await command(office, decide, { note: '同意' });
    expect(await todo(office)).toEqual([]);
    expect(await todo(lead)).toEqual([milestone, ['extension-decided', null, null, 'green', '/tasks/C-5']]);

    await command(lead, '/tasks/C-5/milestones/y2024/completion', { evidence: EVIDENCE });
    await command(lead, '/tasks/C-5/sign-off-request');
    expect(await todo(cooperating)).toEqual([['sign-off', null, null, 'green', '/tasks/C-5/sign-offs']]);
    await command(cooperating, '/tasks/C-5/objections', { reason: '照片不全' });
    expect(await todo(cooperating)).toEqual([]);
    expect(await todo(office)).toEqual([['objection', null, null, 'green', '/tasks/C-5']]);

    await command(lead, '/tasks/C-5/sign-off-request');
    await command(cooperating, '/tasks/C-5/sign-offs', { note: '同意' });
    expect(await todo(office)).toEqual([['acceptance', '2025-03-31', 111, 'green', '/tasks/C-5/acceptance']]);
    await command(office, '/tasks/C-5/return', { reason: '缺少验收报告' });
    expect(await todo(office)).toEqual([]);
    expect(await todo(lead)).toEqual([
      ['returned', null, null, 'green', '/tasks/C-5/sign-off-request'],
      ['extension-decided', null, null, 'green', '/tasks/C-5'],
    ]);

    await moveTo('2024-12-20T09:00:00+08:00'); // the extension decision has left the list
    await command(lead, '/tasks/C-5/sign-off-request');
    await command(cooperating, '/tasks/C-5/sign-offs', { note: '同意' });
    await command(office, '/tasks/C-5/acceptance', { note: '办结' });
    for (const as of [office, lead, cooperating, leader]) expect(await todo(as)).toEqual([]);
  });
});
