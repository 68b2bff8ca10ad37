import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, startingAt, systemClock } from '@zw/clock';
import type { AppConfig } from './config';

export const APP_CONFIG = 'APP_CONFIG';

/**
 * Makes the validated configuration and the one clock injectable everywhere. The config
 * is loaded (and refused) before Nest starts, so a bad value never half-starts the app.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    const clock = config.clockStart ? startingAt(config.clockStart) : systemClock;
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
