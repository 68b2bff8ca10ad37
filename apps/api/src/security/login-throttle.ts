import { HttpException, HttpStatus, Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '@zw/config';
import type { Request, Response } from 'express';
import { ACTOR_KEY, type Actor } from '../actor/actor';

/** The throttlers' names; `@SkipThrottle({ [ACCOUNT_THROTTLER]: true })` exempts a route from one. */
export const ACCOUNT_THROTTLER = 'account';
export const ADDRESS_THROTTLER = 'address';

/**
 * Two counters on every login, whatever the outcome, each within LOGIN_THROTTLE_WINDOW:
 * - per account, across addresses (LOGIN_THROTTLE_LIMIT): one password is not guessed from
 *   many addresses; a name that does not exist is counted the same, so the 429 says nothing
 *   about existence;
 * - per address, across accounts (LOGIN_THROTTLE_ADDRESS_LIMIT): one address does not spray a
 *   password over many names, while an office's staff behind one NAT address still log in.
 * The counters live in Redis when REDIS_URL is set, so a limit holds across every api replica
 * (an attacker gains nothing by spreading attempts over them); without Redis, in this process.
 */
export function loginThrottlerOptions(config: AppConfig): ThrottlerModuleOptions {
  const ttl = config.auth.loginWindowSeconds * 1000;
  return {
    throttlers: [
      { name: ACCOUNT_THROTTLER, ttl, limit: config.auth.loginLimit, getTracker: accountOf },
      { name: ADDRESS_THROTTLER, ttl, limit: config.security.loginAddressLimit, getTracker: addressOf },
    ],
    // No X-RateLimit-* headers: the only one a client needs is Retry-After, set on the 429.
    setHeaders: false,
    // Created from the URL, the storage owns its connection and closes it on shutdown. Few
    // retries: a login waits on Redis, and a Redis that is down should fail it fast, not hang it.
    ...(config.redisUrl && {
      storage: new ThrottlerStorageRedisService(config.redisUrl, {
        keyPrefix: config.auth.throttleKeyPrefix,
        maxRetriesPerRequest: 2,
      }),
    }),
  };
}

/** The account an attempt is about: the name typed, the refresh token's name, or the signed-in user. */
function accountOf(req: Record<string, unknown>): string {
  const body = (req.body ?? {}) as { username?: unknown; refreshToken?: unknown };
  const named =
    typeof body.username === 'string'
      ? body.username
      : typeof body.refreshToken === 'string'
        ? body.refreshToken.slice(0, Math.max(0, body.refreshToken.lastIndexOf('.')))
        : String((req[ACTOR_KEY] as Actor | undefined)?.id ?? '');
  // Case and surrounding blanks do not make another account to count.
  return `account:${named.trim().toLowerCase().slice(0, 100)}`;
}

function addressOf(req: Record<string, unknown>): string {
  return `address:${String(req.ip)}`;
}

/** A refusal is logged (the name, never a password), then 429 with Retry-After in seconds. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  private readonly log = new Logger('Access');

  protected override async throwThrottlingException(
    ctx: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    res.setHeader('Retry-After', String(seconds));
    this.log.warn(
      {
        event: 'login_throttled',
        user: typeof req.body?.username === 'string' ? req.body.username.slice(0, 100) : null,
        route: `${req.method} ${req.path}`,
        reason: `${detail.tracker.split(':')[0]}: ${detail.totalHits} attempts in ${detail.ttl} ms`,
      },
      'refused: 429',
    );
    throw new HttpException(
      {
        code: 'AUTH.TOO_MANY_ATTEMPTS',
        message: `尝试次数过多，请 ${seconds} 秒后再试`,
        details: { retryAfter: seconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
