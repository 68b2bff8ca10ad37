import type { EventEmitter } from 'node:events';

export interface OutageLogger {
  warn(fields: object, message: string): void;
  log(fields: object, message: string): void;
}

/**
 * Every connection of a Redis client (the queue's, the worker's, its blocking duplicate) emits
 * an error per reconnect attempt: a 10 s outage was 38 ECONNREFUSED lines. This says it once —
 * one warning when the first connection fails, one info line when one is ready again.
 */
export class RedisOutageLog {
  private down = false;

  constructor(private readonly logger: OutageLogger) {}

  /** Follows a connection (ioredis client or BullMQ worker); its own error handler keeps Node from printing each error. */
  watch(emitter: EventEmitter, readyEvent = 'ready'): void {
    emitter.on('error', (error: Error) => this.failed(error));
    emitter.on(readyEvent, () => this.recovered());
  }

  failed(error: Error): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn(
      { error: error.message },
      'Redis is unreachable: reminders wait (nothing is lost: jobs and the log stay) until it is back',
    );
  }

  recovered(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.log({}, 'Redis is reachable again: reminders run');
  }
}
