/**
 * What the access log must never hold: a calendar feed's key is the whole capability, so a
 * leaked log line would be a working subscription. The path keeps its shape, the key goes —
 * from the URL and from the route parameters (the key and any wildcard split of the path).
 */
const FEED_KEY = /(\/calendar\/feeds\/)[^/?#]*/g;

export function redactUrl(url: unknown): unknown {
  return typeof url === 'string' ? url.replace(FEED_KEY, '$1[redacted]') : url;
}

/** pino-http's request serializer, applied after the standard one. */
export function redactRequest<R extends { url?: unknown; params?: unknown }>(req: R): R {
  if (typeof req.url !== 'string' || !req.url.replace(/%2f/gi, '/').includes('/calendar/feeds/')) return req;
  return { ...req, url: redactUrl(req.url.replace(/%2f/gi, '/')), params: '[redacted]' };
}
