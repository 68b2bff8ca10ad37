import { BeforeApplicationShutdown, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import type { ReminderChannelName } from '@zw/domain';
import { EVENT_STORE, EventStoreModule, type EventStore } from '@zw/event-store';
import { createChannels } from './channels/reminder.routing';
import { REMINDER_CHANNELS, type ReminderChannel } from './channels/reminder-channel.port';
import { loadReminderConfig, type ReminderConfig } from './reminder.config';
import { ReminderPlanner } from './reminder.planner';
import { ReminderProcessor } from './reminder.processor';
import { ReminderReconciler } from './reminder.reconciler';
import { BullMqScheduler } from './scheduler/bullmq.scheduler';
import { InProcessScheduler } from './scheduler/in-process.scheduler';
import { REMINDER_SCHEDULER, type ReminderScheduler } from './scheduler/reminder-scheduler.port';
import { SchedulerLock } from './scheduler/scheduler.lock';

/** How often a process running as api only tries to take the scheduler lock over (ms of the clock). */
const LOCK_RETRY_MS = 60_000;

export const REMINDER_CONFIG = 'REMINDER_CONFIG';
/** Checkpoint of the BullMQ planner in the event store. */
export const PLANNER_SUBSCRIBER_ID = 'reminders-planner';

/** With Redis: BullMQ (jobs survive restarts in Redis); without: in memory, rebuilt from the log on start. */
export function createScheduler(app: AppConfig, config: ReminderConfig, clock: Clock): ReminderScheduler {
  const retry = { attempts: config.attempts, backoffMs: config.backoffMs };
  if (!app.redisUrl)
    return new InProcessScheduler({ clock, retry, tickMs: config.tickMs, concurrency: config.concurrency });
  return new BullMqScheduler({
    redisUrl: app.redisUrl,
    prefix: config.queuePrefix,
    clock,
    retry,
    concurrency: config.concurrency,
    keepCompletedSeconds: config.keepCompletedSeconds,
    keepFailedSeconds: config.keepFailedSeconds,
    ...(config.lockDurationMs ? { lockDurationMs: config.lockDurationMs } : {}),
  });
}

/** Starts scheduler and planner once the app is up; stops them before the event store closes. */
@Injectable()
export class RemindersService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private readonly planner: ReminderPlanner;
  private readonly processor: ReminderProcessor;
  /** With Redis only: the in-process scheduler is rebuilt from the whole log at every start anyway. */
  readonly reconciler?: ReminderReconciler;
  private stopReconciling?: () => void;
  /** The in-process scheduler's DATA_DIR lock (embedded default only). */
  private lock?: SchedulerLock;
  private stopLockRetry?: () => void;
  private running = false;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    @Inject(REMINDER_CONFIG) private readonly config: ReminderConfig,
    @Inject(REMINDER_SCHEDULER) readonly scheduler: ReminderScheduler,
    @Inject(REMINDER_CHANNELS) private readonly channels: Map<ReminderChannelName, ReminderChannel>,
  ) {
    this.processor = new ReminderProcessor(store, clock, config, channels);
    this.planner = new ReminderPlanner(store, scheduler, {
      policy: config.policy,
      ...(app.redisUrl ? { subscriberId: PLANNER_SUBSCRIBER_ID } : {}),
    });
    if (app.redisUrl)
      this.reconciler = new ReminderReconciler(store, scheduler, { policy: config.policy, attempts: config.attempts });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.app.redisUrl) {
      this.lock = SchedulerLock.tryAcquire(this.app.dataDir);
      if (!this.lock) {
        this.logger.warn(
          { dataDir: this.app.dataDir },
          'another process holds the reminder scheduler lock of this DATA_DIR: this process runs as api only (plans and sends no reminders) and takes over when that process stops',
        );
        this.stopLockRetry = this.clock.every(LOCK_RETRY_MS, () => void this.takeOver());
        return;
      }
    }
    await this.run();
  }

  private async takeOver(): Promise<void> {
    if (this.running || !(this.lock = SchedulerLock.tryAcquire(this.app.dataDir))) return;
    this.stopLockRetry?.();
    this.logger.log(
      { dataDir: this.app.dataDir },
      'reminder scheduler lock taken over: reminders run in this process now',
    );
    await this.run().catch((error: unknown) => this.logger.error({ error: String(error) }, 'reminders did not start'));
  }

  private async run(): Promise<void> {
    this.running = true;
    // Plan first, then run: on the embedded default the jobs exist only once the log is replayed.
    await this.planner.start();
    // Redis may have lost jobs while nothing ran (flush, no persistence): the log says what is owed.
    await this.reconciler?.reconcile();
    await this.scheduler.start(this.processor.run);
    if (this.reconciler) {
      const reconciler = this.reconciler;
      this.stopReconciling = this.clock.every(this.config.reconcileMinutes * 60_000, () => {
        reconciler
          .reconcile()
          .catch((error: unknown) =>
            this.logger.warn(
              { error: error instanceof Error ? error.message : String(error) },
              'reminder reconciliation failed; next one on schedule',
            ),
          );
      });
    }
    this.logger.log(
      {
        scheduler: this.app.redisUrl ? 'bullmq' : 'in-process',
        channels: [...this.channels.keys()],
        pending: await this.scheduler.pending(),
      },
      'reminders started',
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopLockRetry?.();
    this.stopReconciling?.();
    await this.reconciler?.idle();
    await this.planner.stop();
    await this.scheduler.close();
    this.lock?.release();
    await Promise.all([...this.channels.values()].map((c) => c.close?.()));
    this.logger.log('reminders stopped');
  }
}

@Module({
  imports: [EventStoreModule],
  providers: [
    { provide: REMINDER_CONFIG, useFactory: () => loadReminderConfig(process.env) },
    { provide: REMINDER_SCHEDULER, inject: [APP_CONFIG, REMINDER_CONFIG, CLOCK], useFactory: createScheduler },
    { provide: REMINDER_CHANNELS, inject: [REMINDER_CONFIG, CLOCK], useFactory: createChannels },
    RemindersService,
  ],
  exports: [REMINDER_SCHEDULER, REMINDER_CONFIG, RemindersService],
})
export class RemindersModule {}
