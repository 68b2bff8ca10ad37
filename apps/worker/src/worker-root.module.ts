import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@zw/config';
import { LoggerModule } from 'nestjs-pino';
import { WorkerModule } from './worker.module';
import { applyHolidayFile } from '@zw/reminders';

/** The worker process: configuration, JSON logs and the worker's jobs; no HTTP. */
@Module({})
export class WorkerRootModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Working days for every deadline and reminder of this process: chinese-days + HOLIDAY_FILE.
    applyHolidayFile(config.holidayFile);
    return {
      module: WorkerRootModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        WorkerModule,
      ],
    };
  }
}
