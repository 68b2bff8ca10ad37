/**
 * How deep a page's request waterfall is: the longest chain of requests each of which started
 * only after the one before it had finished. Timing, not initiators, decides what may depend on
 * what, so the figure is an upper bound: two unrelated requests in sequence count as a chain too.
 */
import type { Page, Request } from 'playwright-core';

export interface Span {
  url: string;
  method: string;
  /** The browser's resource type: document, script, fetch… */
  type: string;
  /** Epoch milliseconds, from the browser's resource timing. */
  start: number;
  end: number;
  /** Request sent → first byte of the answer: the server's time (plus the loopback). */
  waitMs: number;
}

/** Records every finished request of the page (the api's and the assets') with its timing. */
export function recordRequests(page: Page): { spans: Span[] } {
  const record = { spans: [] as Span[] };
  const done = (request: Request) => {
    const timing = request.timing();
    // responseEnd is relative to startTime; -1 when the request failed before any answer.
    const end = timing.startTime + Math.max(timing.responseEnd, 0);
    const waitMs = Math.max(0, timing.responseStart - Math.max(timing.requestStart, 0));
    const span = { url: request.url(), method: request.method(), type: request.resourceType() };
    record.spans.push({ ...span, start: timing.startTime, end, waitMs });
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return record;
}

/**
 * The longest chain of requests in which each waited for the one before it. A request is taken to
 * have waited for the request that finished last before it started (of any kind: a page's chunk,
 * the login answer): what held it back. A request merely finished earlier, while the page still
 * waited for something else, is not its predecessor (the first version counted it, and so counted
 * the notifications, which run beside 我的待办's reads, as a step of their chain). Still a timing
 * view, not initiators: on a loaded machine it can only over-state, never hide, a dependency.
 * `counts` picks which requests make up the depth (the api's only, or all).
 */
export function longestChain(spans: readonly Span[], counts: (span: Span) => boolean = () => true): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const chains: Span[][] = [];
  sorted.forEach((span, i) => {
    let waitedFor = -1;
    for (let j = 0; j < i; j++)
      if (sorted[j]!.end <= span.start && (waitedFor < 0 || sorted[j]!.end > sorted[waitedFor]!.end)) waitedFor = j;
    chains.push([...(waitedFor < 0 ? [] : chains[waitedFor]!), ...(counts(span) ? [span] : [])]);
  });
  return chains.reduce<Span[]>((longest, chain) => (chain.length > longest.length ? chain : longest), []);
}

/** How deep the page's waterfall is, counting the requests `counts` picks (all by default). */
export function chainDepth(spans: readonly Span[], counts?: (span: Span) => boolean): number {
  return longestChain(spans, counts).length;
}

/**
 * The first version's measure, kept beside it for comparison: any request that finished before
 * another started counts as its predecessor (an upper bound that chains parallel reads).
 */
export function sequentialDepth(spans: readonly Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((span, i) => {
    let deepest = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= span.start) deepest = Math.max(deepest, depth[j]!);
    depth.push(deepest + 1);
  });
  return Math.max(0, ...depth);
}

/** The page's fetches (the api's answers), as opposed to its own files. */
export const isApi = (span: Span): boolean => span.type === 'fetch' || span.type === 'xhr';

/** `GET /me/todo`, `script index-abc.js`: a span named for a timeline. */
export function spanName(span: Span): string {
  const path = new URL(span.url).pathname;
  if (isApi(span)) return `${span.method} ${path}`;
  return `${span.type} ${path.replace(/^\/assets\//, '')}`;
}
