#!/usr/bin/env node
// The README's test command: typecheck/lint/boundaries run before this (npm test), then
// every Jest tier. Redis suites need a real redis-server: a configured one
// (TEST_REDIS_URL or REDIS_URL), else a throwaway one on a free port, else they are
// skipped loudly, which under CI=true is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

const jest = spawn(process.execPath, ['node_modules/jest/bin/jest.js', ...process.argv.slice(2)], {
  env,
  stdio: 'inherit',
});
const code = await new Promise((resolve) => jest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
redis?.stop();
process.exit(code);

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
