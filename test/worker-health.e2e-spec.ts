/**
 * The worker process's own health probes (WORKER_HEALTH_PORT): it serves no API, yet its
 * readiness shows the one rule for event types it does not know — skipped, counted — while its
 * reminder planner keeps following the log. The api runs in this process without the worker
 * role (API_RUNS_WORKER=false) on the same SQLite file; the worker is a real process.
 */
import { taskStreamId } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { freePort, startProcess, stopProcess, until, type Started } from './support/processes';
import { signIn, type AuthHeaders } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

const CLOCK_START = '2023-03-01T09:00:00+08:00';
const FUTURE_TYPE = 'TaskReferredToMayor';

interface Ready {
  status: string;
  details: {
    eventStore: { status: string };
    reminders: { status: string; pending: number };
    unknownEventTypes: { skipped: number; types: Array<{ type: string; count: number; firstStream: string }> };
  };
}

describe('the worker process answers its health probes', () => {
  let t: TestApp;
  let worker: Started;
  let office: AuthHeaders;
  let healthUrl: string;
  const http = () => request(t.app.getHttpServer());
  const ready = async (): Promise<Ready> => (await request(healthUrl).get('/health/ready').expect(200)).body as Ready;

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_START, API_RUNS_WORKER: 'false' });
    const port = await freePort();
    healthUrl = `http://127.0.0.1:${port}`;
    worker = startProcess('apps/worker/src/main.ts', {
      DATA_DIR: t.config.dataDir,
      CLOCK_START,
      WORKER_HEALTH_PORT: String(port),
    });
    office = await signIn(t.app).office();
    await http().post('/plans').set(office).send(loadLianyunPlan()).expect(201);
    await http().post('/tasks/C-5/assignment').set(office).send({}).expect(201);
  }, 300_000); // a ts-node worker process starts: slow on a loaded 2-core machine
  afterAll(async () => {
    if (worker) await stopProcess(worker);
    await t?.close();
  }, 120_000);

  it('given an event type of a newer writer, readiness counts it and reminders keep being planned', async () => {
    // The worker is up and its planner has followed the assignment (the 签收 reminders).
    const planned = await until(
      'the worker to plan the assignment',
      async () => {
        const body = await ready();
        return body.details.reminders.pending > 0 ? body.details.reminders.pending : undefined;
      },
      240_000,
    ).catch((error: Error) => Promise.reject(new Error(`${error.message}\n${worker.output()}`)));
    await request(healthUrl).get('/health/live').expect(200, { status: 'ok', info: {}, error: {}, details: {} });

    // When: a newer replica appends a type this version has never heard of, then work goes on.
    const store = t.app.get<EventStore>(EVENT_STORE);
    const stream = taskStreamId('lianyun-2022-2025', 'C-5');
    const before = await store.readStream(stream);
    const metadata = {
      actorId: 'system:future-replica',
      role: 'system',
      correlationId: 'future-1',
      causationId: 'future-1',
      occurredAt: '2023-03-01T10:00:00+08:00',
    };
    await store.append(
      stream,
      [{ type: FUTURE_TYPE, data: { referredTo: '区长办公会' }, metadata }],
      before.at(-1)!.revision,
    );
    const milestone = { title: '中期评估', dueDate: '2024-09-30', owner: '连云生态环境局' };
    await http().post('/tasks/C-5/milestones').set(office).send({ milestone, reason: '增加中期评估节点' }).expect(201);

    // Then the worker skipped and counted it, stayed ready, and planned the new milestone's reminders.
    const after = await until(
      'the worker to count the unknown type and plan the new milestone',
      async () => {
        const body = await ready();
        const seen = body.details.unknownEventTypes.types.some((e) => e.type === FUTURE_TYPE);
        return seen && body.details.reminders.pending > planned ? body : undefined;
      },
      240_000,
    ).catch((error: Error) => Promise.reject(new Error(`${error.message}\n${worker.output()}`)));
    expect(after.status).toBe('ok');
    expect(after.details.eventStore.status).toBe('up');
    expect(after.details.unknownEventTypes.types).toEqual([
      expect.objectContaining({ type: FUTURE_TYPE, firstStream: stream }),
    ]);
    expect(after.details.unknownEventTypes.skipped).toBeGreaterThanOrEqual(1);
    expect(worker.output()).toMatch(/unknown_event_type/);
    await request(healthUrl).get('/metrics').expect(404);
  }, 600_000);

  it('stops on SIGTERM with its health port closed', async () => {
    await stopProcess(worker);
    expect(await worker.exited).toBe(0);
    await expect(request(healthUrl).get('/health/live')).rejects.toThrow();
  }, 120_000);
});
