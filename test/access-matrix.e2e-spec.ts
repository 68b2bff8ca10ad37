/**
 * Every route × every caller → the status the policy table predicts. Routes are read from the
 * running app (controllers' metadata), so a route added later is in the matrix by itself, and
 * one without @Policy fails the first test. Callers: no token, office, leader, admin, the
 * department leading C-5 (own) and a department with no part in it (other). Path parameters
 * name real things: task C-5 (assigned to 连云生态环境局 + 区城管局), the department 连云生态环境局.
 * Allowed → neither 401 nor the gate's 403 (AUTH.*; the domain may still say 403/409 after
 * the gate, e.g. a lead signing off its own task); refused → 401/403 with nothing appended.
 */
import { authorize, isPolicyName, POLICIES, type Principal, type Resource } from '@zw/auth';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { signIn, type AuthHeaders } from './support/sign-in';
import { routesOf, type Route } from './support/routes';
import { createTestApp, type TestApp } from './support/test-app';

const PLAN = 'lianyun-2022-2025';
const OWN = '连云生态环境局';
const OTHER = '区教育局';
const C5_DEPARTMENTS = [OWN, '区城管局'];
const TARGET_USER = 'matrix.target';
/** Plausible values of path parameters; anything unknown gets 'x' (a 404 is still past the gate). */
const PARAMS: Record<string, string> = {
  code: 'C-5',
  department: OWN,
  planId: PLAN,
  milestoneId: 'y2024',
  extensionId: 'x',
  list: 'tasks',
  username: TARGET_USER,
  indicatorId: '1',
  projectId: '1',
};

const GATE_CODES = /^(AUTH\.|\w+\.OFFICE_ONLY$|\w+\.DEPARTMENT_ONLY$|TASK\.DEPARTMENT_NOT_ASSIGNED$)/;

describe('access matrix: every route × every role, from the policy table', () => {
  let t: TestApp;
  let store: EventStore;
  let routes: Route[];
  const callers: Array<{ name: string; principal?: Principal; headers: AuthHeaders | Record<string, never> }> = [];
  const http = () => request(t.app.getHttpServer());
  const head = async () => (await store.readAll(undefined, 1_000_000)).at(-1)?.position;

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00' });
    store = t.app.get(EVENT_STORE);
    const as = signIn(t.app);
    await http()
      .post('/plans')
      .set(await as.office())
      .send(loadLianyunPlan())
      .expect(201);
    await http()
      .post('/tasks/C-5/assignment')
      .set(await as.office())
      .send({})
      .expect(201);
    await as.as(TARGET_USER, 'office');
    callers.push(
      { name: 'anonymous', headers: {} },
      { name: 'other department', principal: { role: 'department', department: OTHER }, headers: await as.dept(OTHER) },
      { name: 'admin', principal: { role: 'admin' }, headers: await as.admin() },
      { name: 'leader', principal: { role: 'leader' }, headers: await as.leader() },
      { name: 'own department', principal: { role: 'department', department: OWN }, headers: await as.dept(OWN) },
      { name: 'office', principal: { role: 'office' }, headers: await as.office() },
    );
    routes = routesOf(t);
  }, 60_000);
  afterAll(() => t.close());

  it('finds the routes of the app, and every one names a policy of the table', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /tasks/:code/acknowledgements', 'GET /tasks', 'POST /auth/login', 'POST /users']),
    );
    expect(routes.filter((r) => !isPolicyName(r.policy)).map((r) => `${r.method} ${r.path} (${r.handler})`)).toEqual(
      [],
    );
  });

  it('answers each caller as the policy table says, and a refusal appends nothing', async () => {
    const mismatches: string[] = [];
    for (const route of routes.filter((r) => isPolicyName(r.policy))) {
      const policy = POLICIES[route.policy as keyof typeof POLICIES];
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(PARAMS[name] ?? 'x'));
      const resource: Resource | undefined = route.params.includes('department')
        ? { departments: [OWN] }
        : route.params.includes('code')
          ? { departments: C5_DEPARTMENTS }
          : undefined;
      for (const caller of callers) {
        const allowed = authorize(policy, caller.principal, resource) === 'allow';
        const before = await head();
        const verb = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
        const agent = http();
        const res = await agent[verb](path)
          .set(caller.headers)
          .send(verb === 'get' ? undefined : {});
        // The gate answers a command route's refusal with the domain's code (apps/api/src/auth/access/refusals.ts).
        const gate = res.status === 401 || (res.status === 403 && GATE_CODES.test(String(res.body?.code)));
        const cell = `${route.method} ${route.path} as ${caller.name}: ${res.status} ${res.body?.code ?? ''}`;
        if (allowed && (gate || res.status === 500)) mismatches.push(`${cell}, expected to pass the gate`);
        if (!allowed) {
          const expected = caller.principal ? 403 : 401;
          if (res.status !== expected) mismatches.push(`${cell}, expected ${expected}`);
          if ((await head()) !== before) mismatches.push(`${cell}: refused but appended`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
