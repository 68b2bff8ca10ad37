import { EVENT_STORE, SqliteEventStore, type EventStore } from '@zw/event-store';
import { loadLianyunPlan, planStreamId, taskSheetFromPlan } from '@zw/plan';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { XLSX_MIME } from '../apps/api/src/configure-http';
import { signIn, type AuthHeaders } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const PLAN_ID = 'lianyun-2022-2025';

/** A task sheet of the Lianyun plan with A-6's window changed, as an office would edit it. */
async function editedSheet(): Promise<Buffer> {
  const plan = loadLianyunPlan();
  return taskSheetFromPlan({
    ...plan,
    tasks: plan.tasks.map((t) => (t.code === 'A-6' ? { ...t, window: '2024-2025' } : t)),
  });
}

describe('task sheet (.xlsx) import over HTTP', () => {
  let t: TestApp;
  let store: EventStore;
  let office: AuthHeaders;
  const count = async () => (await store.readStream(planStreamId(PLAN_ID))).length;
  beforeAll(async () => {
    t = await createTestApp();
    store = t.app.get(EVENT_STORE);
    office = await signIn(t.app).office();
    await request(t.app.getHttpServer()).post('/plans').set(office).send(loadLianyunPlan()).expect(201);
  });
  afterAll(() => t.close());

  it('replaces the task list, appending only the changed task', async () => {
    const before = await count();
    const res = await request(t.app.getHttpServer())
      .put(`/plans/${PLAN_ID}/tasks`)
      .set(office)
      .set('Content-Type', XLSX_MIME)
      .send(await editedSheet())
      .expect(201);
    expect(res.body).toMatchObject({ listed: 0, revised: 1, withdrawn: 0, appended: 2 });
    expect(await count()).toBe(before + 2);
    const tasks = (await request(t.app.getHttpServer()).get(`/plans/${PLAN_ID}/tasks`).set(office)).body as Array<{
      code: string;
      window: string;
    }>;
    expect(tasks.find((x) => x.code === 'A-6')?.window).toBe('2024-2025');
  });

  it('refuses a malformed sheet with 400 naming sheet, row and column, appending nothing', async () => {
    const before = await count();
    const res = await request(t.app.getHttpServer())
      .put(`/plans/${PLAN_ID}/tasks`)
      .set(office)
      .set('Content-Type', XLSX_MIME)
      .send(Buffer.from('not a workbook'))
      .expect(400);
    expect(res.body.code).toBe('PLAN.INVALID');
    expect(res.body.details.problems[0].message).toMatch(/xlsx/);
    expect(await count()).toBe(before);
  });
});

describe('npm run plan:import (CLI against a real SQLite file)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zw-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/api/src/plans/plan-import.cli.ts',
        ...args,
      ],
      {
        cwd: join(__dirname, '..'),
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    );
  const stored = async () => {
    const store = new SqliteEventStore({ filename: join(dataDir, 'events.db') });
    const n = (await store.readStream(planStreamId(PLAN_ID))).length;
    await store.close();
    return n;
  };

  it('imports the plan, reports the findings, and a second run appends nothing', async () => {
    const first = cli('libs/plan/data/lianyun-2022-2025.json');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/追加 \d+ 个事件/);
    expect(first.stdout).toMatch(/TASK_COUNT_MISMATCH/);
    const n = await stored();
    const second = cli('libs/plan/data/lianyun-2022-2025.json', '--json');
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ appended: 0 });
    expect(await stored()).toBe(n);
  }, 60_000);

  it('imports an .xlsx task sheet into the named plan, and refuses a malformed one with exit 1', async () => {
    const n = await stored();
    const good = join(dataDir, 'tasks.xlsx');
    writeFileSync(good, await editedSheet());
    expect(cli(good, '--plan', PLAN_ID).status).toBe(0);
    expect(await stored()).toBe(n + 2);
    const bad = join(dataDir, 'bad.xlsx');
    writeFileSync(bad, 'garbage');
    const result = cli(bad, '--plan', PLAN_ID);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/nothing imported/);
    expect(await stored()).toBe(n + 2);
  }, 60_000);
});
