import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { ProjectionRuntime } from '@zw/projections';
import { join } from 'node:path';

/** Where the api keeps its task-rows snapshot (the read model and its checkpoint). */
export function snapshotFileOf(config: AppConfig): string {
  return join(config.dataDir, 'projections', 'task-rows.snapshot');
}

/**
 * The live read model of this api process: resumes from its snapshot at start, follows the
 * log, and stores a final snapshot on shutdown. Several api instances each keep their own.
 */
@Injectable()
export class ProjectionService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  readonly runtime: ProjectionRuntime;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.runtime = new ProjectionRuntime(store, {
      snapshotFile: snapshotFileOf(config),
      snapshotEvery: config.projectionSnapshots.everyEvents,
      snapshotAfterMs: config.projectionSnapshots.everyMinutes * 60_000,
      every: (ms, run) => clock.every(ms, run),
      log: (message, fields) => this.logger.warn({ ...fields }, message),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.runtime.start();
    this.logger.log(
      { position: this.runtime.position?.toString() ?? null, tasks: this.runtime.model.size },
      'projections started',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
