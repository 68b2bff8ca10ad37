/**
 * Child process of the durability test: appends under load and prints a line for every
 * append the store acknowledged, until the parent kills it with SIGKILL.
 * Usage: durability-child <events.db>
 */
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { testEvent } from './event-store.contract';

const store = new SqliteEventStore({ filename: process.argv[2] });
const WRITERS = 32;

async function writer(w: number): Promise<never> {
  const stream = `durable-${w}`;
  for (let revision = 0n; ; revision++) {
    const expected = revision === 0n ? 'no_stream' : revision - 1n;
    const result = await store.append(stream, [testEvent(Number(revision), { text: '签收 佐证材料' })], expected);
    process.stdout.write(`${stream} ${result.nextExpectedRevision} ${result.position}\n`);
  }
}

for (let w = 0; w < WRITERS; w++) void writer(w);
