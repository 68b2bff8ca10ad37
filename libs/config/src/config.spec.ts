import { ConfigError, describeEventStore, eventStoreKind, loadConfig } from './config';

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
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
    });
    expect(config).toMatchObject({ port: 8080, dataDir: '/var/lib/zw', nodeEnv: 'production', apiRunsWorker: false });
    expect(config.clockStart?.toISOString()).toBe('2023-01-01T01:00:00.000Z');
  });

  it('given DATABASE_URL, selects PostgreSQL before KurrentDB and SQLite, and logs no password', () => {
    const both = loadConfig({
      DATABASE_URL: 'postgres://zw:secret@db:5432/zero_waste',
      EVENTSTORE_CONNECTION_STRING: 'kurrentdb://eventstore:2113?tls=false',
    });
    expect(eventStoreKind(both)).toBe('postgres');
    expect(describeEventStore(both)).toBe('postgres db:5432/zero_waste');
    expect(eventStoreKind(loadConfig({ EVENTSTORE_CONNECTION_STRING: 'kurrentdb://e:2113' }))).toBe('kurrentdb');
    expect(eventStoreKind(loadConfig({}))).toBe('sqlite');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/zw' })).toThrow(
      'DATABASE_URL="mysql://db/zw" must start with ^(postgres|postgresql)://',
    );
  });

  it('given bad values, names every variable and the reason at once', () => {
    const error = (() => {
      try {
        loadConfig({
          PORT: 'eighty',
          CLOCK_START: '2023-01-01',
          REDIS_URL: 'localhost:6379',
          SQLITE_SYNCHRONOUS: 'OFF',
        });
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

  it('the default organisation: DEFAULT_ORGANISATION_ID, else the default plan id’s first word', () => {
    expect(loadConfig({ DEFAULT_PLAN_ID: 'qinglan-2023-2026' }).defaultOrganisationId).toBe('qinglan');
    expect(loadConfig({ DEFAULT_ORGANISATION_ID: 'lz-city' }).defaultOrganisationId).toBe('lz-city');
    expect(loadConfig({ DEFAULT_PLAN_ID: '2023_plan' }).defaultOrganisationId).toBe('2023');
    expect(() => loadConfig({ DEFAULT_ORGANISATION_ID: 'Upper Case' })).toThrow(/DEFAULT_ORGANISATION_ID="Upper Case"/);
  });
});

describe('access-control settings', () => {
  it('defaults: 15-minute access tokens, 14-day refresh tokens, 10 logins a minute, no CORS', () => {
    expect(loadConfig({})).toMatchObject({
      auth: {
        secret: undefined,
        accessTokenTtlSeconds: 900,
        refreshTokenTtlSeconds: 14 * 86400,
        loginLimit: 10,
        loginWindowSeconds: 60,
      },
      corsOrigins: [],
    });
  });

  it('reads durations with units and a comma-separated origin list', () => {
    const config = loadConfig({
      ACCESS_TOKEN_TTL: '5m',
      REFRESH_TOKEN_TTL: '7d',
      LOGIN_THROTTLE_LIMIT: '3',
      LOGIN_THROTTLE_WINDOW: '2m',
      CORS_ORIGINS: 'https://zw.lianyun.gov.cn, http://localhost:5173',
    });
    expect(config.auth).toMatchObject({
      accessTokenTtlSeconds: 300,
      refreshTokenTtlSeconds: 7 * 86400,
      loginLimit: 3,
      loginWindowSeconds: 120,
    });
    expect(config.corsOrigins).toEqual(['https://zw.lianyun.gov.cn', 'http://localhost:5173']);
  });

  it('reads PUBLIC_BASE_URL (http or https, no query), without a trailing slash', () => {
    expect(loadConfig({}).publicBaseUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://wfb.lianyun.gov.cn/zw/' }).publicBaseUrl).toBe(
      'https://wfb.lianyun.gov.cn/zw',
    );
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'wfb.lianyun.gov.cn' })).toThrow(/PUBLIC_BASE_URL="wfb.lianyun.gov.cn"/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'https://wfb.lianyun.gov.cn/?x=1' })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('refuses production without JWT_SECRET, a short secret, bad durations and origins, all at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        NODE_ENV: 'production',
        ACCESS_TOKEN_TTL: '15 minutes',
        LOGIN_THROTTLE_LIMIT: '0',
        CORS_ORIGINS: '*,https://ok.cn/path',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toHaveLength(4);
    expect(error?.message).toMatch(/JWT_SECRET is required when NODE_ENV=production/);
    expect(error?.message).toMatch(/ACCESS_TOKEN_TTL="15 minutes"/);
    expect(error?.message).toMatch(/LOGIN_THROTTLE_LIMIT="0"/);
    expect(error?.message).toMatch(/CORS_ORIGINS has invalid origins "\*", "https:\/\/ok.cn\/path"/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32) }).auth.secret).toBe('s'.repeat(32));
  });
});
