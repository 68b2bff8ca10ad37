import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startProcess, stopAll } from './support/processes';

afterAll(stopAll);

/** Runs an entry point from source, as `npm start` runs its build, logging at info (the lines asserted below). */
const run = (entry: string, env: Record<string, string>, args: string[] = []) =>
  startProcess(entry, { LOG_LEVEL: 'info', ...env }, args);

describe('process entry points', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zw-proc-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a bad configuration with every problem named and exit code 1', async () => {
    const p = run('apps/api/src/main.ts', { PORT: 'eighty', CLOCK_START: 'soon', DATA_DIR: dataDir });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/PORT="eighty" must be an integer/);
    expect(p.output()).toMatch(/CLOCK_START="soon"/);
  }, 300_000); // spawns ts-node processes: slow on a loaded 2-core machine

  it('refuses to start in production without JWT_SECRET', async () => {
    const p = run('apps/api/src/main.ts', { NODE_ENV: 'production', JWT_SECRET: '', PORT: '0', DATA_DIR: dataDir });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/JWT_SECRET is required when NODE_ENV=production/);
  }, 300_000); // spawns ts-node processes: slow on a loaded 2-core machine

  it('starts the api, then shuts down gracefully on SIGTERM', async () => {
    const p = run('apps/api/src/main.ts', { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    await p.waitFor(/listening on/);
    expect(p.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d{2,5}/);
    // No account yet: the start log names the exact command for the first admin.
    await p.waitFor(/no account exists yet/);
    expect(p.output()).toContain(
      `no account exists yet: create the first admin with: DATA_DIR=${dataDir} npm run users -- bootstrap`,
    );
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toMatch(/event store closed/);
    // The embedded default generated its signing secret on this first start, readable by the owner only.
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  }, 300_000); // spawns ts-node processes: slow on a loaded 2-core machine

  it('starts with --seed-plan: the Lianyun plan is served, and a restart appends nothing', async () => {
    const seedDir = mkdtempSync(join(tmpdir(), 'zw-seed-'));
    // The first admin comes from the bootstrap command, which prints its one-time password.
    const cli = await runCli('apps/api/src/auth/users.cli.ts', { DATA_DIR: seedDir }, ['bootstrap']);
    expect(cli.code).toBe(0);
    let password = /One-time password[^:]*: (\S+)/.exec(cli.output)![1]!;
    for (const expected of [/plan seeded/, /plan already loaded, nothing appended/]) {
      const p = run('apps/api/src/main.ts', { PORT: '0', HOST: '127.0.0.1', DATA_DIR: seedDir }, ['--seed-plan']);
      await p.waitFor(/listening on/);
      expect(p.output()).toMatch(expected);
      const url = /listening on (http:\/\/[\d.:]+)/.exec(p.output())![1];
      expect((await fetch(`${url}/plans/lianyun-2022-2025`)).status).toBe(401);
      const login = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      let { accessToken, user } = (await login.json()) as {
        accessToken: string;
        user: { mustChangePassword: boolean };
      };
      if (user.mustChangePassword) {
        // The bootstrap's one-time password opens nothing but the password change.
        const next = 'Zw-进程测试-2024!';
        const changed = await fetch(`${url}/auth/password`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ currentPassword: password, newPassword: next }),
        });
        expect(changed.status).toBe(204);
        password = next;
        const again = await fetch(`${url}/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password }),
        });
        ({ accessToken, user } = (await again.json()) as {
          accessToken: string;
          user: { mustChangePassword: boolean };
        });
      }
      const res = await fetch(`${url}/plans/lianyun-2022-2025`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      const overview = (await res.json()) as { counts: Record<string, number> };
      expect(overview.counts).toMatchObject({ departments: 20, tasks: 34, indicators: 50, projects: 7 });
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
    }
    rmSync(seedDir, { recursive: true, force: true });
  }, 600_000); // two starts of the api and a CLI run

  it('starts the worker as an application context without HTTP, and stops on SIGTERM', async () => {
    const p = run('apps/worker/src/main.ts', { DATA_DIR: dataDir });
    await p.waitFor(/worker ready/);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toMatch(/event store closed/);
  }, 300_000); // spawns ts-node processes: slow on a loaded 2-core machine
});
