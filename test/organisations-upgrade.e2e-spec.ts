import { hashPassword, userStreamId } from '@zw/auth';
import { systemClock } from '@zw/clock';
import { loadConfig } from '@zw/config';
import { ORGANISATIONS_STREAM_ID } from '@zw/domain';
import { EVENT_STORE, openEventStore, type EventStore } from '@zw/event-store';
import { importPlan, loadLianyunPlan } from '@zw/plan';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { systemMetadata } from '../apps/api/src/actor/actor';
import { signIn, TEST_PASSWORD } from './support/sign-in';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * A deployment from before organisations (accounts bound to a department name only, a plan no
 * organisation claims) upgraded by its first start of this version: events, not a rewrite —
 * each account gets UserBoundToOrganisation, the default organisation is created (named by the
 * default plan's settings) and the stored plan attached; the old accounts work as before, and a
 * second start appends nothing.
 */
describe('upgrade to organisations', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zw-upgrade-'));
  const env = { DATA_DIR: dataDir, CLOCK_START: '2023-03-01T09:00:00+08:00' };
  let t: TestApp | undefined;
  const stream = async (store: EventStore, id: string) => (await store.readStream(id)).map((e) => [e.type, e.data]);

  beforeAll(async () => {
    const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
    const store = openEventStore(config, systemClock);
    const at = '2023-02-01T09:00:00+08:00';
    const meta = { ...systemMetadata('test:old-version', systemClock), occurredAt: at };
    for (const [username, role, department] of [
      ['old.office', 'office', null],
      ['old.clerk', 'department', '区城管局'],
    ] as const) {
      await store.append(
        userStreamId(username),
        [
          {
            type: 'UserCreated',
            data: {
              username,
              displayName: username,
              role,
              department,
              passwordHash: await hashPassword(TEST_PASSWORD),
              mustChangePassword: false,
              createdAt: at,
            },
            metadata: meta,
          },
        ],
        'no_stream',
      );
    }
    await importPlan(store, loadLianyunPlan(), { source: 'seed', metadata: meta });
    await store.close();
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('binds the old accounts and attaches the stored plan to the default organisation, by events', async () => {
    t = await createTestApp(env);
    const store = t.app.get<EventStore>(EVENT_STORE);
    expect(t.config.defaultOrganisationId).toBe('lianyun');
    expect(await stream(store, ORGANISATIONS_STREAM_ID)).toEqual([
      ['OrganisationCreated', expect.objectContaining({ organisationId: 'lianyun', name: '连云区', kind: 'district' })],
      ['PlanAttached', expect.objectContaining({ organisationId: 'lianyun', planId: loadLianyunPlan().id })],
    ]);
    for (const username of ['old.office', 'old.clerk']) {
      const events = await stream(store, userStreamId(username));
      expect(events.map(([type]) => type)).toEqual(['UserCreated', 'UserBoundToOrganisation']);
      expect(events[1]![1]).toMatchObject({ organisationId: 'lianyun' });
    }
  });

  it('the old accounts work as before, on the plan they knew', async () => {
    const http = () => request(t!.app.getHttpServer());
    const as = signIn(t!.app);
    const login = await as.login('old.office');
    expect(login.user).toMatchObject({ username: 'old.office', organisationId: 'lianyun' });
    const office = { Authorization: `Bearer ${login.accessToken}` };
    await http().post('/tasks/C-5/assignment').set(office).send({}).expect(201);
    const clerk = { Authorization: `Bearer ${(await as.login('old.clerk')).accessToken}` };
    await http().post('/tasks/C-5/acknowledgements').set(clerk).send({}).expect(201);
  });

  it('a second start appends nothing', async () => {
    await t!.close();
    t = undefined;
    const store = openEventStore(loadConfig({ ...env, LOG_LEVEL: 'silent' }), systemClock);
    const before = (await store.readAll(undefined, 1_000_000)).length;
    await store.close();
    t = await createTestApp(env);
    expect((await t.app.get<EventStore>(EVENT_STORE).readAll(undefined, 1_000_000)).length).toBe(before);
  });
});
