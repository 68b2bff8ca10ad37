import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export const EVENT_STORE = 'EVENT_STORE';

/** Chooses the adapter from configuration: KurrentDB when a connection string is set. */
export function openEventStore(config: AppConfig, clock: Clock): EventStore {
  if (config.eventStoreConnectionString) {
    return KurrentDbEventStore.fromConnectionString(config.eventStoreConnectionString);
  }
  return new SqliteEventStore({
    filename: join(config.dataDir, 'events.db'),
    synchronous: config.sqliteSynchronous,
    now: () => clock.now(),
  });
}

/** Closes the store last, after every consumer has stopped (Nest shuts modules down in reverse). */
@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.logger.log('event store closed');
  }
}

@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, CLOCK],
      useFactory: (config: AppConfig, clock: Clock) => openEventStore(config, clock),
    },
    EventStoreLifecycle,
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
