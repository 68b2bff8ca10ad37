/**
 * npm run bench:security — the outside probe's hostile inputs against the built service
 * (`node dist/apps/api/src/main.js`, embedded default), from another process, as the probe
 * ran them (issue 15). For each of the five .xlsx files (and the variants without a declared
 * dimension, which only the worker's full scan catches): the answer time, the api process's
 * peak RSS growth while it was answered (sampled from /proc every 5 ms), and the slowest
 * /health answer meanwhile (polled every 10 ms). Also: a 3,000-deep JSON body, and login
 * medians for an unknown name, a wrong password and a disabled account.
 * Prints lines for people, then ONE JSON line with every figure and `targets`. Asserts nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  bombSheet,
  farRowSheet,
  lastRowSheet,
  manyRowsSheet,
  notZip,
} from '../libs/plan/src/xlsx/testing/hostile-sheets';
import { machineInfo, median, tempDir } from './bench-util';

const ROOT = join(__dirname, '..');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PASSWORD = 'Zw-基准测试-2024!';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = tempDir('zw-bench-security-');

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function start(): Promise<{ api: ChildProcess; url: string }> {
  const env = { ...process.env, NODE_ENV: 'development', DATA_DIR: dir.path, LOG_LEVEL: 'info' };
  const cli = spawnSync(process.execPath, ['dist/apps/api/src/auth/users.cli.js', 'bootstrap'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  const adminPassword = /One-time password[^:]*: (\S+)/.exec(cli.stdout)?.[1];
  if (!adminPassword) throw new Error(`bootstrap failed: ${cli.stdout}${cli.stderr}`);
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js', '--seed-plan'], {
    cwd: ROOT,
    env: { ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  api.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  for (let i = 0; !/listening on http/.test(output); i++) {
    if (i > 1200 || api.exitCode !== null) throw new Error(`api did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = /listening on (http:\/\/[\d.:]+)/.exec(output)![1]!;
  const admin = await token(url, 'admin', adminPassword);
  for (const [username, role] of [
    ['office', 'office'],
    ['gone', 'leader'],
  ] as const) {
    const res = await post(url, '/users', { username, displayName: username, role, password: PASSWORD }, admin);
    if (res.status !== 201) throw new Error(`creating ${username}: ${res.status} ${await res.text()}`);
  }
  await post(url, '/users/gone/disable', { reason: '基准测试' }, admin);
  return { api, url };
}

function post(url: string, path: string, body: unknown, bearer?: string): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function token(url: string, username: string, password: string): Promise<string> {
  const answer = (await (await post(url, '/auth/login', { username, password })).json()) as {
    accessToken: string;
    user?: { mustChangePassword: boolean };
  };
  if (!answer.user?.mustChangePassword) return answer.accessToken;
  // A password someone else set opens only the password change (the bench keeps the same one).
  await post(url, '/auth/password', { currentPassword: password, newPassword: password }, answer.accessToken);
  return token(url, username, password);
}

/** One upload from outside while /health is polled and the api's RSS sampled. */
async function upload(url: string, pid: number, office: string, file: Buffer) {
  const before = rssMiB(pid);
  let peak = before;
  let worstHealth = 0;
  let running = true;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 5);
  const prober = (async () => {
    while (running) {
      const t0 = performance.now();
      await (await fetch(`${url}/health`)).arrayBuffer();
      worstHealth = Math.max(worstHealth, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const t0 = performance.now();
  const res = await fetch(`${url}/plans/lianyun-2022-2025/tasks`, {
    method: 'PUT',
    headers: { 'Content-Type': XLSX, Authorization: `Bearer ${office}` },
    body: file,
  });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  running = false;
  await prober;
  clearInterval(sampler);
  peak = Math.max(peak, rssMiB(pid));
  return { status: res.status, ms, growthMiB: peak - before, worstHealthMs: worstHealth };
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/apps/api/src/main.js'))) throw new Error('run `npm run build` first');
  const load = loadavg().map((l) => round(l, 2));
  const files: Record<string, Buffer> = {
    bomb: await bombSheet(),
    forgedBomb: await bombSheet({ forged: true }),
    farRow: farRowSheet(),
    farRowNoDimension: farRowSheet(false),
    lastRow: lastRowSheet(),
    lastRowNoDimension: lastRowSheet(false),
    manyRows: manyRowsSheet(),
    manyRowsNoDimension: manyRowsSheet(30_000, false),
    notZip: notZip(),
  };
  const { api, url } = await start();
  try {
    const office = await token(url, 'office', PASSWORD);
    const idleHealth: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await (await fetch(`${url}/health`)).arrayBuffer();
      idleHealth.push(performance.now() - t0);
    }
    const uploads: Record<string, { status: number; ms: number; growthMiB: number; worstHealthMs: number }> = {};
    for (const [name, file] of Object.entries(files)) {
      const runs = [];
      for (let i = 0; i < ROUNDS; i++) runs.push(await upload(url, api.pid!, office, file));
      uploads[name] = {
        status: runs[0]!.status,
        ms: round(Math.max(...runs.map((r) => r.ms))),
        growthMiB: round(Math.max(...runs.map((r) => r.growthMiB))),
        worstHealthMs: round(Math.max(...runs.map((r) => r.worstHealthMs))),
      };
      const u = uploads[name]!;
      console.log(
        `${name.padEnd(20)} ${(file.length / 1024).toFixed(0).padStart(6)} KB → ${u.status} in ≤ ${u.ms} ms, RSS +${u.growthMiB} MiB, /health ≤ ${u.worstHealthMs} ms`,
      );
    }
    const deep = `{"username":${'['.repeat(3000)}${']'.repeat(3000)},"password":"x"}`;
    const deepTimes: number[] = [];
    let deepStatus = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const res = await post(url, '/auth/login', deep);
      await res.arrayBuffer();
      deepStatus = res.status;
      deepTimes.push(performance.now() - t0);
    }
    const logins: Record<string, number[]> = { unknown: [], wrong: [], disabled: [] };
    for (let i = 0; i < 10; i++) {
      for (const [kind, body] of [
        ['unknown', { username: 'nobody.here', password: PASSWORD }],
        ['wrong', { username: 'office', password: 'Wrong-password-1' }],
        ['disabled', { username: 'gone', password: PASSWORD }],
      ] as const) {
        const t0 = performance.now();
        await (await post(url, '/auth/login', body)).arrayBuffer();
        logins[kind]!.push(performance.now() - t0);
      }
    }
    const loginMedians = Object.fromEntries(Object.entries(logins).map(([k, v]) => [k, round(median(v))]));
    const values = Object.values(loginMedians);
    const figures = {
      machine: machineInfo(),
      loadAverage: load,
      uploads,
      uploadMaxMs: round(Math.max(...Object.values(uploads).map((u) => u.ms))),
      rssGrowthMaxMiB: round(Math.max(...Object.values(uploads).map((u) => u.growthMiB))),
      healthWorstMs: round(Math.max(...Object.values(uploads).map((u) => u.worstHealthMs))),
      idleHealthP50Ms: round(median(idleHealth)),
      deepJsonStatus: deepStatus,
      deepJsonP50Ms: round(median(deepTimes)),
      loginMediansMs: loginMedians,
      loginSpread: round(Math.max(...values) / Math.min(...values), 2),
    };
    console.log(
      `deep JSON → ${deepStatus} in ${figures.deepJsonP50Ms} ms; login medians ${JSON.stringify(loginMedians)} (spread ${figures.loginSpread}); idle /health p50 ${figures.idleHealthP50Ms} ms; load ${load.join(' ')}`,
    );
    const targets = { uploadMaxMs: '< 2000', rssGrowthMaxMiB: '< 100', healthWorstMs: '< 100', loginSpread: '< 1.5' };
    const meetsTargets =
      figures.uploadMaxMs < 2000 &&
      figures.rssGrowthMaxMiB < 100 &&
      figures.healthWorstMs < 100 &&
      figures.loginSpread < 1.5;
    console.log(JSON.stringify({ ...figures, targets, meetsTargets }));
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    dir.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  dir.remove();
  process.exit(1);
});
