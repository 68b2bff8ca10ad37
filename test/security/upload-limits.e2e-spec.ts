/**
 * The probe's hostile .xlsx uploads (issue 15), each answered quickly with a Chinese refusal,
 * nothing appended, the process's memory barely moved and /health answering throughout. The
 * bounds here are loose on purpose (a loaded 2-core machine); `npm run bench:security`
 * measures the real figures against the built service.
 */
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { XLSX_MIME } from '../../apps/api/src/configure-http';
import {
  bombSheet,
  farRowSheet,
  lastRowSheet,
  manyRowsSheet,
  notZip,
} from '../../libs/plan/src/xlsx/testing/hostile-sheets';
import { signIn, type AuthHeaders } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

const PLAN_ID = 'lianyun-2022-2025';
/**
 * Loose bounds for a busy machine (the api shares this process with Jest, and the machine with
 * other suites); the targets (2 s, 100 MB, 100 ms) are measured by `npm run bench:security`.
 * What they still catch: parsing on the event loop blocked /health for 3–59 s in the probe.
 */
const MAX_ANSWER_MS = 15_000;
const MAX_RSS_GROWTH_MB = 200;
const MAX_HEALTH_MS = 2_500;

describe('security: hostile spreadsheet uploads cannot hurt the process', () => {
  let t: TestApp;
  let store: EventStore;
  let office: AuthHeaders;
  const files = new Map<string, Buffer>();
  const http = () => request(t.app.getHttpServer());
  const head = async () => (await store.readAll(undefined, 1_000_000)).at(-1)?.position;

  beforeAll(async () => {
    t = await createTestApp();
    store = t.app.get(EVENT_STORE);
    office = await signIn(t.app).office();
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    files.set('bomb', await bombSheet());
    files.set('forged bomb', await bombSheet({ forged: true }));
    for (const dimension of [true, false]) {
      const suffix = dimension ? '' : ' (no dimension)';
      files.set(`far row${suffix}`, farRowSheet(dimension));
      files.set(`last row${suffix}`, lastRowSheet(dimension));
      files.set(`many rows${suffix}`, manyRowsSheet(30_000, dimension));
    }
    files.set('not a zip', notZip());
  }, 120_000);
  afterAll(() => t.close());

  /** Uploads while polling /health; reports the answer, its time, the worst /health and RSS growth. */
  async function watched(file: Buffer) {
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    let worstHealth = 0;
    let uploading = true;
    const prober = (async () => {
      while (uploading) {
        const start = performance.now();
        const health = await http().get('/health');
        expect(health.status).toBe(200);
        worstHealth = Math.max(worstHealth, performance.now() - start);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const start = performance.now();
    const res = await http().put(`/plans/${PLAN_ID}/tasks`).set(office).set('Content-Type', XLSX_MIME).send(file);
    const ms = performance.now() - start;
    uploading = false;
    await prober;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { res, ms, worstHealth, growthMb: (peakRss - rssBefore) / 2 ** 20 };
  }

  it.each([
    ['bomb', 413, 'entry'],
    ['forged bomb', 413, 'forged'],
    ['far row', 413, 'rows'],
    ['far row (no dimension)', 413, 'rows'],
    ['last row', 413, 'rows'],
    ['last row (no dimension)', 413, 'rows'],
    ['many rows', 413, 'rows'],
    ['many rows (no dimension)', 413, 'rows'],
    ['not a zip', 400, undefined],
  ])(
    'given the %s file, answers %i in Chinese quickly, appends nothing, memory and /health unharmed',
    async (name, status, limit) => {
      const before = await head();
      const { res, ms, worstHealth, growthMb } = await watched(files.get(name)!);
      expect(res.status).toBe(status);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      if (limit) expect(res.body).toMatchObject({ code: 'PLAN.SHEET_TOO_LARGE', details: { limit } });
      else expect(res.body.code).toBe('PLAN.INVALID');
      expect(await head()).toBe(before);
      expect(ms).toBeLessThan(MAX_ANSWER_MS);
      expect(growthMb).toBeLessThan(MAX_RSS_GROWTH_MB);
      expect(worstHealth).toBeLessThan(MAX_HEALTH_MS);
    },
    60_000,
  );

  it('still imports a real task sheet afterwards (the limits refuse only what is beyond them)', async () => {
    const { taskSheetFromPlan } = await import('@zw/plan');
    const res = await http()
      .put(`/plans/${PLAN_ID}/tasks`)
      .set(office)
      .set('Content-Type', XLSX_MIME)
      .send(await taskSheetFromPlan(loadLianyunPlan()));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ appended: 0 });
  }, 60_000);
});
