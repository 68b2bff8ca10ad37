import { readFileSync } from 'node:fs';
import { withSecretFiles } from '@zw/config';
import { DEFAULT_REMINDER_POLICY, policyProblems, type DayCount, type ReminderPolicy } from '@zw/domain';

/**
 * Configuration of reminders (催办/督办), read from the environment and validated at start:
 * every problem is reported at once, naming the variable. `.env.example` documents each one.
 * Kept apart from libs/config because only the worker role needs it.
 */
export interface AddresseeRoutes {
  readonly email?: readonly string[];
  /** WeCom (企业微信) group robot webhook URL. */
  readonly wecom?: string;
  /** DingTalk (钉钉) group robot webhook URL, and its 加签 secret when the robot uses one. */
  readonly dingtalk?: { readonly url: string; readonly secret?: string };
}

export interface ReminderConfig {
  readonly policy: ReminderPolicy;
  /** Per department (canonical name), plus the office and leadership under their names below. */
  readonly recipients: Readonly<Record<string, AddresseeRoutes>>;
  readonly officeName: string;
  readonly leadershipName: string;
  /** Record every reminder as an in-app delivery (the accountability views show it) even with no outside channel. */
  readonly inApp: boolean;
  readonly smtp?: { readonly url: string; readonly from: string };
  readonly webhook?: { readonly url: string; readonly secret: string };
  readonly attempts: number;
  readonly backoffMs: number;
  readonly concurrency: number;
  readonly queuePrefix: string;
  readonly lockDurationMs?: number;
  readonly keepCompletedSeconds: number;
  readonly keepFailedSeconds: number;
  /** In-process scheduler: how often due jobs are looked for (ms). */
  readonly tickMs: number;
  /** Outside channels give up after this long (ms). */
  readonly sendTimeoutMs: number;
  /** With Redis: how often the scheduler is reconciled with the log (minutes; also once at start). */
  readonly reconcileMinutes: number;
}

export class ReminderConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid reminder configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ReminderConfigError';
  }
}

export function loadReminderConfig(environment: NodeJS.ProcessEnv = process.env): ReminderConfig {
  const problems: string[] = [];
  // SMTP_URL_FILE, REMINDER_WEBHOOK_SECRET_FILE: Docker/Kubernetes secrets, as for the app's configuration.
  const env = withSecretFiles(environment, problems);
  const read = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const int = (name: string, fallback: number, min = 1, max = 1e9): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (/^\d+$/.test(value) && n >= min && n <= max) return n;
    problems.push(`${name}="${value}" must be an integer from ${min} to ${max}`);
    return fallback;
  };
  const list = (name: string, fallback: readonly number[]): number[] => {
    const value = read(name);
    if (value === undefined) return [...fallback];
    const items = value.split(',').map((s) => s.trim());
    if (items.every((s) => /^\d+$/.test(s))) return items.map(Number);
    problems.push(`${name}="${value}" must be a comma-separated list of whole days, e.g. 30,7,1`);
    return [...fallback];
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const value = read(name);
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    problems.push(`${name}="${value}" must be true or false`);
    return fallback;
  };
  const url = (name: string, schemes: RegExp): string | undefined => {
    const value = read(name);
    if (value !== undefined && !schemes.test(value))
      problems.push(`${name}="${redact(value)}" must start with ${schemes.source.replace(/[\\^]/g, '')}`);
    return value;
  };

  const d = DEFAULT_REMINDER_POLICY;
  const window = read('REMINDER_SEND_WINDOW') ?? `${d.sendWindow.start}-${d.sendWindow.end}`;
  const [start = '', end = ''] = window.split('-');
  const dayCount = read('REMINDER_DAY_COUNT') ?? d.dayCount;
  if (dayCount !== 'working' && dayCount !== 'calendar')
    problems.push(`REMINDER_DAY_COUNT="${dayCount}" must be working or calendar`);
  const policy: ReminderPolicy = {
    beforeDueDays: list('REMINDER_BEFORE_DUE_DAYS', d.beforeDueDays),
    acknowledgementLateDays: list('REMINDER_ACK_LATE_DAYS', d.acknowledgementLateDays),
    overdue: {
      dailyFor: int('REMINDER_OVERDUE_DAILY_FOR', d.overdue.dailyFor),
      thenEvery: int('REMINDER_OVERDUE_THEN_EVERY', d.overdue.thenEvery),
      until: int('REMINDER_OVERDUE_UNTIL', d.overdue.until),
    },
    escalateToOfficeAfter: int('REMINDER_ESCALATE_OFFICE_DAYS', d.escalateToOfficeAfter),
    escalateToLeadershipAfter: int('REMINDER_ESCALATE_LEADERSHIP_DAYS', d.escalateToLeadershipAfter),
    periodReportDueDays: int('REMINDER_PERIOD_REPORT_DUE_DAYS', d.periodReportDueDays ?? 10),
    dayCount: dayCount === 'calendar' ? 'calendar' : ('working' satisfies DayCount),
    sendWindow: { start, end, workingDaysOnly: bool('REMINDER_SEND_WORKING_DAYS_ONLY', d.sendWindow.workingDaysOnly) },
  };
  problems.push(
    ...policyProblems(policy).map((p) =>
      p.startsWith('sendWindow') ? `REMINDER_SEND_WINDOW: ${p}` : `reminder policy: ${p}`,
    ),
  );

  const smtpUrl = url('SMTP_URL', /^smtps?:\/\//);
  const smtpFrom = read('SMTP_FROM');
  if (smtpUrl && !smtpFrom) problems.push('SMTP_FROM must be set when SMTP_URL is (the sender address)');
  const webhookUrl = url('REMINDER_WEBHOOK_URL', /^https?:\/\//);
  const webhookSecret = read('REMINDER_WEBHOOK_SECRET');
  if (webhookUrl && (!webhookSecret || webhookSecret.length < 16))
    problems.push('REMINDER_WEBHOOK_SECRET must be at least 16 characters when REMINDER_WEBHOOK_URL is set (HMAC key)');
  const queuePrefix = read('REMINDER_QUEUE_PREFIX') ?? 'zw';
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(queuePrefix))
    problems.push(`REMINDER_QUEUE_PREFIX="${queuePrefix}" must be letters, digits, - and _ (no ':')`);
  const lockDuration =
    read('REMINDER_LOCK_MS') === undefined ? undefined : int('REMINDER_LOCK_MS', 30_000, 1000, 600_000);

  const config: ReminderConfig = {
    policy,
    recipients: parseRecipients(env, problems),
    officeName: read('REMINDER_OFFICE_NAME') ?? '无废办',
    leadershipName: read('REMINDER_LEADERSHIP_NAME') ?? '领导小组',
    inApp: bool('REMINDER_IN_APP', true),
    ...(smtpUrl && smtpFrom ? { smtp: { url: smtpUrl, from: smtpFrom } } : {}),
    ...(webhookUrl && webhookSecret ? { webhook: { url: webhookUrl, secret: webhookSecret } } : {}),
    attempts: int('REMINDER_ATTEMPTS', 5, 1, 100),
    backoffMs: int('REMINDER_BACKOFF_MS', 60_000, 1, 86_400_000),
    concurrency: int('REMINDER_CONCURRENCY', 8, 1, 1000),
    queuePrefix,
    ...(lockDuration ? { lockDurationMs: lockDuration } : {}),
    keepCompletedSeconds: int('REMINDER_KEEP_COMPLETED_SECONDS', 7 * 86_400),
    keepFailedSeconds: int('REMINDER_KEEP_FAILED_SECONDS', 90 * 86_400),
    tickMs: int('REMINDER_TICK_MS', 1000, 10, 3_600_000),
    sendTimeoutMs: int('REMINDER_SEND_TIMEOUT_MS', 10_000, 100, 600_000),
    reconcileMinutes: int('REMINDER_RECONCILE_MINUTES', 60, 1, 7 * 24 * 60),
  };
  if (problems.length > 0) throw new ReminderConfigError(problems);
  return config;
}

/** REMINDER_RECIPIENTS (JSON) or REMINDER_RECIPIENTS_FILE (path to the same JSON). */
function parseRecipients(env: NodeJS.ProcessEnv, problems: string[]): Record<string, AddresseeRoutes> {
  const file = env.REMINDER_RECIPIENTS_FILE;
  let text = env.REMINDER_RECIPIENTS;
  const name = file ? 'REMINDER_RECIPIENTS_FILE' : 'REMINDER_RECIPIENTS';
  try {
    if (file) text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`REMINDER_RECIPIENTS_FILE="${file}" cannot be read: ${(error as Error).message}`);
    return {};
  }
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    problems.push(`${name} is not JSON: ${(error as Error).message}`);
    return {};
  }
  if (!isObject(parsed)) {
    problems.push(`${name} must be a JSON object of department name → { email, wecom, dingtalk }`);
    return {};
  }
  for (const [department, routes] of Object.entries(parsed)) {
    const at = `${name}["${department}"]`;
    if (!isObject(routes)) problems.push(`${at} must be an object`);
    else {
      const { email, wecom, dingtalk, ...unknown } = routes;
      for (const key of Object.keys(unknown)) problems.push(`${at}.${key} is not a channel (email, wecom, dingtalk)`);
      if (
        email !== undefined &&
        (!Array.isArray(email) || !email.every((e) => typeof e === 'string' && /^[^@\s]+@[^@\s]+$/.test(e)))
      )
        problems.push(`${at}.email must be a list of e-mail addresses`);
      if (wecom !== undefined && (typeof wecom !== 'string' || !/^https?:\/\//.test(wecom)))
        problems.push(`${at}.wecom must be the robot's webhook URL`);
      if (
        dingtalk !== undefined &&
        (!isObject(dingtalk) ||
          typeof dingtalk.url !== 'string' ||
          !/^https?:\/\//.test(dingtalk.url) ||
          (dingtalk.secret !== undefined && typeof dingtalk.secret !== 'string'))
      ) {
        problems.push(`${at}.dingtalk must be { "url": "<robot webhook URL>", "secret": "<加签 secret, optional>" }`);
      }
    }
  }
  return parsed as Record<string, AddresseeRoutes>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Webhook URLs carry keys: never print them whole. */
const redact = (value: string) => value.replace(/([?&](key|access_token|token)=)[^&]+/g, '$1…');
