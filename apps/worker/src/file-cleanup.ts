import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { openFileStorage, removeUnreferencedFiles } from '@zw/files';

/** How often abandoned uploads are looked for; an upload lives at least a day either way. */
const EVERY_MS = 60 * 60 * 1000;

/**
 * Removes 佐证材料 uploads that no event referenced within a day (a form that was never sent).
 * Several workers may run it at once: removing an absent file is not an error, and a referenced
 * file is never removed (libs/files remove-unreferenced.ts).
 */
@Injectable()
export class FileCleanup implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('FileCleanup');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; a pass still running is not doubled. */
  runOnce(): Promise<void> {
    this.running ??= removeUnreferencedFiles(this.store, openFileStorage(this.config), this.clock.now())
      .then((removed) => {
        if (removed.length > 0) this.logger.log({ removed: removed.length }, 'unreferenced uploads removed');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'file clean-up failed'))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
