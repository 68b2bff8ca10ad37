import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Real processes for the deployment e2e tests: the api, the worker and the CLIs started the way
 * production starts them (ts-node instead of the compiled output), each with its own environment.
 */
const ROOT = join(__dirname, '..', '..');
const NODE_ARGS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

export interface Started {
  readonly child: ChildProcess;
  readonly exited: Promise<number | string | null>;
  output(): string;
}

export function startProcess(entry: string, env: Record<string, string>, args: string[] = []): Started {
  const child = spawn(process.execPath, [...NODE_ARGS, entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, exited, output: () => output };
}

/** Runs a CLI to its end; resolves with its exit code and everything it printed. */
export async function runCli(entry: string, env: Record<string, string>, args: string[] = []) {
  const run = startProcess(entry, env, args);
  const code = await run.exited;
  return { code, output: run.output() };
}

export async function stopProcess(started: Started): Promise<void> {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill('SIGTERM');
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 20_000);
  await started.exited;
  clearTimeout(timer);
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

/** Polls `probe` until it gives a value; fails with `what` (and the processes' output) when it never does. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
