/**
 * 佐证材料 files end to end (issue 13): upload a PDF and a PNG with Chinese names, complete a
 * milestone with them, download as the lead and the cooperating department, 403 outside, 404
 * for an unknown id; a renamed program and a ZIP → 415, legacy .doc/.xls/.ppt and WPS' .wps/.et/.dps
 * (CFB) and OFD taken when name and content agree, else 415; a 25 MB file → 413, nothing stored;
 * a referenced file altered on disk → the audit (HTTP and `npm run audit:verify`) names it.
 */
import { taskStreamId } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { SAMPLE } from '../libs/files/src/testing/sample-files';
import { signIn, type AuthHeaders } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const PLAN = 'lianyun-2022-2025';
const LEAD = '连云生态环境局';
const COOPERATING = '区城管局';
const OUTSIDE = '区教育局';

/** Every file under DATA_DIR/files, stored blobs and anything left half-written. */
function storedFiles(root: string): string[] {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe('佐证材料 files over HTTP (embedded SQLite, clock at 2023-03-01)', () => {
  let t: TestApp;
  let store: EventStore;
  let office: AuthHeaders, lead: AuthHeaders, cooperating: AuthHeaders, outside: AuthHeaders;
  const http = () => request(t.app.getHttpServer());
  const root = () => join(t.config.dataDir, 'files');
  const upload = (as: AuthHeaders, bytes: Buffer, filename: string, contentType = 'application/pdf') =>
    http().post('/files').set(as).attach('file', bytes, { filename, contentType });
  const pdf = SAMPLE.pdf();
  const png = SAMPLE.png();
  let pdfId: string, pngId: string;

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START: '2023-03-01T09:00:00+08:00' });
    store = t.app.get(EVENT_STORE);
    const as = signIn(t.app);
    [office, lead, cooperating, outside] = await Promise.all([
      as.office(),
      as.dept(LEAD),
      as.dept(COOPERATING),
      as.dept(OUTSIDE),
    ]);
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    await http().post('/tasks/C-5/assignment').set(office).send({}).expect(201);
    await http().post('/tasks/C-5/acknowledgements').set(lead).expect(201);
    await http().post('/tasks/C-5/acknowledgements').set(cooperating).expect(201);
  });
  afterAll(() => t.close());

  it('uploads a PDF and a PNG, keeping their Chinese names, typed by content', async () => {
    const a = await upload(lead, pdf, '2023年度验收报告.pdf').expect(201);
    expect(a.body).toEqual({
      fileId: expect.stringMatching(/^[0-9a-f]{64}$/),
      name: '2023年度验收报告.pdf',
      size: pdf.length,
      mediaType: 'application/pdf',
    });
    // The browser's claim (application/octet-stream) is not what decides the type.
    const b = await upload(lead, png, '现场照片（收集点）.png', 'application/octet-stream').expect(201);
    expect(b.body).toMatchObject({ name: '现场照片（收集点）.png', size: png.length, mediaType: 'image/png' });
    [pdfId, pngId] = [a.body.fileId, b.body.fileId];
  });

  it('before it is referenced, only the uploader may download a file', async () => {
    await http().get(`/files/${pdfId}`).set(lead).expect(200);
    await http().get(`/files/${pdfId}`).set(cooperating).expect(403);
    await http().get(`/files/${pdfId}`).set(office).expect(403);
  });

  it('another user cannot attach someone else’s upload: 400 naming the field, nothing appended', async () => {
    const before = (await store.readStream(taskStreamId(PLAN, 'C-5'))).length;
    const res = await http()
      .post('/tasks/C-5/progress-reports')
      .set(cooperating)
      .send({ percent: 10, text: '配合推进', evidence: [{ fileId: pdfId }] })
      .expect(400);
    expect(res.body.message).toContain('evidence[0].fileId');
    expect((await store.readStream(taskStreamId(PLAN, 'C-5'))).length).toBe(before);
  });

  it('completes the milestone with both files; the event records hash, name, size and type', async () => {
    await http()
      .post('/tasks/C-5/milestones/y2024/completion')
      .set(lead)
      .send({ evidence: [{ fileId: pdfId }, { title: '收集点照片', fileId: pngId }], note: '已验收' })
      .expect(201);
    const completed = (await store.readStream(taskStreamId(PLAN, 'C-5'))).find((e) => e.type === 'MilestoneCompleted');
    expect((completed!.data as { evidence: unknown }).evidence).toEqual([
      {
        title: '2023年度验收报告.pdf',
        file: { sha256: pdfId, name: '2023年度验收报告.pdf', size: pdf.length, mediaType: 'application/pdf' },
      },
      {
        title: '收集点照片',
        file: { sha256: pngId, name: '现场照片（收集点）.png', size: png.length, mediaType: 'image/png' },
      },
    ]);
  });

  it('downloads as the lead, the cooperating department and the office; 403 outside; 404 unknown', async () => {
    for (const as of [lead, cooperating, office]) {
      const res = await http()
        .get(`/files/${pdfId}`)
        .set(as)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="2023______.pdf"; filename*=UTF-8''${encodeURIComponent('2023年度验收报告.pdf')}`,
      );
    }
    const denied = await http().get(`/files/${pngId}`).set(outside).expect(403);
    expect(denied.body.message).toMatch(/无权/);
    const unknown = await http()
      .get(`/files/${'0'.repeat(64)}`)
      .set(lead)
      .expect(404);
    expect(unknown.body).toMatchObject({ code: 'FILE.NOT_FOUND', message: '文件不存在' });
    await http().get('/files/not-a-file-id').set(lead).expect(404);
  });

  it('a program renamed to .pdf and a ZIP archive → 415, nothing stored', async () => {
    const before = storedFiles(root());
    const exe = await upload(lead, SAMPLE.exe(), '验收报告.pdf').expect(415);
    expect(exe.body).toMatchObject({
      code: 'FILE.TYPE_NOT_ALLOWED',
      message: expect.stringMatching(/不支持的文件类型/),
    });
    const zip = await upload(lead, SAMPLE.zip(), '材料.zip', 'application/zip').expect(415);
    expect(zip.body.message).toMatch(/压缩包/);
    expect(storedFiles(root())).toEqual(before);
  });

  it('legacy Office and WPS files (a CFB container) and OFD are taken when name and content agree', async () => {
    const taken: Array<[Buffer, string, string]> = [
      [SAMPLE.doc(), '验收报告（旧版）.doc', 'application/msword'],
      [SAMPLE.doc(), '验收报告.wps', 'application/wps-office.wps'],
      [SAMPLE.xls(), '统计表.xls', 'application/vnd.ms-excel'],
      [SAMPLE.xls(), '统计表.et', 'application/wps-office.et'],
      [SAMPLE.ppt(), '汇报.ppt', 'application/vnd.ms-powerpoint'],
      [SAMPLE.ppt(), '汇报.dps', 'application/wps-office.dps'],
      [SAMPLE.ofd(), '批复.ofd', 'application/ofd'],
    ];
    for (const [bytes, name, mediaType] of taken) {
      const res = await upload(lead, bytes, name, 'application/octet-stream').expect(201);
      expect(res.body).toMatchObject({ name, size: bytes.length, mediaType });
    }
    // The download answers the type told at upload.
    const doc = await upload(lead, SAMPLE.doc(), '验收报告（旧版）.doc').expect(201);
    const got = await http().get(`/files/${doc.body.fileId}`).set(lead).expect(200);
    expect(got.headers['content-type']).toBe('application/msword');
  });

  it('a CFB container under a program name, an installer named .doc, a Word file named .xls → 415', async () => {
    const before = storedFiles(root());
    for (const [bytes, name] of [
      [SAMPLE.doc(), 'setup.exe'],
      [SAMPLE.msi(), '验收报告.doc'],
      [SAMPLE.doc(), '统计表.xls'],
    ] as const) {
      const res = await upload(lead, bytes, name, 'application/msword').expect(415);
      expect(res.body).toMatchObject({ code: 'FILE.TYPE_NOT_ALLOWED', message: expect.stringMatching(/扩展名/) });
    }
    expect(storedFiles(root())).toEqual(before);
  });

  it('a 25 MB file → 413 with nothing stored, not even half of it', async () => {
    const before = storedFiles(root());
    const big = Buffer.concat([pdf, Buffer.alloc(25 * 1024 * 1024, 0x20)]);
    const res = await upload(lead, big, '大文件.pdf').expect(413);
    expect(res.body).toMatchObject({ code: 'FILE.TOO_LARGE', message: expect.stringMatching(/20 MB/) });
    expect(storedFiles(root())).toEqual(before);
  });

  it('a referenced file altered on disk: the audit names it (GET /audit/verify and npm run audit:verify)', async () => {
    const clean = await http().get('/audit/verify').set(office).expect(200);
    expect(clean.body).toMatchObject({ ok: true, files: { ok: true, referenced: 2, problems: [] } });
    appendFileSync(join(root(), pngId.slice(0, 2), pngId), 'tampered');
    const audit = await http().get('/audit/verify').set(office).expect(200);
    expect(audit.body).toMatchObject({
      ok: false,
      result: '发现篡改或缺失',
      files: { ok: false, problems: [{ fileId: pngId, name: '现场照片（收集点）.png', problem: 'altered' }] },
    });
    const cli = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/api/src/audit/audit-verify.cli.ts',
      ],
      { env: { ...process.env, DATA_DIR: t.config.dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' }, encoding: 'utf8' },
    );
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('现场照片（收集点）.png');
    expect(cli.stdout).toContain('"problem": "altered"');
  });
});
