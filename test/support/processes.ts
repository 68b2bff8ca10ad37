import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Real processes for the deployment e2e tests (and the browser suites' api): the api, the worker
 * and the CLIs started the way production starts them (ts-node instead of the compiled output),
 * each with its own environment.
 */
export const ROOT = join(__dirname, '..', '..');
const NODE_ARGS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

/**
 * How long a condition may take to become true before a test fails. Only a failing test waits
 * this long: ts-node processes starting beside other CPU-heavy work on 2 cores can take minutes.
 */
export const GENEROUS_MS = 300_000;

export interface Started {
  readonly child: ChildProcess;
  readonly exited: Promise<number | string | null>;
  output(): string;
  /** Resolves once the output matches; rejects (with the output) if the process ends without it. */
  waitFor(pattern: RegExp): Promise<void>;
}

const running = new Set<Started>();

export function startProcess(entry: string, env: Record<string, string>, args: string[] = []): Started {
  const child = spawn(process.execPath, [...NODE_ARGS, entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (d: Buffer) => {
    output += d.toString();
    for (const listener of [...listeners]) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => pattern.test(output) && (listeners.delete(check), resolve());
      listeners.add(check);
      check();
      void exited.then(() => {
        listeners.delete(check);
        if (pattern.test(output)) resolve();
        else reject(new Error(`exited before printing ${String(pattern)}:\n${output}`));
      });
    });
  const started: Started = { child, exited, output: () => output, waitFor };
  running.add(started);
  void exited.then(() => running.delete(started));
  return started;
}

/** Runs a CLI to its end; resolves with its exit code and everything it printed. */
export async function runCli(entry: string, env: Record<string, string>, args: string[] = []) {
  const run = startProcess(entry, env, args);
  const code = await run.exited;
  return { code, output: run.output() };
}

/** SIGTERM (a graceful stop), SIGKILL if it has not ended after a generous wait. */
export async function stopProcess(started: Started): Promise<void> {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill('SIGTERM');
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 60_000);
  await started.exited;
  clearTimeout(timer);
}

/** Stops every process this file started that still runs: for afterAll, also after a failed test. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopProcess));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it gives a value (a throwing probe counts as "not yet"); fails naming `what` when it never does. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = GENEROUS_MS): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
