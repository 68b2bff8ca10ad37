/**
 * The access matrix across districts: every route of the app (read from the controllers, as in
 * access-matrix.e2e-spec.ts) × the seven callers the districts issue names — A's department,
 * B's department of the same name (区城管局 in both plans), A's office, B's office, A's leader,
 * the city's leader, admin of A — each request about district A (A's plan, A's task C-5 where
 * 区城管局 cooperates, A's organisation, an account of A). The expected status comes from the
 * policy table and the pure scope rule: the role's policy refuses → 403; the route's district is
 * outside the caller's reach → 404 (as if it did not exist); an `own-department` route about
 * another department's work → 403; else the gate lets it through. Every refusal appends nothing.
 */
import { authorize, inScope, isPolicyName, POLICIES, type Principal, type Resource } from '@zw/auth';
import type { OrganisationTree } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import request from 'supertest';
import { OrganisationAccess } from '../apps/api/src/organisations/organisation-access';
import type { AuthHeaders } from './support/sign-in';
import { routesOf, type Route } from './support/routes';
import { createTestApp, type TestApp } from './support/test-app';
import { A, B, CITY, PLAN_A, SAME_NAME, twoDistricts } from './support/two-districts';

const TARGET_USER = 'matrix.target';
const C5_DEPARTMENTS = ['连云生态环境局', SAME_NAME];
const PARAMS: Record<string, string> = {
  code: 'C-5',
  department: SAME_NAME,
  planId: PLAN_A,
  organisationId: A,
  milestoneId: 'y2024',
  extensionId: 'x',
  list: 'tasks',
  username: TARGET_USER,
  indicatorId: '1',
  projectId: '1',
};
/** Routes about one plan (the gate resolves it first): they are asked about A's plan by `?plan=`. */
const ABOUT_A_PLAN = /^(task|view|indicator|project|calendar-feed|me)\.|^plan\.read$/;

type Expected = 'public' | 'pass' | 403 | 404;

interface Caller {
  name: string;
  principal: Principal & { organisationId: string };
  headers: AuthHeaders;
}

describe('access matrix across districts: every route × seven callers, about district A', () => {
  let t: TestApp;
  let store: EventStore;
  let tree: OrganisationTree;
  let routes: Route[];
  let callers: Caller[];
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00' });
    store = t.app.get(EVENT_STORE);
    const w = await twoDistricts(t);
    await http().post(`/tasks/C-5/assignment?plan=${PLAN_A}`).set(w.officeA).send({}).expect(201);
    await w.account(w.adminA, TARGET_USER, 'office', A);
    const dept = (organisationId: string) => ({ role: 'department' as const, department: SAME_NAME, organisationId });
    callers = [
      { name: "A's department", principal: dept(A), headers: w.deptA },
      { name: "B's department of the same name", principal: dept(B), headers: w.deptB },
      { name: "A's office", principal: { role: 'office', organisationId: A }, headers: w.officeA },
      { name: "B's office", principal: { role: 'office', organisationId: B }, headers: w.officeB },
      { name: "A's leader", principal: { role: 'leader', organisationId: A }, headers: w.leaderA },
      { name: "the city's leader", principal: { role: 'leader', organisationId: CITY }, headers: w.leaderCity },
      { name: 'admin of A', principal: { role: 'admin', organisationId: A }, headers: w.adminA },
    ];
    tree = await t.app.get(OrganisationAccess).tree();
    routes = routesOf(t).filter((r) => isPolicyName(r.policy));
  }, 180_000);
  afterAll(() => t.close());

  function expected(route: Route, caller: Caller): Expected {
    const name = route.policy as keyof typeof POLICIES;
    const policy = POLICIES[name];
    if (policy.scope === 'none') return 'public';
    if (authorize(policy, caller.principal) === 'deny') return 403;
    const aboutA =
      route.params.includes('organisationId') ||
      route.params.includes('planId') ||
      route.params.includes('username') ||
      ABOUT_A_PLAN.test(name);
    if (aboutA && !inScope(tree, caller.principal, A)) return 404;
    const resource: Resource | undefined = route.params.includes('department')
      ? { departments: [SAME_NAME] }
      : route.params.includes('code')
        ? { departments: C5_DEPARTMENTS }
        : undefined;
    if (resource && authorize(policy, caller.principal, resource) === 'deny') return 403;
    return 'pass';
  }

  it('covers the routes of the app, including the organisation routes and the city overview', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /tasks/:code/acknowledgements',
        'GET /organisations/:organisationId/overview',
        'PUT /organisations/:organisationId/name',
        'POST /users',
      ]),
    );
  });

  it('answers each caller with the expected status, and a refusal appends nothing', async () => {
    const mismatches: string[] = [];
    const counts: Record<string, number> = {};
    let cursor = (await store.readAll(undefined, 1_000_000)).at(-1)?.position;
    const appendedSince = async () => {
      const events = await store.readAll(cursor, 1_000_000);
      if (events.length > 0) cursor = events.at(-1)!.position;
      return events.length;
    };
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(PARAMS[p] ?? 'x'));
      const query = ABOUT_A_PLAN.test(route.policy as string) ? `?plan=${PLAN_A}` : '';
      for (const caller of callers) {
        const want = expected(route, caller);
        counts[String(want)] = (counts[String(want)] ?? 0) + 1;
        await appendedSince();
        const verb = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
        const agent = http();
        const res = await agent[verb](`${path}${query}`)
          .set(caller.headers)
          .send(verb === 'get' ? undefined : {});
        const code = String(res.body?.code ?? '');
        const cell = `${route.method} ${route.path} as ${caller.name}: ${res.status} ${code}`;
        const scope404 =
          res.status === 404 &&
          (code === 'ORGANISATION.NOT_FOUND' ||
            code === 'USER.NOT_FOUND' ||
            String(res.body?.message ?? '').includes(`计划“${PLAN_A}”`));
        if (want === 'pass' || want === 'public') {
          const gate = res.status === 401 || (res.status === 403 && code.startsWith('AUTH.'));
          if (gate || scope404 || res.status >= 500) mismatches.push(`${cell}, expected to pass the gate`);
          continue;
        }
        if (res.status !== want) mismatches.push(`${cell}, expected ${want}`);
        if (want === 404 && !scope404)
          mismatches.push(`${cell}, expected the answer for something that does not exist`);
        if ((await appendedSince()) > 0) mismatches.push(`${cell}: refused but appended`);
      }
    }
    expect(mismatches).toEqual([]);
    // Each kind of answer occurs: the matrix is not vacuous.
    expect(counts).toEqual(
      expect.objectContaining({ pass: expect.any(Number), 403: expect.any(Number), 404: expect.any(Number) }),
    );
    expect(counts['404']).toBeGreaterThan(50);
  }, 600_000);
});
