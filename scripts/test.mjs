#!/usr/bin/env node
// The README's test command: typecheck/lint/boundaries run before this (npm test), then
// every Jest tier (unit, e2e, browser), then the web console's Vitest suite. Redis suites need a real redis-server: a configured one
// (TEST_REDIS_URL or REDIS_URL), else a throwaway one on a free port, else they are
// skipped loudly, which under CI=true is a failure. PostgreSQL suites get a database of their
// own, created here on the server of TEST_DATABASE_URL and dropped when the run ends.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const ci = process.env.CI === 'true';
const env = { ...process.env };
let redis;

if (!env.TEST_REDIS_URL && env.REDIS_URL) env.TEST_REDIS_URL = env.REDIS_URL;
if (!env.TEST_REDIS_URL) {
  if (spawnSync('redis-server', ['--version']).status === 0) {
    redis = await startThrowawayRedis();
    env.TEST_REDIS_URL = redis.url;
    console.log(`[test] throwaway redis-server on ${redis.url}`);
  } else {
    const banner = '!'.repeat(78);
    console.error(
      `${banner}\n[test] NO REDIS: redis-server is not installed and neither TEST_REDIS_URL nor REDIS_URL is set.\n[test] The Redis suites are SKIPPED. Install redis-server (apt-get install redis-server) to run them.\n${banner}`,
    );
    if (ci) {
      console.error('[test] CI=true: skipping the Redis suites is a failure.');
      process.exit(1);
    }
  }
} else {
  console.log(`[test] using redis at ${env.TEST_REDIS_URL}`);
}

const postgres = await createRunDatabase();

const jest = spawn(process.execPath, ['node_modules/jest/bin/jest.js', ...process.argv.slice(2)], {
  env,
  stdio: 'inherit',
});
let code = await exitCode(jest);
redis?.stop();
// The whole suite (no arguments) also runs the web console's component tests (Vitest + jsdom);
// the console's browser tests are the Jest project `browser` above.
if (process.argv.length === 2) {
  const vitest = spawn(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'apps/web/vite.config.ts'],
    { env, stdio: 'inherit' },
  );
  code = Math.max(code, await exitCode(vitest));
}
await postgres?.drop();
process.exit(code);

function exitCode(child) {
  return new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
}

/**
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is an administrative
 * connection: the run creates `zw_test_<random>` there, hands it to the suites as TEST_PG_URL,
 * and drops it at the end. Suites that need more databases create their own the same way.
 */
async function createRunDatabase() {
  env.TEST_DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: env.TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    const banner = '!'.repeat(78);
    console.error(
      `${banner}\n[test] NO POSTGRESQL at ${env.TEST_DATABASE_URL}: ${error.message}\n[test] The PostgreSQL suites are SKIPPED. Start it (.ci/run does) or set TEST_DATABASE_URL.\n${banner}`,
    );
    if (ci) {
      console.error('[test] CI=true: skipping the PostgreSQL suites is a failure.');
      process.exit(1);
    }
    return undefined;
  }
  const name = `zw_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  env.TEST_PG_URL = url.toString();
  console.log(`[test] PostgreSQL database ${name} for this run`);
  return {
    async drop() {
      const client = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function startThrowawayRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'zw-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      spawnSync('redis-cli', ['-p', String(port), 'ping'])
        .stdout?.toString()
        .trim() === 'PONG'
    )
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
