/**
 * Settings of the hardening of issue 15 (docs/security.md), composed into AppConfig as
 * `security`. `.env.example` documents each variable.
 */
export interface SecurityConfig {
  /** Login and refresh attempts allowed per client address within LOGIN_THROTTLE_WINDOW, all accounts together. */
  readonly loginAddressLimit: number;
  /**
   * Where /metrics and /health/ready are served (MANAGEMENT_PORT, MANAGEMENT_HOST); absent =
   * not served at all. The public port keeps only the minimal /health.
   */
  readonly management?: { readonly port: number; readonly host: string };
  /**
   * Express `trust proxy` (TRUST_PROXY): which reverse proxies' X-Forwarded-For is believed, so
   * the throttle counts the client's address, not the proxy's. Absent = none (the socket's address).
   */
  readonly trustProxy?: number | string;
  /**
   * The largest amount of money a report may state, in 万元 (MAX_INVESTMENT_WAN_YUAN, default
   * 10,000,000 = 1000亿元): a 累计完成投资 beyond it is a slip or a probe, not a project.
   */
  readonly maxInvestmentWanYuan: number;
}

/** Default of MAX_INVESTMENT_WAN_YUAN: 1000亿元, over 100 times the bundled plan's 70.59亿元 in all. */
export const DEFAULT_MAX_INVESTMENT_WAN_YUAN = 10_000_000;
/** Above this the sums of 0.01万元 the projections keep could leave the exactly representable integers. */
const MAX_INVESTMENT_CEILING = 100_000_000_000;

export function parseSecurityConfig(env: NodeJS.ProcessEnv, problems: string[]): SecurityConfig {
  return {
    ...parseThrottleAndManagement(env, problems),
    ...parseTrustProxy(env.TRUST_PROXY, problems),
    maxInvestmentWanYuan: parseMaxInvestment(env.MAX_INVESTMENT_WAN_YUAN, problems),
  };
}

function parseMaxInvestment(value: string | undefined, problems: string[]): number {
  if (value === undefined || value === '') return DEFAULT_MAX_INVESTMENT_WAN_YUAN;
  if (/^[1-9]\d{0,11}$/.test(value) && Number(value) <= MAX_INVESTMENT_CEILING) return Number(value);
  problems.push(
    `MAX_INVESTMENT_WAN_YUAN="${value}" must be a whole number of 万元 from 1 to ${MAX_INVESTMENT_CEILING}`,
  );
  return DEFAULT_MAX_INVESTMENT_WAN_YUAN;
}

/** A hop count, or addresses / subnets / Express' names (loopback, linklocal, uniquelocal), comma-separated. */
function parseTrustProxy(value: string | undefined, problems: string[]): { trustProxy?: number | string } {
  if (value === undefined || value === '') return {};
  if (/^\d{1,2}$/.test(value)) return { trustProxy: Number(value) };
  const parts = value.split(',').map((p) => p.trim());
  const ok = parts.every((p) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(p));
  if (!ok || value === 'true') {
    problems.push(
      `TRUST_PROXY="${value}" must be a hop count or the proxies' addresses (e.g. 10.0.0.5, loopback); never "true", which would believe any client`,
    );
    return {};
  }
  return { trustProxy: parts.join(',') };
}

function parseThrottleAndManagement(
  env: NodeJS.ProcessEnv,
  problems: string[],
): Pick<SecurityConfig, 'loginAddressLimit' | 'management'> {
  const limit = env.LOGIN_THROTTLE_ADDRESS_LIMIT;
  let loginAddressLimit = 100;
  if (limit !== undefined && limit !== '') {
    if (/^[1-9]\d{0,6}$/.test(limit)) loginAddressLimit = Number(limit);
    else problems.push(`LOGIN_THROTTLE_ADDRESS_LIMIT="${limit}" must be a positive integer`);
  }
  const port = env.MANAGEMENT_PORT;
  if (port === undefined || port === '') return { loginAddressLimit };
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    problems.push(`MANAGEMENT_PORT="${port}" must be an integer from 0 to 65535`);
    return { loginAddressLimit };
  }
  if (env.PORT !== undefined && env.PORT === port && port !== '0')
    problems.push(`MANAGEMENT_PORT="${port}" must differ from PORT: the management endpoints are not public`);
  return { loginAddressLimit, management: { port: Number(port), host: env.MANAGEMENT_HOST || '127.0.0.1' } };
}
