import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { assertPasswordPolicy } from '@zw/auth';
import type { Request } from 'express';
import { CurrentActor, type Actor } from '../../actor/actor';
import { ACCOUNT_THROTTLER, LoginThrottlerGuard } from '../../security/login-throttle';
import { Policy } from '../policy.decorator';
import { UserAccounts } from '../users/user-accounts';
import { passwordRejected } from '../users/passwords';
import { ChangePasswordDto, LoginDto, RefreshTokenDto } from './session.dtos';
import { publicUser, Sessions } from './sessions';

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
  // Per address only: a refresh token cannot be guessed, and counting per account would let
  // anyone who knows a user name lock that user's refreshes.
  @SkipThrottle({ [ACCOUNT_THROTTLER]: true })
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
