import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@zw/config';
import { loadReminderConfig, ReminderConfigError } from '@zw/reminders';
import { Logger } from 'nestjs-pino';
import { closeOnSignals } from './graceful-shutdown';
import { parseWorkerHealth, WorkerHealthConfigError, type WorkerHealthAddress } from './health/worker-health.config';
import { WorkerRootModule } from './worker-root.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  checkReminderConfigOrExit();
  const health = workerHealthOrExit();
  const app = await NestFactory.createApplicationContext(WorkerRootModule.forRoot(config, health), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  closeOnSignals(app);
  // A worker stays up until it is told to stop, even while no job holds the event loop.
  setInterval(() => undefined, 1 << 30);
}

/** Same rule as the app configuration: a bad value stops the worker before Nest starts, every problem named. */
function checkReminderConfigOrExit(): void {
  try {
    loadReminderConfig(process.env);
  } catch (error) {
    if (!(error instanceof ReminderConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
}

function workerHealthOrExit(): WorkerHealthAddress | undefined {
  try {
    return parseWorkerHealth(process.env);
  } catch (error) {
    if (!(error instanceof WorkerHealthConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
}

void bootstrap();
