import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import fc from 'fast-check';
import request from 'supertest';
import { signIn, type AuthHeaders } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const CODES = ['A-6', 'C-5', 'Z-9', '../x', 'A-6%00'];
const ROUTES: Array<[method: 'post' | 'delete', path: (code: string) => string]> = [
  ['post', () => '/tasks'],
  ['post', (c) => `/tasks/${c}/assignment`],
  ['post', (c) => `/tasks/${c}/reassignment`],
  ['post', (c) => `/tasks/${c}/cancellation`],
  ['post', (c) => `/tasks/${c}/acknowledgements`],
  ['post', (c) => `/tasks/${c}/progress-reports`],
  ['post', (c) => `/tasks/${c}/periodic-reports`],
  ['post', (c) => `/tasks/${c}/milestones`],
  ['delete', (c) => `/tasks/${c}/milestones/y2023`],
  ['post', (c) => `/tasks/${c}/milestones/y2023/completion`],
  ['post', (c) => `/tasks/${c}/milestones/y2023/reopening`],
  ['post', (c) => `/tasks/${c}/sign-off-request`],
  ['post', (c) => `/tasks/${c}/sign-offs`],
  ['post', (c) => `/tasks/${c}/objections`],
  ['post', (c) => `/tasks/${c}/acceptance`],
  ['post', (c) => `/tasks/${c}/return`],
  ['post', (c) => `/tasks/${c}/extensions`],
  ['post', (c) => `/tasks/${c}/extensions/x-1/approval`],
  ['post', (c) => `/tasks/${c}/extensions/x-1/rejection`],
];

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constant('长'.repeat(5000)), fc.constant(''));
const date = fc.oneof(
  fc.constantFrom('2023-12-31', '2023-02-30', '2022-01-01', '2030-13-01', 'tomorrow'),
  fc.string({ maxLength: 12 }),
);
const names = fc.constantFrom('连云生态环境局', '区经发局', '区林海局', '区农林水利局', '相关职责部门', '', 'x');
/** Bodies that look like commands often enough to pass the DTOs and reach the domain. */
const body = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.string({ maxLength: 40 }),
  fc.record(
    {
      percent: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.double(), fc.string()),
      text,
      reason: text,
      note: text,
      period: fc.constantFrom('2023-Q1', '2023-Q5', '2023', 'Q1'),
      newDueDate: date,
      dueDate: date,
      acknowledgeBy: date,
      milestoneId: fc.constantFrom('y2023', 'nope', ''),
      lead: fc.array(names, { maxLength: 3 }),
      cooperating: fc.array(names, { maxLength: 3 }),
      evidence: fc.array(
        fc.record(
          {
            title: text,
            url: fc.constantFrom('https://a.cn/x', 'ftp://a', 'javascript:x', 'not a url'),
            documentRef: text,
            sha256: fc.string({ maxLength: 64 }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      milestone: fc.record({ title: text, dueDate: date, owner: names }, { requiredKeys: [] }),
      code: fc.constantFrom('A-99', 'a-1', 'A-6'),
      system: fc.constantFrom('制度体系建设', '无'),
      area: text,
      window: fc.constantFrom('2023', '2025-2023', '明年', '持续开展'),
    },
    { requiredKeys: [] },
  ),
);
const printable = fc.stringMatching(/^[\x21-\x7e]{0,24}$/);
/** Real sessions of every role, plus tokens that prove nothing (made once the app has started). */
const headersOf = (actors: Array<AuthHeaders | Record<string, string>>) =>
  fc.record(
    {
      actor: fc.constantFrom(...actors),
      ifMatch: fc.option(fc.oneof(printable, fc.constantFrom('"0"', '"1"', '*', 'W/"2"'))),
      key: fc.option(printable),
    },
    { requiredKeys: ['actor'] },
  );

describe('property: random bodies and headers on every command route', () => {
  let t: TestApp;
  let store: EventStore;
  let headers: ReturnType<typeof headersOf>;
  let office: AuthHeaders;
  const head = async () => (await store.readAll(0n, 1_000_000)).length;
  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00' });
    store = t.app.get(EVENT_STORE);
    const as = signIn(t.app);
    office = await as.office();
    const real = await Promise.all([
      as.dept('连云生态环境局'),
      as.dept('区经发局'),
      as.dept('区城管局'),
      as.leader(),
      as.admin(),
    ]);
    const forged = `${office.Authorization.slice(0, -4)}AAAA`;
    headers = headersOf([
      office,
      ...real,
      { Authorization: forged },
      { Authorization: 'Bearer x.y.z' },
      { Authorization: 'Basic dTpw' },
      {},
    ]);
    await request(t.app.getHttpServer()).post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    await request(t.app.getHttpServer()).post('/tasks/A-6/assignment').set(office).send({}).expect(201);
  });
  afterAll(() => t.close());

  it('never answers 5xx, and a rejected request appends nothing', async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.constantFrom(...CODES),
        body,
        headers,
        async ([method, path], code, b, h) => {
          const before = await head();
          const server = request(t.app.getHttpServer());
          let req = server[method](path(code)).set(h.actor as Record<string, string>);
          if (h.ifMatch) req = req.set('If-Match', h.ifMatch);
          if (h.key) req = req.set('Idempotency-Key', h.key);
          const res = await req.send(b as object);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            rejected++;
            expect(await head()).toBe(before);
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(rejected).toBeGreaterThan(1000);
  }, 240_000);
});
