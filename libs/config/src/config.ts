import { resolve } from 'node:path';
import { startingAt, systemClock, type Clock } from '@zw/clock';
import { withSecretFiles } from './secret-files';
import { parseSecurityConfig, type SecurityConfig } from './security.config';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Every setting of the service; `.env.example` documents each variable. */
export interface AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** Folder of the embedded data (`events.db`, later the secrets of the embedded default). */
  readonly dataDir: string;
  readonly sqliteSynchronous: 'FULL' | 'NORMAL' | 'EXTRA';
  /**
   * DATABASE_URL: when set, the PostgreSQL adapter is the event store, whatever else is set
   * (precedence: DATABASE_URL, then EVENTSTORE_CONNECTION_STRING, then SQLite in DATA_DIR).
   */
  readonly databaseUrl?: string;
  /** When set (and DATABASE_URL is not), the KurrentDB/EventStoreDB adapter replaces the embedded SQLite store. */
  readonly eventStoreConnectionString?: string;
  /** When set, reminders run on BullMQ in Redis; readiness reports Redis. */
  readonly redisUrl?: string;
  /** The clock starts at this instant and runs forward (drills); absent: the system clock. */
  readonly clockStart?: Date;
  readonly logLevel: LogLevel;
  /** Whether the api process also runs the worker's jobs (the embedded default does). */
  readonly apiRunsWorker: boolean;
  /** The plan that `/tasks/:code` refers to when the request names none (`?plan=`). */
  readonly defaultPlanId: string;
  /**
   * The organisation a deployment from before organisations is attached to on upgrade (its
   * accounts and plans), and the one `npm run users` binds new accounts to unless told otherwise.
   * Its name and level come from the default plan's settings.
   */
  readonly defaultOrganisationId: string;
  /** Access control (docs/security.md); `auth.secret` absent = generated once into DATA_DIR. */
  readonly auth: AuthConfig;
  /** Browser origins allowed to call the api (CORS); empty = no cross-origin access. */
  readonly corsOrigins: readonly string[];
  /**
   * The api's address as users reach it (e.g. behind a TLS reverse proxy), for links the api
   * hands out (calendar feeds); absent = taken from the request.
   */
  readonly publicBaseUrl?: string;
  /** Login throttle per address, the management port (security.config.ts). */
  readonly security: SecurityConfig;
  /** Largest 佐证材料 file accepted by POST /files (FILE_MAX_MB, default 20 MB). */
  readonly fileMaxBytes: number;
  /** The api's task-rows snapshot: after this many events, and every this many minutes while events come in. */
  readonly projectionSnapshots: { readonly everyEvents: number; readonly everyMinutes: number };
  /** HOLIDAY_FILE: holidays and 调休 workdays extending/overriding `chinese-days` (applied by libs/reminders' holiday-calendar.setup.ts). */
  readonly holidayFile?: string;
}

export interface AuthConfig {
  /** JWT_SECRET: signs access tokens; required in production (auth-secret.ts). */
  readonly secret?: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /** Login, refresh and password-change attempts allowed per client address and account within the window. */
  readonly loginLimit: number;
  readonly loginWindowSeconds: number;
  /** Key prefix of the throttle counters in Redis (shared by every replica when REDIS_URL is set). */
  readonly throttleKeyPrefix: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment; every problem is reported at once, naming the variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  // JWT_SECRET_FILE, DATABASE_URL_FILE, …: Docker/Kubernetes secrets (secret-files.ts).
  const env = withSecretFiles(environment, problems);
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name}="${value}" must be one of ${allowed.join(', ')}`);
    return fallback;
  };

  const nodeEnv = pick('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = parsePort(env.PORT, problems);
  const eventStore = optionalUrl(
    'EVENTSTORE_CONNECTION_STRING',
    env,
    /^(kurrentdb|esdb|kdb)(\+discover)?:\/\//,
    problems,
  );
  const databaseUrl = optionalUrl('DATABASE_URL', env, /^(postgres|postgresql):\/\//, problems);
  const redisUrl = optionalUrl('REDIS_URL', env, /^rediss?:\/\//, problems);
  const clockStart = parseInstant(env.CLOCK_START, problems);
  const apiRunsWorker = parseBool('API_RUNS_WORKER', env.API_RUNS_WORKER, redisUrl === undefined, problems);
  const config: AppConfig = {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port,
    dataDir: resolve(env.DATA_DIR || './data'),
    sqliteSynchronous: pick('SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL', 'EXTRA'] as const, 'FULL'),
    databaseUrl,
    eventStoreConnectionString: eventStore,
    redisUrl,
    clockStart,
    logLevel: pick('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info'),
    apiRunsWorker,
    defaultPlanId: parsePlanId(env.DEFAULT_PLAN_ID, problems),
    defaultOrganisationId: parseOrganisationId(
      env.DEFAULT_ORGANISATION_ID,
      parsePlanId(env.DEFAULT_PLAN_ID, []),
      problems,
    ),
    auth: parseAuth(env, nodeEnv, problems),
    corsOrigins: parseOrigins(env.CORS_ORIGINS, problems),
    publicBaseUrl: optionalUrl('PUBLIC_BASE_URL', env, /^https?:\/\/[^/?#]+(\/[^?#]*)?$/, problems)?.replace(
      /\/+$/,
      '',
    ),
    security: parseSecurityConfig(env, problems),
    fileMaxBytes: parseCount('FILE_MAX_MB', env.FILE_MAX_MB, 20, problems) * 1024 * 1024,
    ...(env.HOLIDAY_FILE ? { holidayFile: resolve(env.HOLIDAY_FILE) } : {}),
    projectionSnapshots: {
      everyEvents: parseCount('PROJECTION_SNAPSHOT_EVENTS', env.PROJECTION_SNAPSHOT_EVENTS, 5000, problems),
      everyMinutes: parseCount('PROJECTION_SNAPSHOT_MINUTES', env.PROJECTION_SNAPSHOT_MINUTES, 5, problems),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function parsePort(value: string | undefined, problems: string[]): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (/^\d+$/.test(value) && port >= 0 && port <= 65535) return port;
  problems.push(`PORT="${value}" must be an integer from 0 to 65535`);
  return 3000;
}

function optionalUrl(name: string, env: NodeJS.ProcessEnv, scheme: RegExp, problems: string[]): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!scheme.test(value)) problems.push(`${name}="${value}" must start with ${scheme.source.replace(/\\/g, '')}`);
  return value;
}

function parseInstant(value: string | undefined, problems: string[]): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const hasOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const instant = new Date(value);
  if (hasOffset && !Number.isNaN(instant.getTime())) return instant;
  problems.push(`CLOCK_START="${value}" must be an ISO 8601 instant with an offset, e.g. 2023-01-01T09:00:00+08:00`);
  return undefined;
}

function parsePlanId(value: string | undefined, problems: string[]): string {
  if (value === undefined || value === '') return 'lianyun-2022-2025';
  if (/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(value)) return value;
  problems.push(`DEFAULT_PLAN_ID="${value}" must be letters, digits, - and _ (a plan id)`);
  return 'lianyun-2022-2025';
}

const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Unset: the default plan id's first word (`lianyun-2022-2025` → `lianyun`). */
function parseOrganisationId(value: string | undefined, planId: string, problems: string[]): string {
  if (value === undefined || value === '') {
    const word = planId.split(/[-_]/)[0]!.toLowerCase();
    return ORGANISATION_ID.test(word) ? word : 'default';
  }
  if (ORGANISATION_ID.test(value)) return value;
  problems.push(`DEFAULT_ORGANISATION_ID="${value}" must be lower-case letters, digits and - (an organisation id)`);
  return 'default';
}

/** At least 32 characters: an HS256 key shorter than its 256-bit output weakens it. */
export const MIN_SECRET_LENGTH = 32;

function parseAuth(env: NodeJS.ProcessEnv, nodeEnv: AppConfig['nodeEnv'], problems: string[]): AuthConfig {
  const secret = env.JWT_SECRET || undefined;
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    problems.push(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -base64 48)`);
  }
  // The embedded default may generate its own secret; a production deployment must be given
  // one, or each replica would sign with a different key and a restart could change it.
  if (secret === undefined && nodeEnv === 'production') {
    problems.push('JWT_SECRET is required when NODE_ENV=production (e.g. openssl rand -base64 48)');
  }
  return {
    secret,
    accessTokenTtlSeconds: parseDuration('ACCESS_TOKEN_TTL', env.ACCESS_TOKEN_TTL, 15 * 60, 30, 24 * 3600, problems),
    refreshTokenTtlSeconds: parseDuration(
      'REFRESH_TOKEN_TTL',
      env.REFRESH_TOKEN_TTL,
      14 * 86400,
      60,
      365 * 86400,
      problems,
    ),
    loginLimit: parseCount('LOGIN_THROTTLE_LIMIT', env.LOGIN_THROTTLE_LIMIT, 10, problems),
    loginWindowSeconds: parseDuration('LOGIN_THROTTLE_WINDOW', env.LOGIN_THROTTLE_WINDOW, 60, 1, 86400, problems),
    throttleKeyPrefix: env.LOGIN_THROTTLE_REDIS_PREFIX || 'zw:throttle:',
  };
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `900`, `900s`, `15m`, `12h`, `14d` → seconds, within [min, max]. */
function parseDuration(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  if (value === undefined || value === '') return fallback;
  const match = /^(\d{1,9})([smhd]?)$/.exec(value);
  const seconds = match ? Number(match[1]) * UNITS[match[2] || 's']! : NaN;
  if (seconds >= min && seconds <= max) return seconds;
  problems.push(`${name}="${value}" must be a duration such as 900, 15m, 12h or 14d, from ${min} s to ${max} s`);
  return fallback;
}

function parseCount(name: string, value: string | undefined, fallback: number, problems: string[]): number {
  if (value === undefined || value === '') return fallback;
  if (/^[1-9]\d{0,6}$/.test(value)) return Number(value);
  problems.push(`${name}="${value}" must be a positive integer`);
  return fallback;
}

/** Comma-separated origins, each scheme://host[:port] with no path, e.g. https://zw.lianyun.gov.cn. */
function parseOrigins(value: string | undefined, problems: string[]): string[] {
  if (value === undefined || value.trim() === '') return [];
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const bad = origins.filter((o) => !/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(o));
  if (bad.length > 0)
    problems.push(
      `CORS_ORIGINS has invalid origins ${bad.map((o) => `"${o}"`).join(', ')}: use scheme://host[:port], comma-separated`,
    );
  return origins;
}

function parseBool(name: string, value: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  problems.push(`${name}="${value}" must be true or false`);
  return fallback;
}

export type EventStoreKind = 'postgres' | 'kurrentdb' | 'sqlite';

/** Which adapter the settings select; every process and CLI goes through this one rule. */
export function eventStoreKind(config: Pick<AppConfig, 'databaseUrl' | 'eventStoreConnectionString'>): EventStoreKind {
  if (config.databaseUrl) return 'postgres';
  if (config.eventStoreConnectionString) return 'kurrentdb';
  return 'sqlite';
}

/** For logs: the selected store without credentials (a URL's password never reaches a log line). */
export function describeEventStore(config: AppConfig): string {
  switch (eventStoreKind(config)) {
    case 'postgres': {
      const url = new URL(config.databaseUrl!);
      return `postgres ${url.hostname}:${url.port || 5432}${url.pathname}`;
    }
    case 'kurrentdb':
      return 'kurrentdb';
    case 'sqlite':
      return `sqlite in ${config.dataDir}`;
  }
}

/** For process entry points: a bad configuration prints every problem and exits with 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
}

/** The one clock of a process: the system clock, or one that starts at CLOCK_START (drills). */
export function clockFor(config: AppConfig): Clock {
  return config.clockStart ? startingAt(config.clockStart) : systemClock;
}
