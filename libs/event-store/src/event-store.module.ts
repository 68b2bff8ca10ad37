import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, eventStoreKind, type AppConfig } from '@zw/config';
import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { WriteGuardedEventStore } from './write-guarded.store';

export const EVENT_STORE = 'EVENT_STORE';

/**
 * Chooses the adapter from configuration (config.ts `eventStoreKind`): PostgreSQL when
 * DATABASE_URL is set, else KurrentDB when EVENTSTORE_CONNECTION_STRING is, else SQLite.
 */
export function openEventStore(config: AppConfig, clock: Clock): EventStore {
  const kind = eventStoreKind(config);
  switch (kind) {
    case 'postgres': {
      const logger = new Logger('EventStore');
      return new PostgresEventStore({
        connectionString: config.databaseUrl!,
        now: () => clock.now(),
        onError: (error) => logger.warn(`PostgreSQL: ${String(error)}`),
      });
    }
    case 'kurrentdb':
      return KurrentDbEventStore.fromConnectionString(config.eventStoreConnectionString!);
    case 'sqlite':
      return new SqliteEventStore({
        filename: join(config.dataDir, 'events.db'),
        synchronous: config.sqliteSynchronous,
        now: () => clock.now(),
      });
    default: {
      const never: never = kind;
      throw new Error(`unknown event store ${String(never)}`);
    }
  }
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
      useFactory: (config: AppConfig, clock: Clock) => {
        const logger = new Logger('EventStore');
        // One line when writes start failing (full disk, store gone) and one when they succeed again.
        return new WriteGuardedEventStore(openEventStore(config, clock), (failure) =>
          failure
            ? logger.warn({ reason: failure.reason, detail: failure.detail }, 'event store refuses writes')
            : logger.log('event store takes writes again'),
        );
      },
    },
    EventStoreLifecycle,
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
