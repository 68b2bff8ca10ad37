import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { createScheduler, loadReminderConfig, REMINDER_SCHEDULER, RemindersModule, type ReminderScheduler } from '@zw/reminders';
import { FAILED_REMINDERS, FailedRemindersController } from './failed-reminders.http.controller';

/** An api without the worker role reads the BullMQ queue through a scheduler it never starts (no planner, no worker). */
@Injectable()
class QueueReader implements OnApplicationShutdown {
  constructor(@Inject(FAILED_REMINDERS) private readonly scheduler: ReminderScheduler | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.scheduler?.close();
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
        imports: [RemindersModule],
        controllers: [FailedRemindersController],
        providers: [{ provide: FAILED_REMINDERS, useExisting: REMINDER_SCHEDULER }],
      };
    }
    return {
      module: FailedRemindersModule,
      controllers: [FailedRemindersController],
      providers: [
        {
          provide: FAILED_REMINDERS,
          inject: [APP_CONFIG, CLOCK],
          useFactory: (app: AppConfig, clock: Clock) => (app.redisUrl ? createScheduler(app, loadReminderConfig(process.env), clock) : null),
        },
        QueueReader,
      ],
    };
  }
}
