import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConfigModule, type AppConfig } from '@zw/config';
import { EventStoreModule } from '@zw/event-store';
import { applyHolidayFile, RemindersModule } from '@zw/reminders';
import { LoggerModule } from 'nestjs-pino';
import type { WorkerHealthAddress } from './health/worker-health.config';
import { WORKER_HEALTH_ADDRESS, WorkerHealthServer } from './health/worker-health.server';
import { RedisProbe } from './health/redis-probe';
import { WorkerReadiness } from './health/worker-readiness';
import { WorkerModule } from './worker.module';

/**
 * The worker process: configuration, JSON logs, the worker's jobs and, where WORKER_HEALTH_PORT
 * is set, its health probes (the only HTTP it serves). The api hosting the worker module on the
 * embedded default answers for both on its own /health/ready.
 */
@Module({})
export class WorkerRootModule {
  static forRoot(config: AppConfig, health?: WorkerHealthAddress): DynamicModule {
    // Working days for every deadline and reminder of this process: chinese-days + HOLIDAY_FILE.
    applyHolidayFile(config.holidayFile);
    return {
      module: WorkerRootModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TerminusModule.forRoot({ logger: false }),
        EventStoreModule,
        RemindersModule,
        WorkerModule,
      ],
      providers: [
        RedisProbe,
        WorkerReadiness,
        WorkerHealthServer,
        { provide: WORKER_HEALTH_ADDRESS, useValue: health },
      ],
    };
  }
}
