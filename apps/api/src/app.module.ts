import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@zw/config';
import { EventStoreModule } from '@zw/event-store';
import { WorkerModule } from '../../worker/src/worker.module';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { createValidationPipe } from './errors/validation.pipe';
import { HealthModule } from './health/health.controller';
import { loggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics';
import { AuditModule } from './audit/audit.http.controller';
import { AuthModule } from './auth/auth.module';
import { OrganisationUpgradeModule } from './organisations/organisation-upgrade';
import { OrganisationsModule } from './organisations/organisations.module';
import { PlansModule } from './plans/plans.module';
import { TasksModule } from './tasks/tasks.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { ViewsModule } from './views/views.module';
import { CalendarFeedsModule } from './views/feeds/calendar-feeds.module';
import { FailedRemindersModule } from './reminders/failed-reminders.module';
import { FilesModule } from './files/files.module';
import { MeModule } from './me/me.module';
import { applyHolidayFile } from '@zw/reminders';

/**
 * The HTTP application. Pipes and filters are providers (not main.ts calls) so that e2e
 * tests built from this module behave exactly like the running service.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Working days for every deadline and reminder of this process: chinese-days + HOLIDAY_FILE.
    applyHolidayFile(config.holidayFile);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config),
        EventStoreModule,
        AuthModule,
        MetricsModule,
        HealthModule,
        PlansModule,
        OrganisationsModule,
        OrganisationUpgradeModule,
        AuditModule,
        FilesModule,
        MeModule,
        TasksModule,
        IndicatorsModule,
        ViewsModule,
        CalendarFeedsModule,
        FailedRemindersModule.forRoot(config),
        // The embedded default runs the worker's jobs in this process.
        ...(config.apiRunsWorker ? [WorkerModule] : []),
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
