import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('given an empty environment, uses the embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      sqliteSynchronous: 'FULL',
      eventStoreConnectionString: undefined,
      redisUrl: undefined,
      clockStart: undefined,
      apiRunsWorker: true,
      logLevel: 'info',
    });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('given production settings, reads each of them', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/zw',
      EVENTSTORE_CONNECTION_STRING: 'kurrentdb://eventstore:2113?tls=false',
      REDIS_URL: 'redis://redis:6379',
      CLOCK_START: '2023-01-01T09:00:00+08:00',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({ port: 8080, dataDir: '/var/lib/zw', nodeEnv: 'production', apiRunsWorker: false });
    expect(config.clockStart?.toISOString()).toBe('2023-01-01T01:00:00.000Z');
  });

  it('given bad values, names every variable and the reason at once', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'eighty', CLOCK_START: '2023-01-01', REDIS_URL: 'localhost:6379', SQLITE_SYNCHRONOUS: 'OFF' });
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toHaveLength(4);
    expect(error.message).toMatch(/PORT="eighty" must be an integer/);
    expect(error.message).toMatch(/CLOCK_START="2023-01-01" must be an ISO 8601 instant with an offset/);
    expect(error.message).toMatch(/REDIS_URL/);
    expect(error.message).toMatch(/SQLITE_SYNCHRONOUS="OFF" must be one of FULL, NORMAL, EXTRA/);
  });
});
