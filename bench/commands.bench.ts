/**
 * npm run bench:commands — task commands over HTTP on the embedded default (SQLite file,
 * synchronous=FULL), 64 concurrent connections, against the same server's no-op route.
 *
 * The server is the real api (apps/api/src/main.ts) in a child process, on a fresh data
 * folder, with the clock at 2023-03-01 and the Lianyun plan imported, all 34 tasks assigned
 * and acknowledged. The mix is what departments do most: progress reports (进展报送) by
 * lead (80%) and cooperating (20%) departments on random tasks; each is validated, decided
 * on the task's state and appended durably.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, machineInfo, round, tempDir } from './bench-util';

const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TARGETS = { commandsVsNoop: 0.4, commandP99Ms: 25 };
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 200);
const ROOT = join(__dirname, '..');
const dir = tempDir('zw-bench-commands-');

const actor = (role: string, department?: string) => ({
  'x-actor-id': encodeURIComponent(`bench-${department ?? role}`),
  'x-actor-role': role,
  ...(department ? { 'x-actor-department': encodeURIComponent(department) } : {}),
  'content-type': 'application/json',
});
const office = actor('office', '无废办');

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  // Logs go to a file, as in production: a pipe that the load generator (busy in this same
  // process) drains late would block pino's synchronous writes and time the pipe, not the server.
  const logFile = dir.file('api.log');
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts', '--seed-plan'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, CLOCK_START: '2023-03-01T09:00:00+08:00', LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', log, 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  for (;;) {
    const m = /listening on (http:\/\/[\d.:]+)/.exec(readFileSync(logFile, 'utf8'));
    if (m) break;
    if (exited) throw new Error(`server exited:\n${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = /listening on (http:\/\/[\d.:]+)/.exec(readFileSync(logFile, 'utf8'))![1]!;
  return {
    url,
    stop: () => new Promise((resolve) => (child.on('exit', () => (closeSync(log), resolve())), child.kill('SIGTERM'))),
  };
}

async function call(url: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/** Assigns and acknowledges every task; returns who may report progress on which task. */
async function prepare(url: string): Promise<Array<{ code: string; lead: string; cooperating: string[] }>> {
  const tasks = (await call(url, 'GET', '/plans/lianyun-2022-2025/tasks', office)) as unknown as Array<{ code: string }>;
  const ready = [];
  for (const { code } of tasks) {
    await call(url, 'POST', `/tasks/${code}/assignment`, office, {});
    const view = (await call(url, 'GET', `/tasks/${code}`, office)) as { departments: Array<{ name: string; role: string }> };
    for (const d of view.departments) await call(url, 'POST', `/tasks/${code}/acknowledgements`, actor('department', d.name));
    const lead = view.departments.find((d) => d.role === 'lead')!.name;
    ready.push({ code, lead, cooperating: view.departments.filter((d) => d.role === 'cooperating').map((d) => d.name) });
  }
  return ready;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}

async function main(): Promise<void> {
  const m = machineInfo();
  console.log('Task commands over HTTP (npm run bench:commands)');
  console.log(`  machine   ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; node ${m.node}; ${m.date}`);
  console.log(`  method    ${CONNECTIONS} connections, ${SECONDS} s per run after a 2 s warm-up; server and load generator share the machine`);
  const server = await startServer();
  try {
    const tasks = await prepare(server.url);
    let n = 0;
    const commandRequest = (req: autocannon.Request) => {
      const task = tasks[Math.floor(Math.random() * tasks.length)]!;
      const byCooperating = task.cooperating.length > 0 && Math.random() < 0.2;
      const department = byCooperating ? task.cooperating[0]! : task.lead;
      n++;
      return {
        ...req,
        method: 'POST' as const,
        path: `/tasks/${task.code}/progress-reports`,
        headers: actor('department', department),
        body: JSON.stringify({ percent: n % 101, text: `第${n}次进展：已完成阶段性工作`, difficulties: '无', nextSteps: '继续推进' }),
      };
    };
    const noopOpts = { url: `${server.url}/health`, connections: CONNECTIONS };
    const cmdOpts = { url: server.url, connections: CONNECTIONS, requests: [{ setupRequest: commandRequest }] };
    await run({ ...noopOpts, duration: 2 });
    await run({ ...cmdOpts, duration: 2 });
    const noop = await run({ ...noopOpts, duration: SECONDS });
    const cmd = await run({ ...cmdOpts, duration: SECONDS });
    // Below saturation: the same 64 connections, a steady offered load well under capacity.
    const paced = await run({ ...cmdOpts, duration: SECONDS, overallRate: PACED_RATE });
    const figures = {
      noopRequestsPerSec: round(noop.requests.average),
      noopP99Ms: noop.latency.p99,
      commandsPerSec: round(cmd.requests.average),
      commandP50Ms: cmd.latency.p50,
      commandP99Ms: cmd.latency.p99,
      commandNon2xx: cmd.non2xx,
      commandErrors: cmd.errors + cmd.timeouts,
      commandsVsNoop: round(cmd.requests.average / noop.requests.average, 3),
      pacedRatePerSec: PACED_RATE,
      pacedCommandP50Ms: paced.latency.p50,
      pacedCommandP99Ms: paced.latency.p99,
      pacedNon2xx: paced.non2xx,
    };
    const meetsTargets = { commandsVsNoop: figures.commandsVsNoop >= TARGETS.commandsVsNoop, commandP99Ms: figures.commandP99Ms < TARGETS.commandP99Ms };
    console.log(`  no-op     GET /health   ${fmt(figures.noopRequestsPerSec)} req/s, p99 ${figures.noopP99Ms} ms`);
    console.log(`  commands  progress mix  ${fmt(figures.commandsPerSec)} cmd/s, p50 ${figures.commandP50Ms} ms, p99 ${figures.commandP99Ms} ms, non-2xx ${figures.commandNon2xx}`);
    console.log(`  paced     ${PACED_RATE} cmd/s offered  p50 ${figures.pacedCommandP50Ms} ms, p99 ${figures.pacedCommandP99Ms} ms, non-2xx ${figures.pacedNon2xx}`);
    console.log(`  commandsVsNoop ${figures.commandsVsNoop} (target >= 0.4: ${meetsTargets.commandsVsNoop ? 'met' : 'NOT met'}); p99 ${figures.commandP99Ms} ms (target < 25: ${meetsTargets.commandP99Ms ? 'met' : 'NOT met'})`);
    console.log(JSON.stringify({ ...figures, targets: { commandsVsNoop: '>= 0.4', commandP99Ms: '< 25' }, meetsTargets }));
  } finally {
    await server.stop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => dir.remove());
