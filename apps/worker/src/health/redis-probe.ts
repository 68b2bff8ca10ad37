import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import Redis from 'ioredis';

/** How long a readiness probe waits for a dependency before it reports it down. */
export const PROBE_TIMEOUT_MS = 2000;

/**
 * A Redis connection for the readiness probes only (the api's and the worker's, each its own);
 * absent when Redis is not configured. The api hosts the worker module, so both import it from here.
 */
@Injectable()
export class RedisProbe implements OnApplicationShutdown {
  readonly client?: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.redisUrl) {
      // No background reconnect loop: each probe connects on demand, so a Redis outage
      // leaves no timers behind and the probe answers within its own timeout.
      this.client = new Redis(config.redisUrl, {
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        retryStrategy: () => null,
      });
      this.client.on('error', () => undefined); // reported by the probe, not as an unhandled event
    }
  }

  async ping(): Promise<void> {
    if (!this.client) return;
    if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
    await this.client.ping();
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}

/** `promise`, or a rejection naming the wait when it has not settled after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
