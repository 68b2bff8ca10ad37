import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Calls `op` (synchronous) until `ms` elapsed; returns operations per second. */
export function syncRate(ms: number, op: (i: number) => void): number {
  const start = performance.now();
  const end = start + ms;
  let n = 0;
  while (performance.now() < end) op(n++);
  return (n * 1000) / (performance.now() - start);
}

/**
 * `writers` concurrent loops, each awaiting its own `op` until `ms` elapsed; returns
 * completed operations per second, over the time until the last in-flight op settled.
 */
export async function concurrentRate(
  ms: number,
  writers: number,
  op: (writer: number, i: number) => Promise<unknown>,
): Promise<number> {
  const start = performance.now();
  const end = start + ms;
  let done = 0;
  const loop = async (w: number) => {
    for (let i = 0; performance.now() < end; i++) {
      await op(w, i);
      done++;
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => loop(w)));
  return (done * 1000) / (performance.now() - start);
}

/** A fresh directory under the OS temp dir (or $BENCH_DIR), removed by `remove()`. */
export function tempDir(prefix: string): { path: string; file: (name: string) => string; remove: () => void } {
  const path = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), prefix));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  betterSqlite3: string;
  sqlite: string;
  date: string;
}

export function machineInfo(): MachineInfo {
  const cpuList = cpus();
  const pkg = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')) as { version: string };
  const mem = new Database(':memory:');
  const sqlite = mem.prepare('SELECT sqlite_version()').pluck().get() as string;
  mem.close();
  return {
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    betterSqlite3: pkg.version,
    sqlite,
    date: new Date().toISOString(),
  };
}

/** 12345.6 -> "12,346"; ratios keep their decimals. */
export function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}

export const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;
