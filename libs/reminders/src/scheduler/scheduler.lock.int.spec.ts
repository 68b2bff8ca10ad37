import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchedulerLock } from './scheduler.lock';

/** A child process that takes the lock of `dir`, prints `held` or `busy`, then waits to be killed. */
function holder(dir: string) {
  const script = `
    const { SchedulerLock } = require(${JSON.stringify(join(__dirname, 'scheduler.lock.ts'))});
    const lock = SchedulerLock.tryAcquire(${JSON.stringify(dir)});
    process.stdout.write(lock ? 'held\\n' : 'busy\\n');
    setInterval(() => undefined, 1 << 30);`;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const said = new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { child, said, exited };
}

describe('scheduler lock on DATA_DIR (real SQLite lock file, real processes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zw-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given one holder, a second (same process) is refused until the first releases', () => {
    const first = SchedulerLock.tryAcquire(dir);
    expect(first).toBeDefined();
    expect(SchedulerLock.tryAcquire(dir)).toBeUndefined();
    first!.release();
    const again = SchedulerLock.tryAcquire(dir);
    expect(again).toBeDefined();
    again!.release();
  });

  it('given another process holds it, then it is refused; when that process is SIGKILLed, then it is free at once', async () => {
    const other = holder(dir);
    try {
      expect(await other.said).toBe('held');
      expect(SchedulerLock.tryAcquire(dir)).toBeUndefined();
    } finally {
      other.child.kill('SIGKILL');
      await other.exited;
    }
    const mine = SchedulerLock.tryAcquire(dir);
    expect(mine).toBeDefined();
    const refused = holder(dir);
    try {
      expect(await refused.said).toBe('busy');
    } finally {
      refused.child.kill('SIGKILL');
      await refused.exited;
      mine!.release();
    }
  }, 60_000);
});
