import { SqliteEventStore, type EventMetadata } from '@zw/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLianyunPlan } from '../index';
import type { Plan } from '../plan.schema';
import { defaultPlanSettings } from '../plan.settings';
import { headerOf } from './plan-catalogue';
import { importPlan, readPlan } from './import-plan';
import { planStreamId } from './plan-catalogue.events';

const metadata: EventMetadata = {
  actorId: 'office-1',
  role: 'office',
  department: '无废办',
  correlationId: 'c-1',
  causationId: 'c-1',
  occurredAt: '2023-01-03T09:00:00+08:00',
};

describe('importing the Lianyun plan into a real SQLite event store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zw-plan-'));
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore({ filename: join(dir, `${Math.random()}.db`) })));
  afterEach(() => store.close());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every row once, then a re-import appends nothing', async () => {
    const plan = loadLianyunPlan();
    const first = await importPlan(store, plan, { source: 'test', metadata });
    const rows =
      plan.departments.length +
      plan.externalUnits.length +
      plan.genericEntries.length +
      plan.tasks.length +
      plan.indicators.length +
      plan.projects.length;
    expect(first).toMatchObject({ appended: rows + 2, listed: rows, revised: 0, withdrawn: 0 });
    expect([plan.departments.length, plan.tasks.length, plan.indicators.length, plan.projects.length]).toEqual([
      20, 34, 50, 7,
    ]);

    const second = await importPlan(store, loadLianyunPlan(), { source: 'test', metadata });
    expect(second).toMatchObject({ appended: 0, revision: first.revision });
    expect(await store.readStream(planStreamId(plan.id))).toHaveLength(rows + 2);
  });

  it('reads back exactly the plan it imported, with the validation report kept as data', async () => {
    const plan = loadLianyunPlan();
    await importPlan(store, plan, { source: 'seed', metadata });
    const stored = await readPlan(store, plan.id);
    expect(stored?.plan).toEqual(plan);
    const report = stored?.state.lastImport?.report;
    const bySystem = report?.counts.filter((c) => c.subject === 'tasks.system').map((c) => [c.group, c.diff]);
    expect(bySystem).toEqual([
      ['制度体系建设', 0],
      ['技术体系建设', 0],
      ['市场体系建设', -1],
      ['监管体系建设', -1],
    ]);
    expect(report?.findings.map((f) => f.code)).toContain('TASK_COUNT_MISMATCH');
  });

  it('given a changed version, appends only the differences', async () => {
    const plan = loadLianyunPlan();
    await importPlan(store, plan, { source: 'v1', metadata });
    const changed: Plan = {
      ...plan,
      planVersion: '1.1.0',
      tasks: [
        ...plan.tasks.filter((t) => t.code !== 'D-7').map((t) => (t.code === 'A-6' ? { ...t, window: '2024' } : t)),
        { ...plan.tasks[0], code: 'A-16', text: '办公室新增任务', window: '2025', sourceLine: undefined },
      ],
    };
    const result = await importPlan(store, changed, { source: 'v2', metadata });
    expect(result).toMatchObject({ listed: 1, revised: 1, withdrawn: 1, appended: 5 });
    const events = (await store.readStream(planStreamId(plan.id))).slice(-5);
    expect(events.map((e) => e.type)).toEqual([
      'PlanHeaderRevised',
      'PlanEntryRevised',
      'PlanEntryListed',
      'PlanEntryWithdrawn',
      'PlanImported',
    ]);
    expect(events[1].data).toMatchObject({
      kind: 'task',
      key: 'A-6',
      changes: [{ field: 'window', from: '2023', to: '2024' }],
    });
    expect(events[3].data).toMatchObject({ kind: 'task', key: 'D-7' });
    expect((await readPlan(store, plan.id))?.plan.tasks.map((t) => t.code)).not.toContain('D-7');
  });
});

describe('a plan stored before plans carried settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zw-plan-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads with the defaults the service had then; importing the file again records its settings as a revision', async () => {
    const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    const plan = loadLianyunPlan();
    const { settings: _, ...oldHeader } = headerOf(plan);
    await store.append(
      planStreamId(plan.id),
      [{ type: 'PlanRegistered', data: { planId: plan.id, header: oldHeader }, metadata }],
      'no_stream',
    );
    expect((await readPlan(store, plan.id))?.plan.settings).toEqual(defaultPlanSettings('连云区'));

    await importPlan(store, plan, { source: 'upgrade', metadata });
    const events = await store.readStream(planStreamId(plan.id));
    expect(events[1]).toMatchObject({
      type: 'PlanHeaderRevised',
      data: { changes: [expect.objectContaining({ field: 'settings', to: plan.settings })] },
    });
    expect((await readPlan(store, plan.id))?.plan.settings).toEqual(plan.settings);
    await store.close();
  });
});
