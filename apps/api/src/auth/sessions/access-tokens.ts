import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { generateSecret, hashToken, isBefore, isUsername, type UserRecord, type UserState } from '@zw/auth';
import { CLOCK, toShanghaiIso, type Clock } from '@zw/clock';
import { JwtService, TokenExpiredError, type JwtModuleOptions } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { createSecretKey } from 'node:crypto';
import type { Actor } from '../../actor/actor';

export const TOKEN_ISSUER = 'zero-waste-city';
export const TOKEN_AUDIENCE = 'zero-waste-city-api';

/** What an access token says. Role and department are re-read from the account on each request. */
export interface AccessClaims {
  readonly sub: string;
  /** The session (refresh-token family) it was issued for: ending the session ends the token. */
  readonly sid: string;
  readonly role: string;
  readonly iat: number;
  readonly exp: number;
}

export interface IssuedAccess {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds. */
  readonly expiresIn: number;
}

/** Why a request's token proves nothing; each answers 401 and is logged as the reason. */
export type TokenFailure = 'missing' | 'malformed' | 'invalid' | 'expired' | 'revoked' | 'disabled';

const MESSAGES: Record<TokenFailure, string> = {
  missing: '请先登录',
  malformed: '访问令牌格式无效，请重新登录',
  invalid: '访问令牌无效，请重新登录',
  expired: '访问令牌已过期，请刷新或重新登录',
  revoked: '登录已失效，请重新登录',
  disabled: '账号已停用',
};

export class TokenRejected extends UnauthorizedException {
  constructor(
    readonly failure: TokenFailure,
    readonly username?: string,
  ) {
    super({ code: `AUTH.TOKEN_${failure.toUpperCase()}`, message: MESSAGES[failure] });
  }
}

/**
 * The JwtModule's options (auth.module.ts), kept beside the code that relies on them. Pinning the
 * algorithm on verify refuses `alg: none` and key-confusion tokens. JwtService merges per-call
 * options over these, so the calls below pass only the clock.
 */
export function jwtOptions(secret: string): JwtModuleOptions {
  return {
    // A KeyObject, the same HMAC key as the string: given a string, jsonwebtoken first tries to
    // parse it as a PEM public key on every call, and that failed parse was the largest cost of
    // verifying a token (bench:commands CPU profile).
    secret: createSecretKey(Buffer.from(secret, 'utf8')),
    signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
    verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
  };
}

/**
 * Access tokens: HS256 JWTs (`JwtService`, keyed with AUTH_SECRET), short-lived, with `iat`/`exp`
 * from the injected clock (so drills with CLOCK_START work) and checked against that clock. Refresh
 * tokens are `<username>.<256 random bits>`: the name finds the account stream, only the
 * digest of the whole string is stored.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(user: UserRecord, sessionId: string): Promise<IssuedAccess> {
    const iat = this.seconds();
    const ttl = this.config.auth.accessTokenTtlSeconds;
    // iat/exp in the payload rather than `expiresIn`: jsonwebtoken would read the wall clock.
    const accessToken = this.jwt.sign({ sub: user.username, sid: sessionId, role: user.role, iat, exp: iat + ttl });
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl };
  }

  /** The actor a bearer token proves, given the account's current state; throws TokenRejected. */
  async verify(authorization: string | undefined, load: (username: string) => Promise<UserState>): Promise<Actor> {
    if (!authorization) throw new TokenRejected('missing');
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization);
    if (!match) throw new TokenRejected('malformed');
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(match[1]!, { clockTimestamp: this.seconds() });
    } catch (error) {
      throw new TokenRejected(error instanceof TokenExpiredError ? 'expired' : 'invalid');
    }
    if (!isUsername(claims.sub) || typeof claims.sid !== 'string') throw new TokenRejected('invalid');
    const state = await load(claims.sub);
    if (state.status === 'absent') throw new TokenRejected('invalid', claims.sub);
    if (state.status === 'disabled') throw new TokenRejected('disabled', claims.sub);
    const session = state.sessions.families.get(claims.sid);
    if (!session || session.revoked || !isBefore(toShanghaiIso(this.clock.now()), session.expiresAt)) {
      throw new TokenRejected('revoked', claims.sub);
    }
    const { username, role, department, organisationId } = state.user;
    return { id: username, role, ...(department ? { department } : {}), ...(organisationId ? { organisationId } : {}) };
  }

  newRefreshToken(username: string): { token: string; hash: string; expiresAt: string } {
    const token = `${username}.${generateSecret()}`;
    const expiresAt = toShanghaiIso(
      new Date(this.clock.now().getTime() + this.config.auth.refreshTokenTtlSeconds * 1000),
    );
    return { token, hash: hashToken(token), expiresAt };
  }

  private seconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

/** The account a refresh token names and its digest, or undefined when it is not one of ours. */
export function parseRefreshToken(token: unknown): { username: string; hash: string } | undefined {
  if (typeof token !== 'string' || token.length > 200) return undefined;
  const dot = token.lastIndexOf('.');
  const username = token.slice(0, dot);
  if (dot < 0 || !isUsername(username) || !/^[A-Za-z0-9_-]{43}$/.test(token.slice(dot + 1))) return undefined;
  return { username, hash: hashToken(token) };
}
