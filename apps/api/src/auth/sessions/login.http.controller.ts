import { Body, Controller, Get, HttpCode, Injectable, Logger, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { assertPasswordPolicy } from '@zw/auth';
import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ACTOR_KEY, CurrentActor, type Actor } from '../../actor/actor';
import { Policy } from '../policy.decorator';
import { UserAccounts } from '../users/user-accounts';
import { passwordRejected } from '../users/passwords';
import { ChangePasswordDto, LoginDto, RefreshTokenDto } from './session.dtos';
import { publicUser, Sessions } from './sessions';

/**
 * The login throttler (LOGIN_THROTTLE_*), per client address and account: guessing one
 * account's password is slowed down, while an office whose staff share one NAT address can
 * still all log in at 9 o'clock. A refusal is logged, then 429.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  private readonly log = new Logger('Access');

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const body = (req.body ?? {}) as { username?: unknown; refreshToken?: unknown };
    const account =
      typeof body.username === 'string'
        ? body.username
        : typeof body.refreshToken === 'string'
          ? body.refreshToken.slice(0, Math.max(0, body.refreshToken.lastIndexOf('.')))
          : String((req[ACTOR_KEY] as Actor | undefined)?.id ?? '');
    return `${String(req.ip)}|${account.slice(0, 100)}`;
  }
  protected override async throwThrottlingException(
    ctx: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const user = typeof req.body?.username === 'string' ? req.body.username : null;
    this.log.warn(
      {
        event: 'login_throttled',
        user,
        route: `${req.method} ${req.path}`,
        reason: `${detail.totalHits} attempts in ${detail.ttl} ms`,
      },
      'refused: 429',
    );
    return super.throwThrottlingException(ctx, detail);
  }
}

/** Sessions: login, refresh, logout (public: they carry their own proof), and one's own account. */
@ApiTags('登录')
@Controller('auth')
export class LoginController {
  constructor(
    private readonly sessions: Sessions,
    private readonly accounts: UserAccounts,
  ) {}

  /** Returns a short-lived access token (Bearer) and a refresh token. */
  @Policy('auth.login')
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() req: Request) {
    return this.sessions.login(body.username, body.password, req);
  }

  /** Exchanges a refresh token for a new pair; the old refresh token stops working. */
  @Policy('auth.refresh')
  @UseGuards(LoginThrottlerGuard)
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshTokenDto, @Req() req: Request) {
    return this.sessions.refresh(body.refreshToken, req);
  }

  /** Ends the refresh token's session (and its access tokens); always 204. */
  @Policy('auth.logout')
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshTokenDto, @Req() req: Request): Promise<void> {
    await this.sessions.logout(body.refreshToken, req);
  }

  @Policy('auth.me')
  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentActor() actor: Actor) {
    const state = await this.accounts.load(actor.id);
    return state.status === 'absent' ? undefined : publicUser(state.user);
  }

  /** Changes one's own password; every session ends (log in again with the new one). */
  @Policy('auth.change-password')
  @ApiBearerAuth()
  @UseGuards(LoginThrottlerGuard)
  @Post('password')
  @HttpCode(204)
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<void> {
    passwordRejected(() => assertPasswordPolicy(body.newPassword, actor.id), 'newPassword');
    await this.sessions.changePassword(actor, body.currentPassword, body.newPassword, req);
  }
}
