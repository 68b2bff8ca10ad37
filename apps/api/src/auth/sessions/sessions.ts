import { randomUUID } from 'node:crypto';
import { BadRequestException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  generateSecret,
  hashPassword,
  isUsername,
  needsRehash,
  refusedRotation,
  verifyPassword,
  type UserCommand,
  type UserEvent,
  userStreamId,
  type UserRecord,
  type UserState,
} from '@zw/auth';
import { DomainError } from '@zw/domain';
import type { Request } from 'express';
import type { Actor } from '../../actor/actor';
import { correlationOf, plainRequest } from '../../commands/command-request';
import { ExecuteCommand, type Intent } from '../../commands/execute-command.handler';
import { UserAccounts } from '../users/user-accounts';
import { AccessTokens, parseRefreshToken, type IssuedAccess } from './access-tokens';

const REFRESH_REFUSED = '登录已失效，请重新登录';

/** The one answer to a refused refresh, whatever the reason. */
function refreshRefusal() {
  return { code: 'SESSION.INVALID', message: REFRESH_REFUSED, details: {} };
}

export interface TokenPair extends IssuedAccess {
  readonly refreshToken: string;
  readonly refreshExpiresAt: string;
}

/**
 * Login, refresh and logout over the account streams. Failures say as little as possible to
 * the client (one message for an unknown user and a wrong password) and everything to the log.
 */
@Injectable()
export class Sessions {
  private readonly logger = new Logger('Sessions');
  /** Verified for unknown users: every attempt costs one scrypt at the current cost (see verifyPassword). */
  private readonly dummyHash = hashPassword(generateSecret());

  constructor(
    private readonly accounts: UserAccounts,
    private readonly tokens: AccessTokens,
    private readonly bus: CommandBus,
  ) {}

  async login(
    username: string,
    password: string,
    req: Request,
  ): Promise<TokenPair & { user: ReturnType<typeof publicUser> }> {
    const state = isUsername(username) ? await this.accounts.load(username) : ({ status: 'absent' } as UserState);
    const hash = state.status === 'absent' ? await this.dummyHash : state.user.passwordHash;
    const matches = await verifyPassword(password, hash);
    // Unknown, wrong and disabled answer alike, after the same scrypt work: the answer must not
    // confirm that a name exists or that a password was right (the log says which it was). Only a
    // login that succeeds spends more (the rehash below), which its answer says anyway.
    if (state.status !== 'active' || !matches) {
      const reason = state.status === 'absent' ? 'unknown user' : matches ? 'account disabled' : 'wrong password';
      this.refuse(req, username, reason, '用户名或密码错误');
    }
    const user = state.user;
    const refresh = this.tokens.newRefreshToken(username);
    const familyId = randomUUID();
    await this.run(user, req, {
      type: 'IssueRefreshToken',
      data: { familyId, tokenHash: refresh.hash, expiresAt: refresh.expiresAt },
    });
    this.logger.log({ event: 'login', user: username, session: familyId }, 'login');
    if (needsRehash(user.passwordHash)) await this.rehash(user, password, req);
    return {
      ...(await this.tokens.issue(user, familyId)),
      refreshToken: refresh.token,
      refreshExpiresAt: refresh.expiresAt,
      user: publicUser(user),
    };
  }

  /**
   * Strict rotation: the presented token is retired; presenting it again ends the session.
   * Every refusal — malformed, unknown or disabled account, unknown, expired, revoked or reused
   * token — is the same 401 with the same body, so a refresh says nothing about an account.
   */
  async refresh(token: unknown, req: Request): Promise<TokenPair & { user: ReturnType<typeof publicUser> }> {
    const parsed = parseRefreshToken(token);
    if (!parsed) this.refuse(req, null, 'malformed refresh token', REFRESH_REFUSED, 'SESSION.INVALID');
    const state = await this.accounts.load(parsed.username);
    if (state.status !== 'active')
      this.refuse(req, parsed.username, `refresh for ${state.status} account`, REFRESH_REFUSED, 'SESSION.INVALID');
    const next = this.tokens.newRefreshToken(parsed.username);
    let events: readonly UserEvent[];
    try {
      ({ events } = await this.run(state.user, req, {
        type: 'RotateRefreshToken',
        data: { tokenHash: parsed.hash, newTokenHash: next.hash, expiresAt: next.expiresAt },
      }));
    } catch (error) {
      // Logged by run(); the client learns nothing of which rule refused it.
      if (error instanceof DomainError) throw new UnauthorizedException(refreshRefusal());
      throw error;
    }
    if (refusedRotation(events))
      this.refuse(req, parsed.username, 'refresh token reused: session revoked', REFRESH_REFUSED, 'SESSION.INVALID');
    const familyId = (events[0]!.data as { familyId: string }).familyId;
    return {
      ...(await this.tokens.issue(state.user, familyId)),
      refreshToken: next.token,
      refreshExpiresAt: next.expiresAt,
      // A reopened page learns who is signed in from the renewal itself, with no /auth/me after it.
      user: publicUser(state.user),
    };
  }

  /** Idempotent (RFC 7009): an unknown, dead or foreign token is already logged out. */
  async logout(token: unknown, req: Request): Promise<void> {
    const parsed = parseRefreshToken(token);
    const state = parsed ? await this.accounts.load(parsed.username) : undefined;
    if (!parsed || !state || state.status === 'absent') return;
    await this.run(state.user, req, { type: 'RevokeRefreshToken', data: { tokenHash: parsed.hash } });
  }

  /** One's own password, proven by the current one; every session ends, this one too. */
  async changePassword(actor: Actor, current: string, next: string, req: Request): Promise<void> {
    const state = await this.accounts.load(actor.id);
    if (state.status !== 'active' || !(await verifyPassword(current, state.user.passwordHash))) {
      this.logger.warn(
        {
          event: 'password_change_refused',
          user: actor.id,
          route: 'POST /auth/password',
          reason: 'wrong current password',
        },
        'refused',
      );
      throw new BadRequestException({
        code: 'VALIDATION',
        message: '当前密码不正确',
        details: { fields: [{ field: 'currentPassword', reason: '当前密码不正确' }] },
      });
    }
    await this.run(state.user, req, { type: 'ChangePassword', data: { passwordHash: await hashPassword(next) } });
  }

  /**
   * A hash of an older cost, upgraded now that the password is known (once per account). Its own
   * command: a failure costs the upgrade, not the login. It names the hash this login verified,
   * so a change or reset that raced it is not undone.
   */
  private async rehash(user: UserRecord, password: string, req: Request): Promise<void> {
    try {
      const passwordHash = await hashPassword(password);
      const { events } = await this.run(user, req, {
        type: 'RehashPassword',
        data: { passwordHash, replaces: user.passwordHash },
      });
      const outcome = events.length > 0 ? 'rehashed' : 'skipped: password changed meanwhile';
      this.logger.log({ event: 'password_rehash', user: user.username, outcome }, 'password rehash');
    } catch (error) {
      this.logger.error(
        { event: 'password_rehash_failed', user: user.username, error: (error as Error).message },
        'password rehash failed',
      );
    }
  }

  /** A command by the account itself (what a password or refresh token proved). */
  private async run(user: UserRecord, req: Request, command: Intent<UserCommand>) {
    const actor = { id: user.username, role: user.role, ...(user.department ? { department: user.department } : {}) };
    const request = plainRequest(actor, correlationOf(req));
    try {
      const result = await this.bus.execute(
        new ExecuteCommand('user', userStreamId(user.username), command, undefined, request),
      );
      return { events: result.events as readonly UserEvent[] };
    } catch (error) {
      if (error instanceof DomainError && error.code.startsWith('SESSION.')) {
        this.logger.warn(
          { event: 'refresh_refused', user: user.username, route: `${req.method} ${req.path}`, reason: error.code },
          'refused: 401',
        );
      }
      throw error;
    }
  }

  private refuse(
    req: Request,
    user: string | null,
    reason: string,
    message: string,
    code = 'AUTH.LOGIN_FAILED',
  ): never {
    this.logger.warn(
      { event: 'authentication_failed', user, route: `${req.method} ${req.path}`, reason },
      'refused: 401',
    );
    throw new UnauthorizedException({ code, message, details: {} });
  }
}

export function publicUser(user: UserRecord) {
  const { username, displayName, role, department, organisationId, mustChangePassword, createdAt } = user;
  return { username, displayName, role, department, organisationId, mustChangePassword, createdAt };
}
