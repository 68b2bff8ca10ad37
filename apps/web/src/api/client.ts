import createClient from 'openapi-fetch';
import { ApiError, type ErrorBody } from './errors';
import type { paths } from './schema';
import { session } from '../auth/session';

/**
 * The typed client (paths and request bodies generated from the OpenAPI document). Every request
 * carries the access token; a 401 renews the session once, silently, and repeats the request.
 * Views wait for the last command's position (X-Min-Position) so a page reads its own writes.
 */
export const api = createClient<paths>({ baseUrl: '', fetch: (request) => authorisedFetch(request) });

let lastPosition: string | undefined;

export function rememberPosition(answer: unknown): void {
  const position = (answer as { position?: unknown } | undefined)?.position;
  if (typeof position === 'string' && (!lastPosition || BigInt(position) > BigInt(lastPosition)))
    lastPosition = position;
}

async function authorisedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const first = await send(request);
  if (first.status !== 401 || !session.canRenew() || isSessionRoute(request.url)) return first;
  if (!(await session.renew())) return first;
  return send(retry);
}

function send(request: Request): Promise<Response> {
  const token = session.accessToken();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  if (lastPosition && request.method === 'GET') request.headers.set('X-Min-Position', lastPosition);
  // A Response cannot carry status 0: an unreachable server is marked by its status text.
  return fetch(request).catch(() => new Response(null, { status: 599, statusText: 'offline' }));
}

function isSessionRoute(url: string): boolean {
  return /\/auth\/(login|refresh|logout)$/.test(new URL(url, 'http://x').pathname);
}

/** What openapi-fetch answers: `data` typed from the document's 2xx schema of the route. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The answer's body, or an ApiError with the api's Chinese message. The body's type is the one
 * generated from the route's 2xx schema (schema.d.ts), so a field the api renames or drops is a
 * compile error where the console reads it.
 */
export async function unwrap<T>(pending: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (response.ok) {
    rememberPosition(data);
    return data as T;
  }
  const status = response.statusText === 'offline' ? 0 : response.status;
  throw new ApiError(status, (error ?? {}) as ErrorBody);
}
