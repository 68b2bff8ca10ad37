/**
 * Event store benchmark (`npm run bench:store`): the SQLite adapter against raw
 * better-sqlite3 on the same disk, same schema shape, same pragmas (WAL, synchronous=FULL);
 * then the PostgreSQL adapter against Emmett's PostgreSQL event store (store.postgres.ts).
 * Prints human-readable lines, then ONE JSON line (the last line) with every figure.
 * It measures; it asserts nothing. Knobs: BENCH_SECONDS (default 3), BENCH_EVENTS
 * (default 200000), BENCH_DIR (parent of the temp dir, default the OS temp dir).
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@zw/event-store';
import { testEvent } from '../libs/event-store/src/testing/event-store.contract';
import { concurrentRate, fmt, machineInfo, median, round, syncRate, tempDir } from './bench-util';
import { postgresFigures } from './store.postgres';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const WARMUP_MS = 500;
const REPEATS = 3;
const READ_REPEATS = 9;
const WRITERS = 64;
const PREFILL = Number(process.env.BENCH_EVENTS ?? 200_000);
const PAGE = 1000;
const TARGETS = {
  groupCommitSpeedup: 3,
  readAllVsRaw: 0.8,
  pgAppendsVsEmmett: 1,
  pgReadAllVsEmmett: 1,
  pgLateCommitCost: 0.2,
} as const;

/** Same columns, keys and unique constraints as the adapter's `events` table (sqlite.schema.ts). */
const RAW_DDL = `CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL, UNIQUE (stream_id, revision))`;
const INSERT =
  'INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
const READ_PAGE = `SELECT position, id, stream_id, revision, type, data, metadata, recorded_at
  FROM events WHERE position > ? ORDER BY position LIMIT ?`;
type Row = [number, string, string, number, string, string | unknown, string | unknown, string];

const dir = tempDir('zw-bench-store-');
let fileNo = 0;
const freshFile = () => dir.file(`events-${++fileNo}.db`);

function openRaw(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(RAW_DDL);
  return db;
}

/** The row a realistic append writes: a `testEvent` serialised the way the adapter does it. */
function eventRow(n: number, streamId: string, revision: number): unknown[] {
  const e = testEvent(n);
  return [
    randomUUID(),
    streamId,
    revision,
    e.type,
    JSON.stringify(e.data),
    JSON.stringify(e.metadata),
    new Date().toISOString(),
  ];
}

/** (1) One INSERT per autocommit transaction: one WAL fsync per row, nothing else. */
function rawTxRate(): number {
  const db = openRaw(freshFile());
  const insert = db.prepare(INSERT);
  let n = 0;
  const op = () => insert.run(...eventRow(n, `raw-${n++}`, 0));
  syncRate(WARMUP_MS, op);
  const rate = syncRate(SECONDS * 1000, op);
  db.close();
  return rate;
}

/** (2)/(3) `writers` callers, each awaiting single-event `no_stream` appends to distinct streams. */
async function adapterAppendRate(writers: number): Promise<number> {
  const store = new SqliteEventStore({ filename: freshFile(), synchronous: 'FULL' });
  let n = 0;
  const op = (w: number, i: number) => store.append(`task-${w}-${i}-${n++}`, [testEvent(n)], 'no_stream');
  await concurrentRate(WARMUP_MS, writers, op);
  const rate = await concurrentRate(SECONDS * 1000, writers, op);
  await store.close();
  return rate;
}

/** Fills a file with `count` events in one transaction, through the adapter's own schema. */
async function prefill(file: string, count: number): Promise<void> {
  await new SqliteEventStore({ filename: file }).close();
  const db = openRaw(file);
  const insert = db.prepare(INSERT);
  const streams = 10_000;
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(...eventRow(i, `task-${i % streams}`, Math.floor(i / streams)));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** (5) Pages through every row by `position > ? LIMIT 1000`, parsing data and metadata. */
function rawReadAll(db: Database.Database): number {
  const page = db.prepare(READ_PAGE).raw();
  let after = 0;
  let n = 0;
  for (;;) {
    const rows = page.all(after, PAGE) as Row[];
    if (rows.length === 0) return n;
    for (const r of rows) {
      r[5] = JSON.parse(r[5] as string);
      r[6] = JSON.parse(r[6] as string);
    }
    n += rows.length;
    after = rows[rows.length - 1]![0];
  }
}

/** (6) The same walk through `readAll`, as a catch-up subscriber would do it. */
async function adapterReadAll(store: SqliteEventStore): Promise<number> {
  let after = 0n;
  let n = 0;
  for (;;) {
    const events = await store.readAll(after, PAGE);
    if (events.length === 0) return n;
    n += events.length;
    after = events[events.length - 1]!.position;
  }
}

/** Times `pass` (which returns how many events it read); returns events per second. */
async function readRate(pass: () => number | Promise<number>): Promise<number> {
  // A full collection first, so neither case pays for the garbage of the pass before it.
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  const n = await pass();
  if (n !== PREFILL) throw new Error(`read ${n} events, expected ${PREFILL}`);
  return (n * 1000) / (performance.now() - start);
}

/**
 * Runs every case once per repetition, rotating their order so that drift on the machine
 * (thermal, neighbours, page cache) does not favour one case; prints and returns medians.
 */
async function interleaved<K extends string>(
  cases: Record<K, () => number | Promise<number>>,
  repeats = REPEATS,
): Promise<{ medians: Record<K, number>; samples: Record<K, number[]> }> {
  const names = Object.keys(cases) as K[];
  const samples = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let rep = 0; rep < repeats; rep++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(j + rep) % names.length]!;
      samples[name].push(await cases[name]());
    }
  }
  const medians = {} as Record<K, number>;
  for (const name of names) {
    medians[name] = median(samples[name]);
    console.log(
      `  ${name.padEnd(30)} median ${fmt(medians[name]).padStart(9)} /s   runs: ${samples[name].map(fmt).join(', ')}`,
    );
  }
  return { medians, samples };
}

async function main(): Promise<void> {
  const m = machineInfo();
  console.log('Event store benchmark (npm run bench:store)');
  console.log(`  machine        ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM`);
  console.log(`  runtime        node ${m.node}, better-sqlite3 ${m.betterSqlite3}, SQLite ${m.sqlite}`);
  console.log(`  date           ${m.date}`);
  console.log(`  files          ${dir.path} (WAL, synchronous=FULL, raw and adapter alike)`);
  console.log(
    `  method         ${WARMUP_MS} ms warm-up + ${SECONDS} s per write run, fresh file per run; median of ${REPEATS}`,
  );

  console.log('Durable appends (single-event transactions / appends per second):');
  const { medians: w } = await interleaved({
    rawTxPerSec: rawTxRate,
    adapterAppendsPerSec1Writer: () => adapterAppendRate(1),
    adapterAppendsPerSec64Writers: () => adapterAppendRate(WRITERS),
  });

  console.log(
    `Read all (${PREFILL.toLocaleString('en-US')} events prefilled in one transaction, pages of ${PAGE}; events per second):`,
  );
  const file = freshFile();
  await prefill(file, PREFILL);
  const raw = openRaw(file);
  const store = new SqliteEventStore({ filename: file, synchronous: 'FULL' });
  await readRate(() => rawReadAll(raw)); // warm-up: JIT and OS page cache
  await readRate(() => adapterReadAll(store));
  // Reads are short and noisy on a shared machine: more repetitions, and the ratio is the
  // median of the ratios of adjacent (raw, adapter) pairs, so drift hits both sides of each.
  const { medians: r, samples: rs } = await interleaved(
    {
      rawReadAllEventsPerSec: () => readRate(() => rawReadAll(raw)),
      readAllEventsPerSec: () => readRate(() => adapterReadAll(store)),
    },
    READ_REPEATS,
  );
  const readRatio = median(rs.readAllEventsPerSec.map((v, i) => v / rs.rawReadAllEventsPerSec[i]!));
  raw.close();
  await store.close();

  const pg = await postgresFigures(interleaved, SECONDS, WARMUP_MS);

  const figures = {
    rawTxPerSec: round(w.rawTxPerSec),
    adapterAppendsPerSec1Writer: round(w.adapterAppendsPerSec1Writer),
    adapterAppendsPerSec64Writers: round(w.adapterAppendsPerSec64Writers),
    groupCommitSpeedup: round(w.adapterAppendsPerSec64Writers / w.rawTxPerSec, 2),
    rawReadAllEventsPerSec: round(r.rawReadAllEventsPerSec),
    readAllEventsPerSec: round(r.readAllEventsPerSec),
    readAllVsRaw: round(readRatio, 3),
    pgAppendsPerSec64Writers: round(pg.oursAppendsPerSec64Writers),
    emmettAppendsPerSec64Writers: round(pg.emmettAppendsPerSec64Writers),
    pgAppendsVsEmmett: round(pg.appendsVsEmmett, 2),
    pgReadAllEventsPerSec: round(pg.oursReadAllEventsPerSec),
    emmettReadAllEventsPerSec: round(pg.emmettReadAllEventsPerSec),
    pgReadAllVsEmmett: round(pg.readAllVsEmmett, 2),
    pgLateFreeAppendsPerSec: round(pg.lateFreeAppendsPerSec),
    pgLateHeldAppendsPerSec: round(pg.lateHeldAppendsPerSec),
    pgLateCommitCost: round(pg.lateCommitCost, 3),
  };
  const meetsTargets = {
    groupCommitSpeedup: figures.groupCommitSpeedup >= TARGETS.groupCommitSpeedup,
    readAllVsRaw: figures.readAllVsRaw >= TARGETS.readAllVsRaw,
    pgAppendsVsEmmett: figures.pgAppendsVsEmmett >= TARGETS.pgAppendsVsEmmett,
    pgReadAllVsEmmett: figures.pgReadAllVsEmmett >= TARGETS.pgReadAllVsEmmett,
    pgLateCommitCost: figures.pgLateCommitCost < TARGETS.pgLateCommitCost,
  };
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log('Summary:');
  console.log(
    `  groupCommitSpeedup  ${figures.groupCommitSpeedup}  (64 writers / raw floor; target >= 3: ${verdict(meetsTargets.groupCommitSpeedup)})`,
  );
  console.log(
    `  readAllVsRaw        ${figures.readAllVsRaw}  (median of paired readAll / raw read ratios; target >= 0.8: ${verdict(meetsTargets.readAllVsRaw)})`,
  );
  console.log(
    `  pgAppendsVsEmmett   ${figures.pgAppendsVsEmmett}  (PostgreSQL, 64 writers, paired ratios; target >= 1.0: ${verdict(meetsTargets.pgAppendsVsEmmett)})`,
  );
  console.log(
    `  pgReadAllVsEmmett   ${figures.pgReadAllVsEmmett}  (PostgreSQL readAll, paired ratios; target >= 1.0: ${verdict(meetsTargets.pgReadAllVsEmmett)})`,
  );
  console.log(
    `  pgLateCommitCost    ${figures.pgLateCommitCost}  (appends lost while a transaction stays open; target < 0.2: ${verdict(meetsTargets.pgLateCommitCost)})`,
  );
  console.log(
    JSON.stringify({
      ...figures,
      subscriberDeliveredOnce: pg.subscriberDeliveredOnce,
      targets: {
        groupCommitSpeedup: '>= 3',
        readAllVsRaw: '>= 0.8',
        pgAppendsVsEmmett: '>= 1.0',
        pgReadAllVsEmmett: '>= 1.0',
        pgLateCommitCost: '< 0.2',
      },
      meetsTargets,
    }),
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => dir.remove());
