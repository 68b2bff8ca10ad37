/**
 * The real service for browser tests: the api process on the embedded default (its own SQLite
 * data folder, a free port, the clock started in 2023, the Lianyun plan seeded) serving the built
 * console from dist/web, plus the first admin made by the `users bootstrap` CLI as production does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, GENEROUS_MS, ROOT, runCli, startProcess, stopProcess, until } from '../../support/processes';

export { ROOT };

export interface WebStack {
  baseUrl: string;
  adminPassword: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Builds the console when dist/web is missing or older than its sources (`npm test` needs no build step). */
export function ensureWebBuilt(): void {
  const index = join(ROOT, 'dist/web/index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = newest(join(ROOT, 'apps/web'));
  if (built >= sources) return;
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
    // Jest sets NODE_ENV=test, which would make Vite and antd build for development.
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('building the web console failed');
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export async function startWebStack(env: Record<string, string> = {}): Promise<WebStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zw-browser-'));
  const port = await freePort();
  const base = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env };
  const bootstrap = await runCli('apps/api/src/auth/users.cli.ts', base, ['bootstrap']);
  const adminPassword = /One-time password[^:]*: (\S+)/.exec(bootstrap.output)?.[1];
  if (!adminPassword) throw new Error(`users bootstrap printed no password: ${bootstrap.output}`);
  const api = startProcess(
    'apps/api/src/main.ts',
    {
      ...base,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLOCK_START: env.CLOCK_START ?? '2023-03-01T09:00:00+08:00',
      LOGIN_THROTTLE_LIMIT: '1000',
      LOGIN_THROTTLE_ADDRESS_LIMIT: '10000',
    },
    ['--seed-plan'],
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  let exited = false;
  void api.exited.then(() => (exited = true));
  const outcome = await until(
    'the api to answer /health',
    async () => (exited ? 'exited' : (await fetch(`${baseUrl}/health`)).ok ? 'up' : undefined),
    // A ts-node api seeding the plan, beside other suites, on a loaded 2-core machine.
    2 * GENEROUS_MS,
  ).catch((error: Error) => error.message);
  if (outcome !== 'up') throw new Error(`the api did not come up (${outcome}):\n${api.output()}`);
  return {
    baseUrl,
    adminPassword,
    dataDir,
    stop: async () => {
      await stopProcess(api);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
