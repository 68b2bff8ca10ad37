import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { EventStore } from '../event-store.port';

export type Ack = [stream: string, revision: bigint, position: bigint];

/** Runs the child until it has acknowledged `acks` appends, then SIGKILLs it mid-load. */
export function appendThenKill(target: string, acks: number): Promise<Ack[]> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'durability-child.ts'), target],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' } },
  );
  const acked: Ack[] = [];
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

/**
 * Every acknowledged append is stored where it was acknowledged; every stream holds contiguous
 * revisions from 0 and only whole appends (two events each); the log reads in position order.
 */
export async function expectAcknowledgedAppendsKept(store: EventStore, acked: readonly Ack[]): Promise<void> {
  const streams = new Set<string>();
  for (const [stream, revision, position] of acked) {
    const stored = await store.readStream(stream, revision);
    expect(stored[0]).toMatchObject({ revision, position });
    streams.add(stream);
  }
  for (const stream of streams) {
    const revisions = (await store.readStream(stream)).map((e) => e.revision);
    expect(revisions).toEqual(revisions.map((_, i) => BigInt(i)));
    expect(revisions.length % 2).toBe(0);
  }
  const all = await store.readAll(0n, 1_000_000);
  for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
}
