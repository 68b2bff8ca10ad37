/**
 * The inbox (GET /me/notifications, POST /me/notifications/read) on the embedded default: the
 * in-app channel's 催办 and the events that need a department's attention; the unread count falls
 * after reading and stays so after a restart (the read position is an event in the user's stream).
 */
import { ManualClock } from '@zw/clock';
import { userStreamId } from '@zw/auth';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import { RemindersService } from '@zw/reminders';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { signIn, type SignIn } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const LEAD = '连云生态环境局';
const COOPERATING = '区城管局';

describe('the notification inbox (embedded SQLite, ManualClock, one restart)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zw-e2e-inbox-'));
  let clock: ManualClock;
  let t: TestApp;
  let as: SignIn;
  const http = () => request(t.app.getHttpServer());
  const bearer = async (username: string) => ({ Authorization: `Bearer ${(await as.login(username)).accessToken}` });
  const inbox = async (username: string, query = '') =>
    (
      await http()
        .get(`/me/notifications${query}`)
        .set(await bearer(username))
        .expect(200)
    ).body as {
      items: Array<{ position: string; kind: string; code: string; text: string; read: boolean }>;
      unread: number;
      readUpTo: string | null;
      nextBefore: string | null;
    };
  const start = async () => {
    t = await createTestApp({ DATA_DIR: dataDir }, { clock });
    as = signIn(t.app);
  };

  beforeAll(async () => {
    clock = new ManualClock('2023-03-01T09:00:00+08:00');
    await start();
    await Promise.all([as.office(), as.leader(), as.dept(LEAD), as.dept(COOPERATING)]);
    await http()
      .post('/plans')
      .set(await as.office())
      .send(loadLianyunPlan())
      .expect(201);
    // Admins manage accounts only: no inbox.
    await http()
      .get('/me/notifications')
      .set(await as.admin())
      .expect(403);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the assignment, then the in-app 签收 reminder, newest first, all unread', async () => {
    await http()
      .post('/tasks/C-5/assignment')
      .set(await bearer('office'))
      .send({})
      .expect(201);
    const reminders = t.app.get(RemindersService);
    // The planner follows the log live: wait until it has scheduled C-5's jobs, then pass the deadline.
    const before = await reminders.scheduler.pending();
    for (let i = 0; i < 400 && (await reminders.scheduler.pending()) <= before; i++)
      await new Promise((r) => setTimeout(r, 10));
    clock.set('2023-03-07T09:00:00+08:00');
    await reminders.scheduler.runDue();

    const lead = await inbox(as.username(LEAD));
    expect(lead.items.map((n) => [n.kind, n.code, n.read])).toEqual([
      ['reminder', 'C-5', false],
      ['assigned', 'C-5', false],
    ]);
    expect(lead.items[0]!.text).toMatch(/^【签收提醒】/);
    expect(lead.items[1]!.text).toBe('任务 C-5 已交办贵单位牵头，请及时签收');
    expect(lead).toMatchObject({ unread: 2, readUpTo: null, nextBefore: null });
    expect((await inbox(as.username(COOPERATING))).items.map((n) => n.kind)).toEqual(['reminder', 'assigned']);
    expect(await inbox('office')).toMatchObject({ items: [], unread: 0 });
    const paged = await inbox(as.username(LEAD), '?limit=1');
    expect(paged.nextBefore).toBe(lead.items[0]!.position);
    expect((await inbox(as.username(LEAD), `?limit=1&before=${paged.nextBefore}`)).items[0]!.kind).toBe('assigned');
  });

  it('marking read up to the newest lowers the unread count to 0 and records it in the user’s stream', async () => {
    const lead = as.username(LEAD);
    const { items } = await inbox(lead);
    const answer = await http()
      .post('/me/notifications/read')
      .set(await bearer(lead))
      .send({ upTo: items[0]!.position })
      .expect(200);
    expect(answer.body).toEqual({ readUpTo: items[0]!.position, unread: 0 });
    expect(await inbox(lead)).toMatchObject({ unread: 0, readUpTo: items[0]!.position });
    const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(userStreamId(lead));
    expect(stream.filter((e) => e.type === 'NotificationsRead').map((e) => e.data)).toEqual([
      { upTo: items[0]!.position, readAt: '2023-03-07T09:00:00.000+08:00' },
    ]);
    // The cooperating department's inbox is its own.
    expect((await inbox(as.username(COOPERATING))).unread).toBe(2);
  });

  it('a decision on its extension request arrives unread; a bad position is refused', async () => {
    const lead = await bearer(as.username(LEAD));
    await http().post('/tasks/C-5/acknowledgements').set(lead).expect(201);
    const requested = await http()
      .post('/tasks/C-5/extensions')
      .set(lead)
      .send({ newDueDate: '2025-03-31', reason: '收集点选址调整' })
      .expect(201);
    await http()
      .post(`/tasks/C-5/extensions/${requested.body.extensionId}/rejection`)
      .set(await bearer('office'))
      .send({ reason: '期限不宜推迟' })
      .expect(201);
    const after = await inbox(as.username(LEAD));
    expect(after.unread).toBe(1);
    expect(after.items[0]).toMatchObject({
      kind: 'extension-decided',
      text: '延期申请未批准：期限不宜推迟',
      read: false,
    });
    const bad = await http().post('/me/notifications/read').set(lead).send({ upTo: '-3' }).expect(400);
    expect(bad.body.details.fields).toEqual([expect.objectContaining({ field: 'upTo' })]);
  });

  it('after a restart the unread counts are as they were', async () => {
    const before = await inbox(as.username(LEAD));
    await t.app.close(); // not t.close(): the data folder is the test's own and stays
    await start();
    const after = await inbox(as.username(LEAD));
    expect(after).toEqual(before);
    expect(after.unread).toBe(1);
    expect((await inbox(as.username(COOPERATING))).unread).toBe(2);
  });
});
