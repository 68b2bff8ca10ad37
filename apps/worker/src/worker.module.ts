import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, eventStoreKind, type AppConfig } from '@zw/config';
import { EVENT_STORE, EventStoreModule, type EventStore } from '@zw/event-store';
import { RemindersModule } from '@zw/reminders';
import { FileCleanup } from './file-cleanup';

/**
 * The background role: subscribers of the event log — reminders (催办/督办, libs/reminders)
 * and, later, projections — and the clean-up of abandoned 佐证材料 uploads. It runs as its own process in production and inside the api
 * process on the embedded default.
 */
@Injectable()
class WorkerStartup implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.store.ping();
    const store = eventStoreKind(this.config);
    this.logger.log({ store, redis: Boolean(this.config.redisUrl) }, 'worker ready');
  }
}

@Module({ imports: [EventStoreModule, RemindersModule], providers: [WorkerStartup, FileCleanup] })
export class WorkerModule {}
