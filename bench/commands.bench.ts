/**
 * npm run bench:commands — task commands over HTTP on the embedded default (SQLite file,
 * synchronous=FULL), 64 concurrent connections, against the same server's no-op route.
 *
 * The server is the real api (apps/api/src/main.ts) in a child process, on a fresh data
 * folder, with the clock at 2023-03-01 and the Lianyun plan imported, all 34 tasks assigned
 * and acknowledged. The mix is what departments do most: progress reports (进展报送) by
 * lead (80%) and cooperating (20%) departments on random tasks; each is validated, decided
 * on the task's state and appended durably.
 *
 * Access control is in the path: the first admin comes from `npm run users -- bootstrap`, the
 * office and one account per department are created through POST /users and log in through
 * POST /auth/login, so every request carries a bearer token the guard verifies (JWT, account
 * stream, policy table, task departments) as in production.
 *
 * Two ways to load it: closed loop (autocannon, 64 connections each waiting for its answer:
 * capacity, `commandsVsNoop`) and open loop (bench/open-loop.ts: a fixed arrival rate, evenly
 * spaced, latency from each request's scheduled time: what a user feels below saturation).
 * BENCH_SECONDS (closed), BENCH_OPEN_RATE and BENCH_OPEN_SECONDS (open) shorten a smoke run.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, machineInfo, round, tempDir } from './bench-util';
import { openLoop } from './open-loop';

const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TARGETS = { commandsVsNoop: 0.4, openLoopP99Ms: 25 };
const OPEN_RATE = Number(process.env.BENCH_OPEN_RATE ?? 200);
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 20);
const ROOT = join(__dirname, '..');
const dir = tempDir('zw-bench-commands-');

type Headers = Record<string, string>;
// The server and the users CLI share the data folder and the production configuration. The
// throttle is raised because every account logs in from this one address.
const ENV = {
  ...process.env,
  DATA_DIR: dir.path,
  CLOCK_START: '2023-03-01T09:00:00+08:00',
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(48).toString('base64url'),
  LOGIN_THROTTLE_LIMIT: '100000',
};
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
/** Extra node flags for the api process, e.g. `--trace-gc` or `--cpu-prof` when looking for a stall. */
const SERVER_FLAGS = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];

/** The first admin, as an operator makes it: the bootstrap command prints its one-time password. */
function bootstrapAdmin(): string {
  const cli = spawnSync(process.execPath, [...TS_NODE, 'apps/api/src/auth/users.cli.ts', 'bootstrap'], {
    cwd: ROOT,
    env: ENV,
    encoding: 'utf8',
  });
  const password = /One-time password[^:]*: (\S+)/.exec(cli.stdout)?.[1];
  if (cli.status !== 0 || !password) throw new Error(`users bootstrap failed:\n${cli.stdout}${cli.stderr}`);
  return password;
}

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  // Logs go to a file, as in production: a pipe that the load generator (busy in this same
  // process) drains late would block pino's synchronous writes and time the pipe, not the server.
  const logFile = dir.file('api.log');
  const log = openSync(logFile, 'w');
  // The compiled build, as `npm start` and the image run it: under ts-node the server's heap also
  // holds the TypeScript compiler (live heap ≈ 90 MB against ≈ 55 MB), which every major GC marks.
  const child = spawn(process.execPath, [...SERVER_FLAGS, 'dist/apps/api/src/main.js', '--seed-plan'], {
    cwd: ROOT,
    env: { ...ENV, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
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

async function call(url: string, method: string, path: string, headers: Headers, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return res.status === 204 ? {} : (res.json() as Promise<Record<string, unknown>>);
}

async function login(url: string, username: string, password: string): Promise<Headers> {
  const answer = (await call(url, 'POST', '/auth/login', {}, { username, password })) as {
    accessToken: string;
    user: { mustChangePassword: boolean };
  };
  const headers = { authorization: `Bearer ${answer.accessToken}` };
  if (!answer.user.mustChangePassword) return headers;
  // A password someone else set opens only the password change (the bench keeps the same one).
  await call(url, 'POST', '/auth/password', headers, { currentPassword: password, newPassword: password });
  return login(url, username, password);
}

/** Accounts made through the admin API (temporary password in the answer), logged in once each. */
function accounts(url: string, admin: Headers) {
  const made = new Map<string, Promise<Headers>>();
  const account = (username: string, role: string, department?: string): Promise<Headers> => {
    if (!made.has(username)) {
      made.set(
        username,
        (async () => {
          const user = { username, displayName: department ?? role, role, ...(department ? { department } : {}) };
          const { temporaryPassword } = (await call(url, 'POST', '/users', admin, user)) as {
            temporaryPassword: string;
          };
          return login(url, username, temporaryPassword);
        })(),
      );
    }
    return made.get(username)!;
  };
  const departments: string[] = [];
  const dept = (name: string) => {
    if (!departments.includes(name)) departments.push(name);
    return account(`bench-dept-${departments.indexOf(name) + 1}`, 'department', name);
  };
  return { office: () => account('bench-office', 'office'), dept };
}

interface Ready {
  code: string;
  lead: Headers;
  cooperating: Headers[];
}

/** Assigns and acknowledges every task; returns whose token may report progress on which task. */
async function prepare(url: string, as: ReturnType<typeof accounts>): Promise<Ready[]> {
  const office = await as.office();
  const tasks = (await call(url, 'GET', '/plans/lianyun-2022-2025/tasks', office)) as unknown as Array<{
    code: string;
  }>;
  const ready = [];
  for (const { code } of tasks) {
    await call(url, 'POST', `/tasks/${code}/assignment`, office, {});
    const view = (await call(url, 'GET', `/tasks/${code}`, office)) as {
      departments: Array<{ name: string; role: string }>;
    };
    for (const d of view.departments) await call(url, 'POST', `/tasks/${code}/acknowledgements`, await as.dept(d.name));
    const lead = await as.dept(view.departments.find((d) => d.role === 'lead')!.name);
    const cooperating = await Promise.all(
      view.departments.filter((d) => d.role === 'cooperating').map((d) => as.dept(d.name)),
    );
    ready.push({ code, lead, cooperating });
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
  console.log(
    `  method    ${CONNECTIONS} connections, ${SECONDS} s per run after a 2 s warm-up; server and load generator share the machine`,
  );
  const adminPassword = bootstrapAdmin();
  const server = await startServer();
  try {
    const tasks = await prepare(server.url, accounts(server.url, await login(server.url, 'admin', adminPassword)));
    let n = 0;
    const nextCommand = () => {
      const task = tasks[Math.floor(Math.random() * tasks.length)]!;
      const byCooperating = task.cooperating.length > 0 && Math.random() < 0.2;
      const token = byCooperating ? task.cooperating[0]! : task.lead;
      n++;
      return {
        method: 'POST' as const,
        path: `/tasks/${task.code}/progress-reports`,
        headers: { ...token, 'content-type': 'application/json' },
        body: JSON.stringify({
          percent: n % 101,
          text: `第${n}次进展：已完成阶段性工作`,
          difficulties: '无',
          nextSteps: '继续推进',
        }),
      };
    };
    const commandRequest = (req: autocannon.Request) => ({ ...req, ...nextCommand() });
    const noopOpts = { url: `${server.url}/health`, connections: CONNECTIONS };
    const cmdOpts = { url: server.url, connections: CONNECTIONS, requests: [{ setupRequest: commandRequest }] };
    await run({ ...noopOpts, duration: 2 });
    await run({ ...cmdOpts, duration: 2 });
    const noop = await run({ ...noopOpts, duration: SECONDS });
    const cmd = await run({ ...cmdOpts, duration: SECONDS });
    // Below saturation: a steady arrival rate well under capacity, evenly spaced. The generator
    // shares this process with autocannon's results: collected first, so that a collection of
    // the generator's own does not delay its sends (a server stall still shows in full).
    global.gc?.();
    const open = await openLoop(server.url, OPEN_RATE, OPEN_SECONDS, nextCommand);
    const figures = {
      noopRequestsPerSec: round(noop.requests.average),
      noopP99Ms: noop.latency.p99,
      commandsPerSec: round(cmd.requests.average),
      commandP50Ms: cmd.latency.p50,
      commandP99Ms: cmd.latency.p99,
      commandNon2xx: cmd.non2xx,
      commandErrors: cmd.errors + cmd.timeouts,
      commandsVsNoop: round(cmd.requests.average / noop.requests.average, 3),
      openLoopRatePerSec: OPEN_RATE,
      openLoopSeconds: OPEN_SECONDS,
      openLoopP50Ms: open.p50Ms,
      openLoopP99Ms: open.p99Ms,
      openLoopMaxMs: open.maxMs,
      openLoopNon2xx: open.non2xx,
      openLoopErrors: open.errors,
      openLoopMaxSendLagMs: open.maxSendLagMs,
      ...(open.firstError ? { openLoopFirstError: open.firstError } : {}),
    };
    const meetsTargets = {
      commandsVsNoop: figures.commandsVsNoop >= TARGETS.commandsVsNoop,
      openLoopP99Ms: figures.openLoopP99Ms < TARGETS.openLoopP99Ms,
    };
    console.log(`  no-op     GET /health   ${fmt(figures.noopRequestsPerSec)} req/s, p99 ${figures.noopP99Ms} ms`);
    console.log(
      `  commands  progress mix  ${fmt(figures.commandsPerSec)} cmd/s, p50 ${figures.commandP50Ms} ms, p99 ${figures.commandP99Ms} ms, non-2xx ${figures.commandNon2xx}`,
    );
    console.log(
      `  open loop ${OPEN_RATE} cmd/s for ${OPEN_SECONDS} s, evenly spaced  p50 ${open.p50Ms} ms, p99 ${open.p99Ms} ms, max ${open.maxMs} ms, non-2xx ${open.non2xx}, errors ${open.errors}${open.firstError ? ` (first: ${open.firstError})` : ''} (generator lag max ${open.maxSendLagMs} ms)`,
    );
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `  commandsVsNoop ${figures.commandsVsNoop} (target >= 0.4: ${met(meetsTargets.commandsVsNoop)}); open-loop p99 ${figures.openLoopP99Ms} ms (target < 25: ${met(meetsTargets.openLoopP99Ms)})`,
    );
    console.log(
      JSON.stringify({ ...figures, targets: { commandsVsNoop: '>= 0.4', openLoopP99Ms: '< 25' }, meetsTargets }),
    );
  } finally {
    await server.stop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  // BENCH_KEEP=1 keeps the data folder and the api's log (say, for a --trace-gc run).
  .finally(() => (process.env.BENCH_KEEP ? console.error(`kept ${dir.path}`) : dir.remove()));
