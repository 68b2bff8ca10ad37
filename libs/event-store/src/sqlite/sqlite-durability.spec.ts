import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from './sqlite-event-store';

const ACKS_BEFORE_KILL = 3000;

/** Runs the child until it has acknowledged `acks` appends, then SIGKILLs it mid-load. */
function appendThenKill(file: string, acks: number): Promise<Array<[string, bigint, bigint]>> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, '../testing/durability-child.ts'), file],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' } },
  );
  const acked: Array<[string, bigint, bigint]> = [];
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [stream, revision, position] = line.split(' ');
        acked.push([stream, BigInt(revision), BigInt(position)]);
      }
      if (acked.length >= acks && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`child exited on its own (${signal ?? _code})`)),
    );
  });
}

describe('SQLite durability under SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zw-durable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append, in order, and the file opens cleanly', async () => {
    const file = join(dir, 'events.db');
    const acked = await appendThenKill(file, ACKS_BEFORE_KILL);
    expect(acked.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const db = new Database(file, { readonly: false });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const store = new SqliteEventStore({ filename: file });
    const byStream = new Map<string, bigint[]>();
    for (const [stream, revision, position] of acked) {
      const stored = await store.readStream(stream, revision);
      expect(stored[0]).toMatchObject({ revision, position });
      byStream.set(stream, [...(byStream.get(stream) ?? []), revision]);
    }
    // Each stream holds contiguous revisions from 0: nothing lost before an acknowledged one.
    for (const stream of byStream.keys()) {
      const revisions = (await store.readStream(stream)).map((e) => e.revision);
      expect(revisions).toEqual(revisions.map((_, i) => BigInt(i)));
    }
    const all = await store.readAll(0n, 1_000_000);
    for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
    await store.close();
  }, 60_000);
});
