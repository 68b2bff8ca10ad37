import type { NextFunction, Request, Response } from 'express';

/** Seconds a client should wait when the answer did not say (RFC 9110 §10.2.3). */
export const RETRY_AFTER_DEFAULTS = { 429: 60, 503: 5 } as const;

/**
 * Every 429 and 503 carries `Retry-After`: the throttle sets its own exact value; anything
 * else (a view waiting for the projection, an import already running, readiness down) gets
 * the default. Set when the head is written, so no handler or filter has to remember it.
 */
export function retryAfter(_req: Request, res: Response, next: NextFunction): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
    const status = typeof args[0] === 'number' ? args[0] : this.statusCode;
    const seconds = status === 429 || status === 503 ? RETRY_AFTER_DEFAULTS[status] : undefined;
    if (seconds !== undefined && !this.getHeader('Retry-After')) this.setHeader('Retry-After', String(seconds));
    return writeHead.apply(this, args);
  } as Response['writeHead'];
  next();
}
