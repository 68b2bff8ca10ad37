/**
 * The PostgreSQL half of `npm run bench:store`: our adapter against Emmett's PostgreSQL event
 * store (@event-driven-io/emmett-postgresql, a dev dependency used only here) as the reference,
 * the same workload on the same database, interleaved. Also what a late-committing transaction
 * costs our appends. Knobs: BENCH_DATABASE_URL (administrative connection, default
 * TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres), BENCH_PG_EVENTS (100000).
 */
import { randomBytes } from 'node:crypto';
import { dumbo } from '@event-driven-io/dumbo';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { Client } from 'pg';
import { PostgresEventStore, type RecordedEvent } from '@zw/event-store';
import { testEvent } from '../libs/event-store/src/testing/event-store.contract';
import { concurrentRate, median } from './bench-util';

const WRITERS = 64;
const PAGE = 1000;
const EVENTS = Number(process.env.BENCH_PG_EVENTS ?? 100_000);
const ADMIN =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Interleave = <K extends string>(
  cases: Record<K, () => number | Promise<number>>,
  repeats?: number,
) => Promise<{ medians: Record<K, number>; samples: Record<K, number[]> }>;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN });
  await client.connect();
  await client.query(sql);
  await client.end();
}

export async function postgresFigures(interleaved: Interleave, seconds: number, warmupMs: number) {
  const name = `zw_bench_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  const ours = new PostgresEventStore({ connectionString: url.toString() });
  const emmett = getPostgreSQLEventStore(url.toString());
  const pool = dumbo({ connectionString: url.toString() });
  try {
    await Promise.all([ours.ping(), emmett.schema.migrate()]);
    const event = (n: number) => {
      const e = testEvent(n);
      return { type: e.type, data: e.data as Record<string, unknown>, metadata: { ...e.metadata } };
    };
    let n = 0;
    const oursAppend = (w: number, i: number) => ours.append(`task-${w}-${i}-${n++}`, [testEvent(n)], 'no_stream');
    const emmettAppend = (w: number, i: number) =>
      emmett.appendToStream(`task-${w}-${i}-${n++}`, [event(n)], { expectedStreamVersion: STREAM_DOES_NOT_EXIST });
    const rate = async (op: (w: number, i: number) => Promise<unknown>) => {
      await concurrentRate(warmupMs, WRITERS, op);
      return concurrentRate(seconds * 1000, WRITERS, op);
    };
    console.log(`PostgreSQL appends, ${WRITERS} concurrent writers, single-event no_stream appends per second:`);
    const { medians: w, samples: ws } = await interleaved({
      oursAppendsPerSec: () => rate(oursAppend),
      emmettAppendsPerSec: () => rate(emmettAppend),
    });

    console.log(`PostgreSQL read all (${EVENTS.toLocaleString('en-US')} events each, pages of ${PAGE}):`);
    for (let s = 0; s * PAGE < EVENTS; s++) {
      const batch = Array.from({ length: Math.min(PAGE, EVENTS - s * PAGE) }, (_, k) => k);
      await ours.append(
        `read-${s}`,
        batch.map((k) => testEvent(k)),
        'no_stream',
      );
      await emmett.appendToStream(`read-${s}`, batch.map(event), { expectedStreamVersion: STREAM_DOES_NOT_EXIST });
    }
    const oursTotal = await countAll(ours);
    const timed = async (pass: () => Promise<number>) => {
      (globalThis as { gc?: () => void }).gc?.();
      const start = performance.now();
      const read = await pass();
      return (read * 1000) / (performance.now() - start);
    };
    const oursRead = () => countAll(ours);
    const emmettRead = async () => {
      let after = 0n;
      let read = 0;
      for (;;) {
        const { messages } = await readMessagesBatch(pool.execute, { after, batchSize: PAGE });
        if (messages.length === 0) return read;
        read += messages.length;
        after = messages[messages.length - 1]!.metadata.globalPosition;
      }
    };
    await Promise.all([timed(oursRead), timed(emmettRead)]); // warm-up
    const { medians: r, samples: rs } = await interleaved(
      { oursReadAllEventsPerSec: () => timed(oursRead), emmettReadAllEventsPerSec: () => timed(emmettRead) },
      5,
    );

    console.log('Late commit: our appends while one transaction stays open (a live subscriber follows the log):');
    const late = await lateCommitCost(ours, url.toString(), interleaved, () => rate(oursAppend));
    return {
      oursAppendsPerSec64Writers: w.oursAppendsPerSec,
      emmettAppendsPerSec64Writers: w.emmettAppendsPerSec,
      appendsVsEmmett: median(ws.oursAppendsPerSec.map((v, i) => v / ws.emmettAppendsPerSec[i]!)),
      oursReadAllEventsPerSec: r.oursReadAllEventsPerSec,
      emmettReadAllEventsPerSec: r.emmettReadAllEventsPerSec,
      readAllVsEmmett: median(rs.oursReadAllEventsPerSec.map((v, i) => v / rs.emmettReadAllEventsPerSec[i]!)),
      readAllEvents: oursTotal,
      ...late,
    };
  } finally {
    await Promise.allSettled([ours.close(), emmett.close(), pool.close()]);
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function countAll(store: PostgresEventStore): Promise<number> {
  let after = 0n;
  let read = 0;
  for (;;) {
    const events: RecordedEvent[] = await store.readAll(after, PAGE);
    if (events.length === 0) return read;
    read += events.length;
    after = events[events.length - 1]!.position;
  }
}

/**
 * Both cases run with a live subscriber; in the `held` case another connection keeps a write
 * transaction open for the whole run, so every reader is held below it (every wake-up re-reads
 * in vain) until it commits. After the commit the subscriber must see every event, once.
 */
async function lateCommitCost(
  store: PostgresEventStore,
  url: string,
  interleaved: Interleave,
  appends: () => Promise<number>,
) {
  let delivered = 0;
  const seen = new Set<bigint>();
  const subscription = store.subscribe(undefined, (e) => {
    if (seen.has(e.position)) throw new Error(`event ${e.position} delivered twice`);
    seen.add(e.position);
    delivered++;
  });
  const held = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('SELECT pg_current_xact_id()');
    try {
      return await appends();
    } finally {
      await client.query('COMMIT');
      await client.end();
    }
  };
  const { medians, samples } = await interleaved({ lateFreeAppendsPerSec: appends, lateHeldAppendsPerSec: held });
  const total = await countAll(store);
  for (let i = 0; delivered < total && i < 600; i++) await new Promise((r) => setTimeout(r, 100));
  await subscription.stop();
  if (delivered !== total) throw new Error(`subscriber saw ${delivered} of ${total} events`);
  const cost = median(samples.lateHeldAppendsPerSec.map((v, i) => 1 - v / samples.lateFreeAppendsPerSec[i]!));
  return {
    lateFreeAppendsPerSec: medians.lateFreeAppendsPerSec,
    lateHeldAppendsPerSec: medians.lateHeldAppendsPerSec,
    lateCommitCost: cost,
    subscriberDeliveredOnce: delivered,
  };
}
