import { ForbiddenException } from '@nestjs/common';
import type { AppConfig } from '@zw/config';
import type { Request, Response } from 'express';

/**
 * Browser sessions: the refresh token lives in an HttpOnly cookie the page's scripts cannot
 * read, sent only to /auth (Path) and only by pages of this site (SameSite=Strict); the access
 * token stays in the page's memory. Secure whenever the request came over TLS (directly, or
 * through a trusted proxy: TRUST_PROXY) or the public address is https.
 */
export const REFRESH_COOKIE = 'zw_refresh';
/**
 * A request that uses the cookie must also carry this header. A cross-site form or image cannot
 * set a custom header, and a cross-site script that tries is stopped by CORS' preflight: with
 * SameSite=Strict, a second defence against CSRF.
 */
export const CSRF_HEADER = 'X-Requested-With';

export function setRefreshCookie(req: Request, res: Response, config: AppConfig, token: string): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/auth',
    secure: req.secure || (config.publicBaseUrl?.startsWith('https:') ?? false),
    // Max-Age (relative) rather than an Expires date from the service clock: a drill's clock
    // (CLOCK_START in the past) would make the browser drop a cookie that "expired" years ago.
    maxAge: config.auth.refreshTokenTtlSeconds * 1000,
  });
}

export function clearRefreshCookie(req: Request, res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/auth',
    secure: req.secure || (config.publicBaseUrl?.startsWith('https:') ?? false),
  });
}

/** The refresh token of the cookie, or undefined when the request has none. */
export function refreshCookieOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === REFRESH_COOKIE) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Refuses a cookie-borne request without the custom header (403, nothing done). */
export function requireCsrfHeader(req: Request): void {
  if ((req.header(CSRF_HEADER) ?? '').trim() === '')
    throw new ForbiddenException({
      code: 'CSRF.HEADER_REQUIRED',
      message: `使用登录 Cookie 时须带请求头 ${CSRF_HEADER}（防跨站请求伪造）`,
    });
}
