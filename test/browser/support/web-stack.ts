/**
 * The real service for browser tests: the api process on the embedded default (its own SQLite
 * data folder, a free port, the clock started in 2023, the Lianyun plan seeded) serving the built
 * console from dist/web, plus the first admin made by the `users bootstrap` CLI as production does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

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
  const base = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env };
  const bootstrap = spawnSync(process.execPath, [...TS_NODE, 'apps/api/src/auth/users.cli.ts', 'bootstrap'], {
    cwd: ROOT,
    env: base,
    encoding: 'utf8',
  });
  const adminPassword = /One-time password[^:]*: (\S+)/.exec(bootstrap.stdout + bootstrap.stderr)?.[1];
  if (!adminPassword) throw new Error(`users bootstrap printed no password: ${bootstrap.stdout}${bootstrap.stderr}`);
  const api: ChildProcess = spawn(process.execPath, [...TS_NODE, 'apps/api/src/main.ts', '--seed-plan'], {
    cwd: ROOT,
    env: {
      ...base,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLOCK_START: env.CLOCK_START ?? '2023-03-01T09:00:00+08:00',
      LOGIN_THROTTLE_LIMIT: '1000',
      LOGIN_THROTTLE_ADDRESS_LIMIT: '10000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, api);
  return {
    baseUrl,
    adminPassword,
    dataDir,
    stop: async () => {
      const exited = new Promise((done) => api.once('exit', done));
      api.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(baseUrl: string, api: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (api.exitCode !== null) throw new Error(`the api exited with ${api.exitCode}`);
    const ok = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the api did not answer /health within 150 s');
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
