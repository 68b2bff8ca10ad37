/**
 * The client generated from the document (apps/web/src/api/schema.d.ts, `npm run web:client`)
 * drives the main workflow against the real api over a socket: login, 交办, 签收, a milestone
 * completed with 佐证材料, 会签, 办结, the board and 我的待办. `npm run typecheck` compiles this
 * file, so a request body or answer that no longer matches the document fails the build; the
 * `@ts-expect-error` lines fail it too if the document ever stops refusing a wrong field.
 */
import { loadLianyunPlan } from '@zw/plan';
import createClient, { type Client } from 'openapi-fetch';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { components, paths } from '../../apps/web/src/api/schema';
import { signIn, TEST_PASSWORD } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

type Api = Client<paths>;
type Session = components['schemas']['Session'];
const LEAD = '连云生态环境局';
const COOPERATING = '区城管局';

describe('a client generated from the OpenAPI document, against the real api', () => {
  let t: TestApp;
  let base: string;
  const as = (session: Session): Api =>
    createClient<paths>({ baseUrl: base, headers: { Authorization: `Bearer ${session.accessToken}` } });

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('runs C-5 from 交办 to 办结 with typed requests and answers', async () => {
    // Accounts are made as production makes them (bootstrap admin, POST /users, first password change).
    const accounts = signIn(t.app);
    const office = await accounts.office();
    await Promise.all([accounts.dept(LEAD), accounts.dept(COOPERATING)]);
    await request(t.app.getHttpServer()).post('/plans').set(office).send(loadLianyunPlan()).expect(201);

    const anonymous = createClient<paths>({ baseUrl: base });
    const login = async (username: string): Promise<Session> => {
      const { data, error } = await anonymous.POST('/auth/login', { body: { username, password: TEST_PASSWORD } });
      if (!data) throw new Error(JSON.stringify(error));
      expect(data.user.mustChangePassword).toBe(false);
      return data;
    };
    const [byOffice, byLead, byCooperating] = await Promise.all(
      ['office', accounts.username(LEAD), accounts.username(COOPERATING)].map(login),
    );
    const officeApi = as(byOffice!);
    const lead = as(byLead!);
    const cooperating = as(byCooperating!);
    const task = { params: { path: { code: 'C-5' } } } as const;

    const before = await officeApi.GET('/tasks/{code}', task);
    expect(before.data?.status).toBe('unassigned');
    if (before.data?.status === 'unassigned') expect(before.data.lead).toEqual([LEAD]);

    const assigned = await officeApi.POST('/tasks/{code}/assignment', {
      ...task,
      body: {
        lead: [LEAD],
        cooperating: [COOPERATING],
        dueDate: '2024-12-31',
        milestones: [{ title: '完成任务', dueDate: '2024-12-31', owner: LEAD }],
      },
    });
    expect(assigned.data).toMatchObject({ status: 'assigned', statusLabel: '待签收', events: ['TaskAssigned'] });

    for (const api of [cooperating, lead])
      expect((await api.POST('/tasks/{code}/acknowledgements', task)).response.status).toBe(201);

    const view = (await lead.GET('/tasks/{code}', task)).data;
    if (view?.status === 'unassigned' || !view) throw new Error('C-5 should be assigned');
    const milestoneId = view.milestones[0]!.milestoneId;
    const completed = await lead.POST('/tasks/{code}/milestones/{milestoneId}/completion', {
      params: { path: { code: 'C-5', milestoneId } },
      body: { evidence: [{ title: '验收报告', documentRef: '连环发〔2024〕12号' }], note: '已验收' },
    });
    expect(completed.data?.events).toEqual(['MilestoneCompleted']);

    await lead.POST('/tasks/{code}/sign-off-request', { ...task, body: {} });
    const signed = await cooperating.POST('/tasks/{code}/sign-offs', { ...task, body: { note: '同意' } });
    expect(signed.data?.statusLabel).toBe('待办结');
    const accepted = await officeApi.POST('/tasks/{code}/acceptance', { ...task, body: { note: '办结' } });
    expect(accepted.data).toMatchObject({ status: 'accepted', statusLabel: '已办结' });

    const board = (await officeApi.GET('/board', {})).data!;
    const line = board.tasks.find((row) => row.code === 'C-5')!;
    expect({ status: line.status, colour: line.light.colour }).toEqual({ status: 'accepted', colour: 'green' });
    expect(line.milestones.map((m) => m.done)).toEqual([true]);

    const todo = (await lead.GET('/me/todo', {})).data!;
    expect(todo.items.filter((item) => item.code === 'C-5')).toEqual([]);
    const cooperatingTodo = (await cooperating.GET('/me/todo', {})).data!;
    expect(cooperatingTodo.planId).toBe(board.planId);
  });
});

/** Never called: what the generated types refuse. Unused `@ts-expect-error` fails typecheck. */
export function refusedByTheDocument(api: Api): void {
  void api.POST('/tasks/{code}/assignment', {
    params: { path: { code: 'C-5' } },
    // @ts-expect-error a milestone is an object with title, dueDate and owner, not a string
    body: { lead: ['x'], milestones: ['2024年度目标'] },
  });
  void api.POST('/tasks/{code}/milestones/{milestoneId}/completion', {
    params: { path: { code: 'C-5', milestoneId: 'y2024' } },
    // @ts-expect-error the 佐证材料 field is `evidence`, there is no `attachments`
    body: { attachments: [] },
  });
  // @ts-expect-error no such route in the document
  void api.GET('/tasks/{code}/history', { params: { path: { code: 'C-5' } } });
}
