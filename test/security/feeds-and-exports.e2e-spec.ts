/**
 * Calendar feeds as revocable capabilities, and exports that always open (issue 15): keys are
 * random and shown once, several per department, each revoked alone by the office or the
 * department; a disabled issuer or department closes its feeds; the iCal output parses as
 * RFC 5545 (ical.js) with a UTC DTSTAMP and floating all-day dates; text a user typed with
 * control characters or U+FFFE reaches neither the .ics nor any .xlsx.
 */
import ICAL from 'ical.js';
import { Workbook } from 'exceljs';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { inflateEntry, readCentralDirectory } from '../../libs/plan/src/xlsx/xlsx-archive';
import { signIn, type AuthHeaders, type SignIn } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

const ECO = '连云生态环境局';
const URBAN = '区城管局';
const HOSTILE = '\u0001\u0007\u001b\uFFFE\uFFFF';
/** Outside XML 1.0 (raw or as a character reference). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#x?(0*[0-8bcef]|0*1[0-9a-f]|fff[ef]|6553[45]);/i;

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Every XML part of an .xlsx, inflated by our own reader. */
function xmlParts(xlsx: Buffer): Array<[string, string]> {
  return readCentralDirectory(xlsx, 1000)
    .filter((e) => e.name.endsWith('.xml') || e.name.endsWith('.rels'))
    .map((e) => [e.name, inflateEntry(xlsx, e).toString('utf8')]);
}

describe('security: calendar feeds are revocable capabilities; exports always open', () => {
  let t: TestApp;
  let as: SignIn;
  let office: AuthHeaders;
  let eco: AuthHeaders;
  const http = () => request(t.app.getHttpServer());
  const feeds = (department: string) => `/departments/${encodeURIComponent(department)}/calendar-feeds`;
  const issue = async (department: string, who: AuthHeaders) =>
    (await http().post(feeds(department)).set(who).expect(201)).body as { feedId: string; path: string; url: string };

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2024-01-02T09:00:00+08:00' });
    as = signIn(t.app);
    office = await as.office();
    eco = await as.dept(ECO);
    const plan = loadLianyunPlan();
    const hostilePlan = {
      ...plan,
      tasks: plan.tasks.map((task) => (task.code === 'C-5' ? { ...task, text: `${task.text}${HOSTILE}` } : task)),
      indicators: plan.indicators.map((i, n) => (n === 0 ? { ...i, level3: `${i.level3}${HOSTILE}` } : i)),
    };
    await http().post('/plans').set(office).send(hostilePlan).expect(201);
    await http()
      .post('/tasks/C-5/assignment')
      .set(office)
      .send({ milestones: [{ title: `验收${HOSTILE}完成`, dueDate: '2024-06-30', owner: ECO }] })
      .expect(201);
  }, 120_000);
  afterAll(() => t.close());

  it('issues several feeds per department, lists them without keys, and revokes each alone', async () => {
    const phone = await issue(ECO, eco);
    const outlook = await issue(ECO, office);
    expect(phone.path).toMatch(/^\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(phone.path).not.toBe(outlook.path);
    await http().get(phone.path).expect(200);
    await http().get(outlook.path).expect(200);
    const list = (
      await http()
        .get(feeds(ECO))
        .set(await as.leader())
        .expect(200)
    ).body as Array<{ feedId: string }>;
    expect(list.map((f) => f.feedId)).toEqual(expect.arrayContaining([phone.feedId, outlook.feedId]));
    expect(JSON.stringify(list)).not.toContain(phone.path.slice(16, 59));
    await http()
      .delete(`${feeds(ECO)}/${phone.feedId}`)
      .set(office)
      .expect(204);
    const gone = await http().get(phone.path).expect(404);
    expect(gone.body).toMatchObject({ code: 'CALENDAR_FEED.NOT_FOUND' });
    await http().get(outlook.path).expect(200);
    await http()
      .delete(`${feeds(ECO)}/${outlook.feedId}`)
      .set(eco)
      .expect(204);
    await http().get(outlook.path).expect(404);
  });

  it('lets neither another department nor a leader issue or revoke; a feed id of another department is 404', async () => {
    const feed = await issue(ECO, eco);
    await http()
      .post(feeds(ECO))
      .set(await as.dept(URBAN))
      .expect(403);
    await http()
      .post(feeds(ECO))
      .set(await as.leader())
      .expect(403);
    await http()
      .delete(`${feeds(ECO)}/${feed.feedId}`)
      .set(await as.dept(URBAN))
      .expect(403);
    await http()
      .delete(`${feeds(URBAN)}/${feed.feedId}`)
      .set(office)
      .expect(404);
    await http().get(feed.path).expect(200);
  });

  it('answers unknown, malformed and non-ASCII keys with the same 404, never 500', async () => {
    for (const key of ['A'.repeat(43), 'short', '签'.repeat(43), `${'A'.repeat(43)}.x`]) {
      const res = await http().get(`/calendar/feeds/${encodeURIComponent(key)}.ics`);
      expect({ key, status: res.status }).toEqual({ key, status: 404 });
    }
  });

  it('closes the feeds of a disabled issuer, and those of a department whose accounts are all disabled', async () => {
    const admin = await as.admin();
    await as.as('feed.clerk', 'department', ECO);
    const own = await issue(ECO, await as.as('feed.clerk', 'department', ECO));
    await http().get(own.path).expect(200);
    await http().post('/users/feed.clerk/disable').set(admin).send({ reason: '调离岗位' }).expect(200);
    await http().get(own.path).expect(404);

    const urban = await issue(URBAN, office);
    await http().get(urban.path).expect(200);
    await http()
      .post(`/users/${as.username(URBAN)}/disable`)
      .set(admin)
      .send({ reason: '单位撤并' })
      .expect(200);
    await http().get(urban.path).expect(404);
    const listed = (await http().get(feeds(URBAN)).set(office).expect(200)).body as Array<{ statusLabel: string }>;
    expect(listed.map((f) => f.statusLabel)).toEqual(['已失效']);
  });

  it('serves iCal that parses as RFC 5545: UTC DTSTAMP, floating all-day dates, no control characters', async () => {
    const feed = await issue(ECO, eco);
    const res = await http().get(feed.path).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    // eslint-disable-next-line no-control-regex
    expect(res.text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F\uFFFE\uFFFF]/);
    expect(res.text).not.toMatch(/TIMEZONE-ID|X-WR-TIMEZONE/);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    for (const vevent of events) {
      const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp.zone?.tzid).toBe('UTC');
      const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(start.isDate).toBe(true);
      expect(vevent.getFirstPropertyValue('uid')).toMatch(/@zero-waste-city$/);
    }
    const summaries = events.map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries).toEqual(expect.arrayContaining([expect.stringContaining('验收完成')]));
  });

  it.each([
    ['/board.xlsx', '任务台账'],
    ['/accountability/ranking.xlsx', '考核排名'],
    ['/indicators.xlsx', '目标清单'],
  ])('%s holds only XML-valid text and opens in exceljs', async (path, sheetName) => {
    const res = await http().get(path).set(office).buffer(true).parse(binary).expect(200);
    const xlsx = res.body as Buffer;
    for (const [part, xml] of xmlParts(xlsx))
      expect({ part, invalid: NOT_XML.exec(xml)?.[0] }).toEqual({ part, invalid: undefined });
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets[0]!.name).toBe(sheetName);
  });
});
