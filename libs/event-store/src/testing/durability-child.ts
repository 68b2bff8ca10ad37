/**
 * Child process of the durability tests: appends under load and prints a line for every
 * append the store acknowledged, until the parent kills it with SIGKILL.
 * Usage: durability-child <events.db | postgres://...>
 */
import type { EventStore } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { testEvent } from './event-store.contract';

const target = process.argv[2];
const store: EventStore = /^postgres(ql)?:\/\//.test(target)
  ? new PostgresEventStore({ connectionString: target, poolSize: 4 })
  : new SqliteEventStore({ filename: target });
const WRITERS = 32;

async function writer(w: number): Promise<never> {
  const stream = `durable-${w}`;
  for (let revision = 0n; ; revision += 2n) {
    // Two events per append: after the kill, a stream must never hold half of one.
    const expected = revision === 0n ? 'no_stream' : revision - 1n;
    const events = [testEvent(Number(revision), { text: '签收 佐证材料' }), testEvent(Number(revision) + 1)];
    const result = await store.append(stream, events, expected);
    process.stdout.write(`${stream} ${result.nextExpectedRevision} ${result.position}\n`);
  }
}

for (let w = 0; w < WRITERS; w++) void writer(w);
