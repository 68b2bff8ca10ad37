/**
 * A rolling deploy: a newer replica appends an event type this version does not know. Every
 * reader follows one rule (libs/event-store unknown-event-types.ts): skip it, log it once per
 * type, count it in /health/ready. Nothing crashes, nothing answers 500.
 */
import { taskStreamId } from '@zw/domain';
import { EVENT_STORE, UNKNOWN_EVENT_TYPES, type EventStore } from '@zw/event-store';
import { RemindersService } from '@zw/reminders';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { ManagementServer } from '../apps/api/src/metrics/management';
import { signIn, type AuthHeaders } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const PLAN = 'lianyun-2022-2025';
const FUTURE_TYPE = 'TaskReferredToMayor';

describe('an event type this version does not know, in a task stream', () => {
  let t: TestApp;
  let store: EventStore;
  let reminders: RemindersService;
  let managementUrl: string;
  let office: AuthHeaders, ecology: AuthHeaders;
  const http = () => request(t.app.getHttpServer());
  const stream = taskStreamId(PLAN, 'C-5');
  const pendingAbove = async (n: number) => {
    for (let i = 0; i < 500 && (await reminders.scheduler.pending()) <= n; i++)
      await new Promise((r) => setTimeout(r, 10));
    return reminders.scheduler.pending();
  };

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00', MANAGEMENT_PORT: '0' });
    store = t.app.get(EVENT_STORE);
    reminders = t.app.get(RemindersService);
    const bound = await t.app.get(ManagementServer).listen(t.app, 0, '127.0.0.1');
    managementUrl = `http://127.0.0.1:${bound.port}`;
    const as = signIn(t.app);
    [office, ecology] = await Promise.all([as.office(), as.dept('连云生态环境局')]);
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    await http().post('/tasks/C-5/assignment').set(office).send({}).expect(201);
  });
  afterAll(() => t.close());

  it('given a newer writer appended one, commands, views, the audit trail and reminders keep working', async () => {
    const before = await store.readStream(stream);
    const skippedBefore = UNKNOWN_EVENT_TYPES.total;
    // When: a newer replica records an event of a type this version has never heard of.
    await store.append(
      stream,
      [
        {
          type: FUTURE_TYPE,
          data: { referredTo: '区长办公会', note: '新版本才有的事件' },
          metadata: {
            actorId: 'system:future-replica',
            role: 'system',
            correlationId: 'future-1',
            causationId: 'future-1',
            occurredAt: '2023-03-01T10:00:00+08:00',
          },
        },
      ],
      before.at(-1)!.revision,
    );
    const planned = await reminders.scheduler.pending();

    // Then the command path folds past it: 签收 and a new milestone are decided and recorded.
    const ack = await http().post('/tasks/C-5/acknowledgements').set(ecology).expect(201);
    expect(ack.body.revision).toBe(String(before.length + 1));
    const milestone = { title: '中期评估', dueDate: '2024-09-30', owner: '连云生态环境局' };
    const added = await http()
      .post('/tasks/C-5/milestones')
      .set(office)
      .send({ milestone, reason: '增加中期评估节点' })
      .expect(201);

    // The reminder planner followed past it: the new milestone's reminders are scheduled.
    expect(await pendingAbove(planned)).toBeGreaterThan(planned);

    // The views: the task, the board (caught up to the last command) and the audit trail answer.
    const task = (await http().get('/tasks/C-5').set(office).expect(200)).body;
    expect(task.departments.find((d: { name: string }) => d.name === '连云生态环境局').acknowledgementLabel).toBe(
      '已签收',
    );
    const board = await http().get('/board').set(office).set('X-Min-Position', added.body.position).expect(200);
    expect(board.body.tasks.find((row: { code: string }) => row.code === 'C-5').milestones).toHaveLength(
      task.milestones.length,
    );
    const trail = (await http().get('/tasks/C-5/audit-trail').set(office).expect(200)).body;
    expect(JSON.stringify(trail)).toContain('签收');
    expect(JSON.stringify(trail)).toContain('其他事件（本版本无法识别）');

    // Each reader skipped it and counted it; /health/ready reports the type, and stays up.
    expect(UNKNOWN_EVENT_TYPES.total).toBeGreaterThan(skippedBefore);
    const ready = await request(managementUrl).get('/health/ready').expect(200);
    expect(ready.body.details.unknownEventTypes).toMatchObject({
      status: 'up',
      types: [expect.objectContaining({ type: FUTURE_TYPE, firstStream: stream })],
    });
    expect(ready.body.details.unknownEventTypes.skipped).toBeGreaterThanOrEqual(3);
  });
});
