import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@zw/config';
import { Logger } from 'nestjs-pino';
import { closeOnSignals } from './graceful-shutdown';
import { WorkerRootModule } from './worker-root.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerRootModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  closeOnSignals(app);
  // A worker stays up until it is told to stop, even while no job holds the event loop.
  setInterval(() => undefined, 1 << 30);
}

void bootstrap();
