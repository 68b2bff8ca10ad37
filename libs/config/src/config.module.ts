import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK } from '@zw/clock';
import { AUTH_SECRET, resolveAuthSecret } from './auth-secret';
import { clockFor, type AppConfig } from './config';

export const APP_CONFIG = 'APP_CONFIG';

/**
 * Makes the validated configuration and the one clock injectable everywhere. The config
 * is loaded (and refused) before Nest starts, so a bad value never half-starts the app.
 * AUTH_SECRET is the signing secret (auth-secret.ts), resolved once when first injected.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    const clock = clockFor(config);
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: AUTH_SECRET, useFactory: () => resolveAuthSecret(config) },
      ],
      exports: [APP_CONFIG, CLOCK, AUTH_SECRET],
    };
  }
}
