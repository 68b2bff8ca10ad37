import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { SkipThrottle } from '@nestjs/throttler';
import { assertPasswordPolicy } from '@zw/auth';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '../../actor/actor';
import { ACCOUNT_THROTTLER, LoginThrottlerGuard } from '../../security/login-throttle';
import { Policy } from '../policy.decorator';
import { UserAccounts } from '../users/user-accounts';
import { passwordRejected } from '../users/passwords';
import {
  clearRefreshCookie,
  CSRF_HEADER,
  refreshCookieOf,
  requireCsrfHeader,
  setRefreshCookie,
} from './refresh-cookie';
import { ChangePasswordDto, LoginAnswerDto, LoginDto, PublicUserDto, RefreshTokenDto } from './session.dtos';
import { publicUser, Sessions, type TokenPair } from './sessions';

/** Sessions: login, refresh, logout (public: they carry their own proof), and one's own account. */
@ApiTags('登录')
@Controller('auth')
export class LoginController {
  constructor(
    private readonly sessions: Sessions,
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns a short-lived access token (Bearer) and a refresh token (in the body, or as a cookie for a browser). */
  @Policy('auth.login')
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: '登录',
    description:
      '返回访问令牌与刷新令牌。浏览器页面传 cookie: true：刷新令牌以 HttpOnly、SameSite=Strict、Path=/auth 的 Cookie 下发（经 TLS 时加 Secure），不出现在响应体中。user.mustChangePassword 为 true 时须先修改密码。',
  })
  @ApiOkResponse({ type: LoginAnswerDto })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const answer = await this.sessions.login(body.username, body.password, req);
    return body.cookie ? this.inCookie(req, res, answer) : answer;
  }

  /** Exchanges a refresh token for a new pair (and who it belongs to); the old refresh token stops working. */
  @Policy('auth.refresh')
  @UseGuards(LoginThrottlerGuard)
  // Per address only: a refresh token cannot be guessed, and counting per account would let
  // anyone who knows a user name lock that user's refreshes.
  @SkipThrottle({ [ACCOUNT_THROTTLER]: true })
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: '刷新访问令牌',
    description: `脚本：请求体带 refreshToken。浏览器：不带请求体，用登录时下发的 Cookie，并须带请求头 ${CSRF_HEADER}（否则 403）。旧刷新令牌随即失效。`,
  })
  @ApiHeader({ name: CSRF_HEADER, required: false, description: '使用 Cookie 刷新时必填（任意非空值，如 zw-web）' })
  @ApiOkResponse({ type: LoginAnswerDto })
  async refresh(@Body() body: RefreshTokenDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const cookie = refreshCookieOf(req);
    if (body.refreshToken !== undefined) return this.sessions.refresh(body.refreshToken, req);
    if (cookie === undefined) throw noRefreshToken();
    requireCsrfHeader(req);
    return this.inCookie(req, res, await this.sessions.refresh(cookie, req));
  }

  /** Ends the refresh token's session (and its access tokens); always 204. */
  @Policy('auth.logout')
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: '退出登录',
    description: `脚本：请求体带 refreshToken；浏览器：用 Cookie 并带 ${CSRF_HEADER} 头。`,
  })
  @ApiNoContentResponse()
  async logout(
    @Body() body: RefreshTokenDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const cookie = refreshCookieOf(req);
    if (body.refreshToken !== undefined || cookie === undefined) return this.sessions.logout(body.refreshToken, req);
    requireCsrfHeader(req);
    await this.sessions.logout(cookie, req);
    clearRefreshCookie(req, res, this.config);
  }

  @Policy('auth.me')
  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: '当前用户' })
  @ApiOkResponse({ type: PublicUserDto })
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
  @ApiOperation({ summary: '修改本人密码', description: '须提供当前密码；成功后所有会话结束，用新密码重新登录。' })
  @ApiNoContentResponse()
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<void> {
    passwordRejected(() => assertPasswordPolicy(body.newPassword, actor.id), 'newPassword');
    await this.sessions.changePassword(actor, body.currentPassword, body.newPassword, req);
  }

  /** A browser's answer: the refresh token goes into the cookie and not into the page. */
  private inCookie<T extends TokenPair>(req: Request, res: Response, answer: T): Omit<T, 'refreshToken'> {
    const { refreshToken, ...rest } = answer;
    setRefreshCookie(req, res, this.config, refreshToken);
    return rest;
  }
}

function noRefreshToken(): BadRequestException {
  const reason = '须提供刷新令牌（请求体 refreshToken，或浏览器会话的登录 Cookie）';
  return new BadRequestException({
    code: 'VALIDATION',
    message: `refreshToken: ${reason}`,
    details: [{ field: 'refreshToken', reason }],
  });
}
