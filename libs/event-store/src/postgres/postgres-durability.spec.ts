import { appendThenKill, expectAcknowledgedAppendsKept } from '../testing/durability';
import { testEvent } from '../testing/event-store.contract';
import { createTestDatabase, testPostgresUrl } from '../testing/postgres-databases';
import { PostgresEventStore } from './postgres-event-store';

const ACKS_BEFORE_KILL = 3000;

/**
 * The writer process dies by SIGKILL with transactions in flight: what it acknowledged was
 * committed (synchronous_commit on, the server's default), what it had not is rolled back whole.
 */
(testPostgresUrl() ? describe : describe.skip)('PostgreSQL durability under SIGKILL', () => {
  it('keeps every acknowledged append, in order, and no half of an append', async () => {
    const db = await createTestDatabase();
    try {
      const acked = await appendThenKill(db.url, ACKS_BEFORE_KILL);
      expect(acked.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
      const store = new PostgresEventStore({ connectionString: db.url });
      await expectAcknowledgedAppendsKept(store, acked);
      // Nothing of the killed writer holds a stream: a new writer continues where the log ends.
      const stored = await store.readStream('durable-0');
      const next = await store.append('durable-0', [testEvent(-1)], BigInt(stored.length - 1));
      expect(next.nextExpectedRevision).toBe(BigInt(stored.length));
      await store.close();
    } finally {
      await db.drop();
    }
  }, 120_000);
});
