/**
 * The running process, as `npm start` runs it (issue 15): the access log never holds a
 * calendar feed's key, and the management endpoints answer on their own port only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startProcess, stopAll } from '../support/processes';

const PASSWORD = 'Zw-进程测试-2024!';
const INITIAL = 'Zw-初始口令-2023?';

describe('security: the process logs no feed key and keeps management endpoints off the public port', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zw-sec-proc-'));
  afterAll(async () => {
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('redacts the key from every log line while the feed works; /metrics only on MANAGEMENT_PORT', async () => {
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const cli = await runCli('apps/api/src/auth/users.cli.ts', env, ['bootstrap']);
    expect(cli.code).toBe(0);
    const adminPassword = /One-time password[^:]*: (\S+)/.exec(cli.output)![1]!;

    const api = startProcess('apps/api/src/main.ts', { ...env, PORT: '0', HOST: '127.0.0.1', MANAGEMENT_PORT: '0' }, [
      '--seed-plan',
    ]);
    await api.waitFor(/management endpoints .* on /);
    const url = /listening on (http:\/\/[\d.:]+)/.exec(api.output())![1]!;
    const management = `http://${/management endpoints .* on ([\d.]+:\d+)/.exec(api.output())![1]!}`;

    const json = (path: string, body: unknown, token?: string) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const login = async (username: string, password: string) =>
      ((await (await json('/auth/login', { username, password })).json()) as { accessToken: string }).accessToken;
    // A password someone else set must be replaced first (AUTH.PASSWORD_CHANGE_REQUIRED).
    const firstLogin = async (username: string, given: string) => {
      const changed = await json(
        '/auth/password',
        { currentPassword: given, newPassword: PASSWORD },
        await login(username, given),
      );
      expect(changed.status).toBe(204);
      return login(username, PASSWORD);
    };
    const admin = await firstLogin('admin', adminPassword);
    const created = await json(
      '/users',
      { username: 'office', displayName: '无废办', role: 'office', password: INITIAL },
      admin,
    );
    expect(created.status).toBe(201);
    const office = await firstLogin('office', INITIAL);
    const issued = await json(`/departments/${encodeURIComponent('连云生态环境局')}/calendar-feeds`, {}, office);
    expect(issued.status).toBe(201);
    const { path } = (await issued.json()) as { path: string };
    const key = /feeds\/([A-Za-z0-9_-]{43})\.ics$/.exec(path)![1]!;
    expect((await fetch(`${url}${path}`)).status).toBe(200);
    expect((await fetch(`${url}/calendar/feeds/${'B'.repeat(43)}.ics`)).status).toBe(404);

    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    expect((await fetch(`${url}/health/ready`)).status).toBe(404);
    expect((await fetch(`${management}/metrics`)).status).toBe(200);
    expect((await fetch(`${management}/health/ready`)).status).toBe(200);

    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(api.output()).toMatch(/\/calendar\/feeds\/\[redacted\]/);
    expect(api.output()).not.toContain(key);
    expect(api.output()).not.toContain(PASSWORD);
    expect(api.output()).not.toContain(adminPassword);
  }, 600_000); // a CLI and a ts-node api start on a loaded 2-core machine
});
