import { ManualClock } from '@zw/clock';
import { loadLianyunPlan } from '@zw/plan';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { BOARD_HEADERS } from '../apps/api/src/views/exports/board.xlsx';
import { RANKING_HEADERS } from '../apps/api/src/views/exports/ranking.xlsx';
import { signIn, type AuthHeaders, type SignIn } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const ECO = '连云生态环境局';
const URBAN = '区城管局';
const evidence = [{ title: '社会源危险废物收集点建设验收报告', url: 'https://example.gov.cn/docs/c5.pdf' }];

/** Minimal RFC 5545 reading: unfold continuation lines, split VEVENTs into property maps. */
function parseIcs(text: string): Array<Record<string, string>> {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line
        .slice(colon + 1)
        .replace(/\\n/g, '\n')
        .replace(/\\([,;\\])/g, '$1');
    }
  }
  return events;
}

async function workbookOf(body: Buffer) {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * The workflow of C-5 over HTTP with a clock that moves through 2024, then every view and
 * export read back: they must show exactly that history, and as it stood on a past day.
 */
describe('views and exports over HTTP (embedded SQLite, ManualClock through 2024)', () => {
  const clock = new ManualClock('2024-01-02T09:00:00+08:00');
  let t: TestApp;
  let as: SignIn;
  const http = () => request(t.app.getHttpServer());
  /** A fresh login: tokens live 15 minutes and the clock jumps days. */
  const now = async (who: 'office' | 'leader' | string): Promise<AuthHeaders> => {
    const username = who === 'office' || who === 'leader' ? who : as.username(who);
    return { Authorization: `Bearer ${(await as.login(username)).accessToken}` };
  };
  const on = (instant: string) => clock.set(instant);

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: 'https://wfb.lianyun.example.gov.cn' }, { clock });
    as = signIn(t.app);
    await Promise.all([as.office(), as.leader(), as.dept(ECO), as.dept(URBAN), as.dept('区教育局')]);
    await http()
      .post('/plans')
      .set(await now('office'))
      .send(loadLianyunPlan())
      .expect(201);

    await http()
      .post('/tasks/C-5/assignment')
      .set(await now('office'))
      .send({})
      .expect(201);
    on('2024-01-03T10:00:00+08:00');
    await http()
      .post('/tasks/C-5/acknowledgements')
      .set(await now(URBAN))
      .expect(201);
    on('2024-01-08T09:00:00+08:00');
    await http()
      .post('/tasks/C-5/acknowledgements')
      .set(await now(ECO))
      .expect(201); // late: due 2024-01-05
    on('2024-06-20T10:00:00+08:00');
    await http()
      .post('/tasks/C-5/progress-reports')
      .set(await now(ECO))
      .send({ percent: 80, text: '已建成收集点3个', difficulties: '', nextSteps: '验收' })
      .expect(201);
    await http()
      .post('/tasks/C-5/milestones/y2024/completion')
      .set(await now(ECO))
      .send({ evidence, note: '已验收' })
      .expect(201);
    await http()
      .post('/tasks/C-5/sign-off-request')
      .set(await now(ECO))
      .send({})
      .expect(201);
    on('2024-06-21T10:00:00+08:00');
    await http()
      .post('/tasks/C-5/sign-offs')
      .set(await now(URBAN))
      .send({ note: '同意' })
      .expect(201);
    on('2024-06-25T10:00:00+08:00');
    const accepted = await http()
      .post('/tasks/C-5/acceptance')
      .set(await now('office'))
      .send({ note: '办结' })
      .expect(201);
    // Read-your-writes: every later read waits for the acceptance's position.
    await http()
      .get('/board')
      .set(await now('office'))
      .set('X-Min-Position', String(accepted.body.position))
      .expect(200);
  });
  afterAll(() => t.close());

  it('board today: C-5 已办结 (绿), the plan’s other tasks 待交办', async () => {
    const { body } = await http()
      .get('/board')
      .set(await now('leader'))
      .expect(200);
    expect(body).toMatchObject({ planId: 'lianyun-2022-2025', asOf: '2024-06-25' });
    expect(body.tasks).toHaveLength(34);
    const c5 = body.tasks.find((x: { code: string }) => x.code === 'C-5');
    expect(c5).toMatchObject({ status: 'accepted', statusLabel: '已办结', light: { colour: 'green', label: '绿' } });
    expect(
      c5.departments.map((d: { name: string; acknowledgementLabel: string }) => [d.name, d.acknowledgementLabel]),
    ).toEqual([
      [ECO, '逾期签收'],
      [URBAN, '已签收'],
    ]);
    expect(body.tasks.filter((x: { statusLabel: string }) => x.statusLabel === '待交办')).toHaveLength(33);
  });

  it('board as of 2024-01-06: C-5 红 because 连云生态环境局 had not acknowledged by 2024-01-05 (set by event 0)', async () => {
    const { body } = await http()
      .get('/board?asOf=2024-01-06&light=red')
      .set(await now('office'))
      .expect(200);
    expect(body.tasks.map((x: { code: string }) => x.code)).toEqual(['C-5']);
    expect(body.tasks[0].light.reasons).toEqual([
      {
        rule: 'acknowledgement_overdue',
        text: `${ECO} 逾期未签收（签收期限 2024-01-05）`,
        events: [expect.objectContaining({ revision: 0, type: 'TaskAssigned' })],
      },
    ]);
    expect(body.tasks[0].currentResponsible).toEqual([
      { party: ECO, action: '签收', dueDate: '2024-01-05', overdue: true },
    ]);
  });

  it('a department sees only the tasks it takes part in, and not another department’s view', async () => {
    const own = await http()
      .get('/board')
      .set(await now(URBAN))
      .expect(200);
    expect(own.body.tasks.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(['C-5']));
    for (const task of own.body.tasks) expect(task.departments.map((d: { name: string }) => d.name)).toContain(URBAN);
    await http()
      .get(`/board?department=${encodeURIComponent(ECO)}`)
      .set(await now(URBAN))
      .expect(403);
    await http()
      .get(`/departments/${encodeURIComponent(ECO)}/accountability`)
      .set(await now(URBAN))
      .expect(403);
    await http()
      .get('/accountability/ranking')
      .set(await now(URBAN))
      .expect(403);
    await http()
      .get(`/calendar?department=${encodeURIComponent(ECO)}`)
      .set(await now(URBAN))
      .expect(403);
  });

  it('department accountability: what 连云生态环境局 led, completed on time, and how long it took to acknowledge', async () => {
    const { body } = await http()
      .get(`/departments/${encodeURIComponent(ECO)}/accountability`)
      .set(await now(ECO))
      .expect(200);
    expect(body.figures).toMatchObject({
      led: 1,
      supported: 0,
      completedOnTime: 2,
      completedLate: 0,
      onTimeRate: 1,
      averageAcknowledgementDays: 6,
      overdueItems: 0,
    });
    const past = await http()
      .get(`/departments/${encodeURIComponent(ECO)}/accountability?asOf=2024-01-06`)
      .set(await now('office'))
      .expect(200);
    expect(past.body.pendingAcknowledgements).toEqual([
      expect.objectContaining({ code: 'C-5', acknowledgeBy: '2024-01-05', ageDays: 4, overdue: true }),
    ]);
    expect(past.body.currentResponsible).toEqual([expect.objectContaining({ code: 'C-5', action: '签收' })]);
    await http()
      .get(`/departments/${encodeURIComponent('不存在的局')}/accountability`)
      .set(await now('office'))
      .expect(404);
  });

  it('ranking as of 2024-01-06 puts 连云生态环境局 (one overdue acknowledgement) last, with the rule; and exports it', async () => {
    const { body } = await http()
      .get('/accountability/ranking?asOf=2024-01-06')
      .set(await now('leader'))
      .expect(200);
    expect(body.rule).toContain('当前逾期事项数');
    const last = body.departments[body.departments.length - 1];
    expect(last).toMatchObject({ department: ECO, figures: { overdueItems: 1 } });
    expect(body.departments[0].rank).toBe(1);
    const xlsx = await http()
      .get('/accountability/ranking.xlsx?asOf=2024-01-06')
      .set(await now('leader'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const sheet = await workbookOf(xlsx.body as Buffer);
    expect(sheet.getRow(1).values).toEqual([undefined, ...RANKING_HEADERS]);
    const rows = sheet.getSheetValues().filter((r) => Array.isArray(r) && r[2] === ECO) as unknown[][];
    expect(rows[0]![5]).toBe(1); // 当前逾期事项
  });

  it('deadline calendar and the subscribable iCal feed of a department', async () => {
    const { body } = await http()
      .get('/calendar?from=2024-01-01&to=2024-12-31')
      .set(await now('office'))
      .expect(200);
    expect(
      body.deadlines.map((d: { date: string; kindLabel: string; departments: string[] }) => [
        d.date,
        d.kindLabel,
        d.departments.join(),
      ]),
    ).toEqual([
      ['2024-01-05', '签收期限', ECO],
      ['2024-01-05', '签收期限', URBAN],
      ['2024-12-31', '任务期限', ECO],
      ['2024-12-31', '里程碑期限', ECO],
    ]);
    const link = await http()
      .post(`/departments/${encodeURIComponent(ECO)}/calendar-feeds`)
      .set(await now(ECO))
      .expect(201);
    expect(link.body.url).toBe(`https://wfb.lianyun.example.gov.cn${link.body.path}`); // PUBLIC_BASE_URL, not the request's host
    expect(link.body.webcal).toMatch(/^webcal:\/\/wfb\.lianyun\.example\.gov\.cn\/calendar\/feeds\//);
    const feed = await http().get(link.body.path).expect(200); // no token: calendar apps cannot log in
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = parseIcs(feed.text);
    expect(events.map((e) => [e['DTSTART;VALUE=DATE'], e.SUMMARY])).toEqual([
      ['20240105', `【签收期限】C-5 签收：${ECO}（已完成）`],
      ['20241231', expect.stringContaining('【任务期限】C-5')],
      ['20241231', expect.stringContaining('【里程碑期限】C-5 里程碑')],
    ]);
    expect(new Set(events.map((e) => e.UID)).size).toBe(3);
    await http()
      .get(link.body.path.replace(/\/([^/]{5})[^/]*\.ics$/, '/$1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.ics'))
      .expect(404);
    await http()
      .post(`/departments/${encodeURIComponent(URBAN)}/calendar-feeds`)
      .set(await now(ECO))
      .expect(403);
  });

  it('audit trail of C-5: who did what, when, old → new, and a verified hash chain', async () => {
    const { body } = await http()
      .get('/tasks/C-5/audit-trail')
      .set(await now('leader'))
      .expect(200);
    expect(body.chain).toMatchObject({ ok: true, result: '校验通过' });
    expect(body.entries.map((e: { action: string }) => e.action)).toEqual([
      '交办任务',
      '签收',
      '签收',
      '报告进度',
      '完成里程碑',
      '提请会签',
      '会签',
      '验收办结',
    ]);
    expect(body.entries[2]).toMatchObject({
      occurredAt: expect.stringMatching(/^2024-01-08T09:/),
      actor: { id: as.username(ECO), role: 'department', department: ECO },
    });
    expect(body.entries[2].changes).toEqual(
      expect.arrayContaining([
        { field: '状态', from: '待签收', to: '办理中' },
        { field: `签收（${ECO}）`, from: '待签收', to: expect.stringMatching(/^逾期签收 2024-01-08/) },
      ]),
    );
    const past = await http()
      .get('/tasks/C-5/audit-trail?asOf=2024-01-03')
      .set(await now('office'))
      .expect(200);
    expect(past.body.entries).toHaveLength(2);
    await http()
      .get('/tasks/Z-99/audit-trail')
      .set(await now('office'))
      .expect(404);
  });

  it('plan overview and the board export show that history', async () => {
    const { body } = await http()
      .get('/overview')
      .set(await now('office'))
      .expect(200);
    expect(body.total).toMatchObject({ total: 34, assigned: 1, accepted: 1, open: 0 });
    expect(body.bySystem.find((s: { system: string }) => s.system === '市场体系建设')).toMatchObject({ accepted: 1 });
    const xlsx = await http()
      .get('/board.xlsx')
      .set(await now('office'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''");
    const sheet = await workbookOf(xlsx.body as Buffer);
    expect(sheet.getRow(1).values).toEqual([undefined, ...BOARD_HEADERS]);
    const c5 = (sheet.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'C-5') as unknown[])!;
    expect([c5[5], c5[6], c5[8], c5[9]]).toEqual([ECO, URBAN, '已办结', '绿']);
  });

  it('a task the office creates beyond the plan’s list shows on GET /tasks and the board, once the write is read', async () => {
    const created = await http()
      .post('/tasks')
      .set(await now('office'))
      .send({
        code: 'A-16',
        text: '建立“无废城市”建设工作月度调度机制',
        system: '制度体系建设',
        area: '保障措施',
        window: '2024',
        lead: [URBAN],
        cooperating: [],
      })
      .expect(201);
    const list = await http()
      .get('/tasks')
      .set(await now('office'))
      .set('X-Min-Position', String(created.body.position))
      .expect(200);
    expect(list.body.map((x: { code: string }) => x.code)).toContain('A-16');
    const board = await http()
      .get('/board?status=assigned')
      .set(await now('office'))
      .set('X-Min-Position', String(created.body.position))
      .expect(200);
    expect(board.body.tasks.map((x: { code: string; title: string }) => [x.code, x.title])).toEqual([
      ['A-16', '建立“无废城市”建设工作月度调度机制'],
    ]);
  });

  it('bad query parameters are refused with the field and the reason', async () => {
    const bad = await http()
      .get('/board?asOf=2024-13-01')
      .set(await now('office'))
      .expect(400);
    expect(bad.body.details).toEqual({ fields: [{ field: 'asOf', reason: '截至日期须为有效日期（YYYY-MM-DD）' }] });
    expect(bad.body.message).toBe('截至日期须为有效日期（YYYY-MM-DD）');
    const light = await http()
      .get('/board?light=purple')
      .set(await now('office'))
      .expect(400);
    expect(light.body.details.fields).toEqual([{ field: 'light', reason: '红绿灯须为以下之一：red、yellow、green' }]);
    await http()
      .get('/board?minPosition=abc')
      .set(await now('office'))
      .expect(400);
    await http()
      .get('/board?unknown=1')
      .set(await now('office'))
      .expect(400);
    const impossible = await http()
      .get('/calendar?from=2024-02-30')
      .set(await now('office'))
      .expect(400);
    expect(impossible.body.details).toEqual({
      fields: [{ field: 'from', reason: '起始日期须为有效日期（YYYY-MM-DD）' }],
    });
    const reversed = await http()
      .get('/calendar?from=2024-12-01&to=2024-01-01')
      .set(await now('office'))
      .expect(400);
    expect(reversed.body.details).toEqual({ fields: [{ field: 'to', reason: '截止日期不能早于起始日期' }] });
    const future = await http()
      .get('/board?asOf=2024-07-01')
      .set(await now('office'))
      .expect(400); // today is 2024-06-25
    expect(future.body.details).toEqual({ fields: [{ field: 'asOf', reason: '截至日期不能晚于今天（北京时间）' }] });
    const role = await http()
      .get('/board?role=lead')
      .set(await now('office'))
      .expect(400);
    expect(role.body.details).toEqual({
      fields: [{ field: 'role', reason: '按角色筛选时须同时指定单位（department）' }],
    });
  });

  it('read-your-writes is bounded: a position the log has not reached answers 503 with the current one', async () => {
    const res = await http()
      .get('/board?minPosition=99999999')
      .set(await now('office'))
      .expect(503);
    expect(res.body).toMatchObject({
      code: 'PROJECTION.BEHIND',
      details: { position: expect.stringMatching(/^\d+$/) },
    });
  }, 15_000);

  it('a department sees only its own line of the overview’s overdue counts, and no audit trail of others’ tasks', async () => {
    const { body } = await http()
      .get('/overview?asOf=2024-01-06')
      .set(await now(URBAN))
      .expect(200);
    expect(body.overdueByDepartment).toEqual([]); // 区城管局 had nothing overdue; 连云生态环境局's line is not shown
    const office = await http()
      .get('/overview?asOf=2024-01-06')
      .set(await now('office'))
      .expect(200);
    expect(office.body.overdueByDepartment.map((d: { department: string }) => d.department)).toEqual([ECO]);
    await http()
      .get('/tasks/C-5/audit-trail')
      .set(await now('区教育局'))
      .expect(403);
  });
});
