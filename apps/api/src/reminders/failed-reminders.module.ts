import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import {
  createScheduler,
  loadReminderConfig,
  REMINDER_SCHEDULER,
  RemindersModule,
  type ReminderScheduler,
} from '@zw/reminders';
import { OrganisationsModule } from '../organisations/organisations.module';
import {
  FAILED_REMINDERS,
  FailedRemindersController,
  type FailedRemindersSource,
} from './failed-reminders.http.controller';

/**
 * An api without the worker role reads the BullMQ queue through a scheduler it never starts
 * (no planner, no worker), connected on the first request only: an api nobody asks about
 * failed reminders holds no Redis connection for it.
 */
@Injectable()
class QueueReader implements FailedRemindersSource, OnApplicationShutdown {
  private opened?: ReminderScheduler;
  constructor(
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  scheduler(): ReminderScheduler | null {
    if (!this.app.redisUrl) return null;
    this.opened ??= createScheduler(this.app, loadReminderConfig(process.env), this.clock);
    return this.opened;
  }
  async onApplicationShutdown(): Promise<void> {
    await this.opened?.close();
  }
}

/**
 * GET /reminders/failed and the retry route. Where the api runs the worker role (embedded
 * default) they use that scheduler; otherwise, with Redis, the BullMQ queue; without either
 * they answer 503.
 */
@Module({})
export class FailedRemindersModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.apiRunsWorker) {
      return {
        module: FailedRemindersModule,
        imports: [RemindersModule, OrganisationsModule],
        controllers: [FailedRemindersController],
        providers: [
          {
            provide: FAILED_REMINDERS,
            inject: [REMINDER_SCHEDULER],
            useFactory: (s: ReminderScheduler): FailedRemindersSource => ({ scheduler: () => s }),
          },
        ],
      };
    }
    return {
      module: FailedRemindersModule,
      imports: [OrganisationsModule],
      controllers: [FailedRemindersController],
      providers: [QueueReader, { provide: FAILED_REMINDERS, useExisting: QueueReader }],
    };
  }
}
