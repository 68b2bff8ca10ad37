import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { describeEventStore, loadConfigOrExit } from '@zw/config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { closeOnSignals } from '../../worker/src/graceful-shutdown';
import { configureHttp } from './configure-http';
import { seedBundledPlans } from './plans/seed-plan';
import { ManagementServer } from './metrics/management';
import { UserAccounts } from './auth/users/user-accounts';
import { firstAdminCommand, listeningAddress, runtimeOf } from './startup-hints';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  configureHttp(app);
  closeOnSignals(app);
  // `--seed-plan`, or SEED_PLAN=true where a command line is awkward to change (compose, Kubernetes): idempotent.
  if (process.argv.includes('--seed-plan') || /^(true|1)$/.test(process.env.SEED_PLAN ?? ''))
    await seedBundledPlans(app);
  await app.listen(config.port, config.host);
  const server = app.getHttpServer() as Server;
  app.get(Logger).log(`listening on ${listeningAddress(server.address())} (store: ${describeEventStore(config)})`);
  if ((await app.get(UserAccounts, { strict: false }).list()).length === 0)
    app
      .get(Logger)
      .warn(
        `no account exists yet: create the first admin with: ${firstAdminCommand(config, runtimeOf(process.env, __filename))}`,
      );
  const management = config.security.management;
  if (management) {
    const bound = await app.get(ManagementServer).listen(app, management.port, management.host);
    app.get(Logger).log(`management endpoints (/metrics, /health/ready) on ${bound.address}:${bound.port}`);
  } else app.get(Logger).log('management endpoints (/metrics, /health/ready) off: set MANAGEMENT_PORT to serve them');
}

void bootstrap();
