/**
 * One presentation of a task: the labels of a milestone and of a department's 签收 come from
 * libs/domain (task.labels.ts), so /tasks/:code and the board read the same on the same day.
 */
import { ManualClock } from '@zw/clock';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { signIn, type AuthHeaders } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

describe('one presentation of a task on /tasks/:code and /board', () => {
  const clock = new ManualClock('2023-03-01T09:00:00+08:00');
  let t: TestApp;
  let office: AuthHeaders;
  let as: ReturnType<typeof signIn>;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    as = signIn(t.app);
    office = await as.office();
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    await http().post('/tasks/C-5/assignment').set(office).send({}).expect(201);
  });
  afterAll(() => t.close());

  type Labelled = { milestoneId?: string; name?: string; statusLabel?: string; acknowledgementLabel?: string };
  const labels = async () => {
    const task = (await http().get('/tasks/C-5').set(office).expect(200)).body;
    const row = (await http().get('/board').set(office).expect(200)).body.tasks.find(
      (r: { code: string }) => r.code === 'C-5',
    );
    const pick = (items: Labelled[], key: 'statusLabel' | 'acknowledgementLabel', id: 'milestoneId' | 'name') =>
      Object.fromEntries(items.map((i) => [i[id], i[key]]));
    return {
      task: {
        milestones: pick(task.milestones, 'statusLabel', 'milestoneId'),
        departments: pick(task.departments, 'acknowledgementLabel', 'name'),
      },
      board: {
        milestones: pick(row.milestones, 'statusLabel', 'milestoneId'),
        departments: pick(row.departments, 'acknowledgementLabel', 'name'),
      },
    };
  };

  it('given nothing done yet, both read 待签收 and 未完成', async () => {
    const { task, board } = await labels();
    expect(task).toEqual(board);
    expect(Object.values(task.departments)).toContain('待签收');
    expect(Object.values(task.milestones)).toContain('未完成');
  });

  it('canonical department names: plan rows show them, the list says so, an alias is accepted and mapped', async () => {
    const b3 = (await http().get('/board').set(office).expect(200)).body.tasks.find(
      (r: { code: string }) => r.code === 'B-3',
    );
    const names = b3.departments.map((d: { name: string }) => d.name);
    expect(names).toContain('区林业和海洋局');
    expect(names).not.toContain('区林海局');
    const listed = (await http().get('/plans/lianyun-2022-2025/departments').set(office).expect(200)).body;
    expect(listed.find((d: { name: string }) => d.name === '区林业和海洋局')).toMatchObject({
      canonical: true,
      aliases: expect.arrayContaining(['区林海局']),
    });
    const admin = await as.admin();
    const created = await http()
      .post('/users')
      .set(admin)
      .send({ username: 'lin.hai', displayName: '林海', role: 'department', department: '区林海局' })
      .expect(201);
    expect(created.body.department).toBe('区林业和海洋局');
  });

  it('given every deadline passed, both read 逾期未签收 and 已逾期 for the same items', async () => {
    clock.set('2026-01-05T09:00:00+08:00');
    // The access token of March 2023 has long expired: log in again.
    office = { Authorization: `Bearer ${(await as.login('office')).accessToken}` };
    const { task, board } = await labels();
    expect(task).toEqual(board);
    expect(new Set(Object.values(task.departments))).toEqual(new Set(['逾期未签收']));
    expect(new Set(Object.values(task.milestones))).toEqual(new Set(['已逾期']));
  });
});
