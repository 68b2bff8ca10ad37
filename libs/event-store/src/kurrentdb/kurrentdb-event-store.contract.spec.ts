import { describeEventStoreContract } from '../testing/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * The shared contract against a real KurrentDB/EventStoreDB server, whenever one is
 * configured (`docker compose up -d eventstore`, then
 * EVENTSTORE_CONNECTION_STRING=kurrentdb://localhost:2113?tls=false npm test).
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('KurrentDB (real server)', async () =>
    KurrentDbEventStore.fromConnectionString(connectionString),
  );
} else {
  describe('EventStore contract: KurrentDB', () => {
    it.skip('needs EVENTSTORE_CONNECTION_STRING (no server configured here)', () => undefined);
  });
}
