import type { INestApplicationContext } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * On SIGTERM/SIGINT: close the app (HTTP stops accepting, requests in flight finish, jobs
 * stop, every OnApplicationShutdown hook runs, the event store closes last), flush the
 * logs, exit 0. Nest's own enableShutdownHooks re-raises the signal right after closing,
 * which can cut off the last log lines; this waits for them.
 */
export function closeOnSignals(app: INestApplicationContext): void {
  let closing = false;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app
        .close()
        .then(
          () => 0,
          (error: unknown) => {
            process.stderr.write(`shutdown failed: ${error instanceof Error ? error.stack : String(error)}\n`);
            return 1;
          },
        )
        .then((code) => flushLogs(() => process.exit(code)));
    });
  }
}

/** The root pino exists once HTTP logging ran; a worker writes through stdout directly. */
function flushLogs(then: () => void): void {
  const root = PinoLogger.root as PinoLogger['logger'] | undefined;
  if (root) root.flush(() => then());
  else process.stdout.write('', () => then());
}
