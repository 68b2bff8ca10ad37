import type { AppConfig } from '@zw/config';
import { RedisProbe, withTimeout } from './redis-probe';

/** The one Redis probe of the api's and the worker's readiness. */
const probeOf = (redisUrl?: string) => new RedisProbe({ redisUrl } as AppConfig);

describe('RedisProbe', () => {
  it('given no REDIS_URL, then it has no connection and its ping passes', async () => {
    const probe = probeOf(undefined);
    expect(probe.client).toBeUndefined();
    await expect(probe.ping()).resolves.toBeUndefined();
    probe.onApplicationShutdown();
  });

  it('given a Redis nobody answers on, then the ping rejects instead of queueing, and shutdown leaves it closed', async () => {
    // Port 1 refuses at once: no reconnect loop, no offline queue holding the ping.
    const probe = probeOf('redis://127.0.0.1:1');
    expect(probe.client?.status).toBe('wait'); // lazy: nothing connects before the first probe
    await expect(probe.ping()).rejects.toThrow();
    probe.onApplicationShutdown();
    expect(probe.client?.status).toBe('end');
  });
});

describe('withTimeout', () => {
  afterEach(() => jest.useRealTimers());

  it('given an answer, then it is passed on', async () => {
    await expect(withTimeout(Promise.resolve('PONG'), 2000)).resolves.toBe('PONG');
  });

  it('given no answer, when the time is up, then it rejects naming the wait', async () => {
    jest.useFakeTimers();
    const pending = withTimeout(new Promise<never>(() => undefined), 2000);
    jest.advanceTimersByTime(2000);
    await expect(pending).rejects.toThrow('no answer in 2000 ms');
  });
});
