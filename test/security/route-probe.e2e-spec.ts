/**
 * Our own outside probe (issue 15): every route of the running app (read from its controllers,
 * so a new route is probed by itself) × forged and real callers × hostile bodies, path
 * parameters and query strings. The floor: no 5xx, no stack, no internal id or adapter name in
 * any answer, and a refused call appends nothing.
 */
import { userStreamId } from '@zw/auth';
import { indicatorStreamId, projectStreamId, taskStreamId } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan, planStreamId } from '@zw/plan';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { routesOf, type Route } from '../support/routes';
import { signIn, type AuthHeaders } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

const OWN = '连云生态环境局';
const PARAMS: Record<string, string> = {
  code: 'C-5',
  department: OWN,
  planId: 'lianyun-2022-2025',
  milestoneId: 'y2024',
  extensionId: 'x',
  list: 'tasks',
  username: 'probe.target',
  indicatorId: '1',
  projectId: '1',
  feedId: 'x',
  key: 'A'.repeat(43),
  reportId: 'x',
  jobId: 'x',
};
const HOSTILE_PARAMS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  'A-99999999999999999999',
  '签'.repeat(300),
  'x'.repeat(3000),
  '%E0%A4%A',
];
const HOSTILE_QUERIES = [
  'asOf=9999-12-31',
  'asOf=2024-02-30',
  'plan=a&plan=b',
  'plan=..%2Fx',
  'plan[$ne]=1',
  'minPosition=999999999999999999999',
  'department[]=x',
  'from=x&to=y',
  'stream=a&stream=b',
  'sheet=a&sheet=b',
  `x=${'y'.repeat(5000)}`,
];
const safeDecode = (path: string) => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** Bodies as raw strings with their content type: JSON of every odd shape, and not JSON at all. */
const HOSTILE_BODIES: Array<[string, string]> = [
  ['application/json', '{}'],
  ['application/json', `{"a":${nested(3000)}}`],
  ['application/json', '{"value":9007199254740993,"percent":1e308}'],
  ['application/json', '[]'],
  ['application/json', '"text"'],
  ['application/json', 'null'],
  ['application/json', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'],
  ['application/json', '{"a":'],
  ['application/json', `{"title":"${'长'.repeat(200_000)}","note":"\\u0000\\ufffe"}`],
  [
    'application/json',
    '{"percent":-1,"value":"NaN","dueDate":"2024-13-45","milestones":"x","evidence":[1],"departments":{"a":1},"lead":[null]}',
  ],
  ['text/plain', 'hello'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK\u0003\u0004garbage'],
];
/** Bodies that pass the DTOs of the department's routes, so the domain's own refusals are probed too. */
const PLAUSIBLE_BODIES: Array<[string, string]> = [
  { period: '2023', value: 1, source: '统计年报', evidence: [{ title: '年报', documentRef: '统〔2024〕1号' }] },
  { phase: 'construction', investmentCompleted: 1 },
  { text: '进展', percent: 50 },
  { reason: '理由' },
  { departments: ['区教育局'], reason: '理由' },
  { note: '备注' },
  // Accepted by a DTO, refused (or not) by what follows it: unknown departments, tasks and dates, odd evidence.
  { evidence: [{ title: '材料' }] },
  { evidence: [{ title: '材料', documentRef: '文号' }], note: '' },
  { lead: ['不存在的局'], cooperating: [] },
  { lead: ['区教育局'], milestones: [{ title: '节点', dueDate: '2099-12-31', owner: '区城管局' }] },
  { reason: '理由', newDueDate: '2099-12-31', milestoneId: 'nope' },
  { reason: '理由', lead: ['区教育局'], cooperating: ['区教育局'], acknowledgeBy: '2020-01-01' },
  { reason: '理由', milestone: { title: '节点', dueDate: '2020-01-01', owner: '区教育局' } },
  { code: 'A-99', text: '任务', system: '制度体系建设', area: '领域', window: '2099', lead: ['区教育局'] },
  { text: '进展', period: '2099-Q1' },
  { tasks: ['A-1', 'Z-999'], reason: '理由' },
  { username: 'probe.new', displayName: '探测', role: 'department', department: '不存在的局' },
  { currentPassword: 'x', newPassword: 'Short1' },
  { username: 'nobody', password: 'x' },
  { refreshToken: 'nobody.x' },
].map((body) => ['application/json', JSON.stringify(body)]);
/** The plan's departments but the office: a department's error answer names none but its own (and what it typed). */
const DEPARTMENTS = loadLianyunPlan()
  .departments.map((d) => d.name)
  .filter((name) => name !== '无废办');
/** The stream ids of what the probe addresses, built as the store names them. */
const STREAM_IDS = [
  taskStreamId(PARAMS['planId']!, 'C-5'),
  indicatorStreamId(PARAMS['planId']!, '1'),
  projectStreamId(PARAMS['planId']!, '1'),
  planStreamId(PARAMS['planId']!),
  userStreamId('probe.target'),
  userStreamId('office'),
];
/** What no answer may carry: stacks, internal stream ids, session ids, adapter and library names. */
const LEAK =
  /\n\s+at |node_modules|task-lianyun|plan-lianyun|indicator-lianyun|user-[a-z]|familyId|sqlite|kurrent|better-sqlite|EVENT_STORE|calendar-feeds"/i;

describe('security: a probe of every route answers no 5xx and leaks nothing', () => {
  let t: TestApp;
  let store: EventStore;
  let routes: Route[];
  const callers: Array<{ name: string; headers: AuthHeaders | Record<string, never>; department?: string }> = [];
  /** Departments of the task the probe assigned (C-5): its lead and cooperating units may read each other's names. */
  let c5: string[] = [];
  let violations: string[] = [];
  let requests = 0;
  const http = () => request(t.app.getHttpServer());
  const head = async () => (await store.readAll(undefined, 1_000_000)).at(-1)?.position;

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2024-03-01T09:00:00+08:00' });
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
    await as.as('probe.target', 'office');
    const forged = sign({ sub: 'office', sid: 'x', role: 'office' }, 'not-the-secret-but-long-enough-0123456789', {
      algorithm: 'HS256',
    });
    callers.push(
      { name: 'anonymous', headers: {} },
      { name: 'forged', headers: { Authorization: `Bearer ${forged}` } },
      { name: 'garbage', headers: { Authorization: `Bearer ${'x'.repeat(5000)}` } },
      { name: 'other department', headers: await as.dept('区教育局'), department: '区教育局' },
      { name: 'leader', headers: await as.leader() },
      { name: 'admin', headers: await as.admin() },
      { name: 'own department', headers: await as.dept(OWN), department: OWN },
      { name: 'office', headers: await as.office() },
    );
    routes = routesOf(t);
    const task = (
      await http()
        .get('/tasks/C-5')
        .set(await as.office())
        .expect(200)
    ).text;
    c5 = DEPARTMENTS.filter((name) => task.includes(name));
    expect(c5).toContain(OWN);
  }, 120_000);
  afterAll(() => t.close());
  beforeEach(() => (violations = []));

  async function probe(
    route: Route,
    caller: (typeof callers)[number],
    path: string,
    body?: [string, string],
    refusedMustNotAppend = false,
    headers: Record<string, string> = {},
  ): Promise<void> {
    const before = refusedMustNotAppend ? await head() : undefined;
    const verb = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
    let call = http()[verb](path).set(caller.headers).set(headers);
    if (body) call = call.set('Content-Type', body[0]).send(body[1]);
    const res = await call;
    requests++;
    const cell = `${route.method} ${path.slice(0, 120)} as ${caller.name}${body ? ` with ${body[1].slice(0, 40)}` : ''}`;
    if (res.status >= 500) violations.push(`${cell}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    // Error bodies say what the user may know; a 200 may carry ids the user is shown anyway.
    if (res.status >= 400 && LEAK.test(res.text ?? '')) violations.push(`${cell}: leaks ${LEAK.exec(res.text)![0]}`);
    for (const id of STREAM_IDS)
      if (res.status >= 400 && res.text?.includes(id)) violations.push(`${cell}: leaks the stream id ${id}`);
    if (res.status >= 400 && caller.department) {
      const known = [caller.department, ...(c5.includes(caller.department) ? c5 : [])];
      const typed = safeDecode(path);
      for (const name of DEPARTMENTS)
        if (!known.includes(name) && !typed.includes(name) && res.text?.includes(name))
          violations.push(`${cell}: ${res.status} names another department ${name}`);
    }
    if (refusedMustNotAppend && (res.status === 401 || res.status === 403) && (await head()) !== before)
      violations.push(`${cell}: refused but appended`);
  }

  const pathOf = (route: Route, override?: [string, string]) =>
    route.path.replace(/:(\w+)/g, (_, name: string) =>
      override && override[0] === name ? override[1] : encodeURIComponent(PARAMS[name] ?? 'x'),
    );

  it('every route × every caller, empty bodies', async () => {
    for (const route of routes)
      for (const caller of callers) await probe(route, caller, pathOf(route), undefined, true);
    expect(violations).toEqual([]);
  }, 600_000);

  it('every route taking a body × hostile bodies, as the callers who pass the gate', async () => {
    const insiders = callers.filter((c) => ['office', 'own department', 'admin'].includes(c.name));
    for (const route of routes.filter((r) => r.method !== 'GET'))
      for (const caller of insiders) for (const body of HOSTILE_BODIES) await probe(route, caller, pathOf(route), body);
    expect(violations).toEqual([]);
  }, 600_000);

  it("every route taking a body × bodies its DTOs accept, as every signed-in caller: no 5xx, no department's refusal names another", async () => {
    // The departments first, while C-5 is open; the office last, as its 撤销 closes the task.
    const order = ['own department', 'other department', 'leader', 'admin', 'office'];
    for (const caller of order.map((name) => callers.find((c) => c.name === name)!))
      for (const route of routes.filter((r) => r.method !== 'GET'))
        for (const body of PLAUSIBLE_BODIES) await probe(route, caller, pathOf(route), body);
    expect(violations).toEqual([]);
  }, 600_000);

  it('every route taking a body × a stale If-Match, as the callers who pass the gate: the 409 names no stream', async () => {
    const insiders = callers.filter((c) => ['office', 'own department'].includes(c.name));
    for (const route of routes.filter((r) => r.method !== 'GET'))
      for (const caller of insiders)
        for (const body of PLAUSIBLE_BODIES)
          await probe(route, caller, pathOf(route), body, false, { 'If-Match': '"9999"' });
    expect(violations).toEqual([]);
  }, 600_000);

  it('every path parameter × hostile values, every GET × hostile query strings', async () => {
    const office = callers.find((c) => c.name === 'office')!;
    for (const route of routes)
      for (const param of route.params)
        for (const value of HOSTILE_PARAMS) await probe(route, office, pathOf(route, [param, value]));
    for (const route of routes.filter((r) => r.method === 'GET'))
      for (const query of HOSTILE_QUERIES) await probe(route, office, `${pathOf(route)}?${query}`);
    expect(violations).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
  }, 600_000);
});
