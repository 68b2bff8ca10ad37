/**
 * What the access log must never hold: a calendar feed's key is the whole capability, so a
 * leaked log line would be a working subscription. The path keeps its shape, the key goes.
 */
const FEED_KEY = /(\/calendar\/feeds\/)[^/?#]*/g;

export function redactUrl(url: unknown): unknown {
  return typeof url === 'string' ? url.replace(FEED_KEY, '$1[redacted]') : url;
}

/** pino-http's request serializer, applied after the standard one. */
export function redactRequest<R extends { url?: unknown; params?: unknown }>(req: R): R {
  const params =
    req.params && typeof req.params === 'object' && 'key' in req.params
      ? { ...(req.params as Record<string, unknown>), key: '[redacted]' }
      : req.params;
  return { ...req, url: redactUrl(req.url), params };
}
