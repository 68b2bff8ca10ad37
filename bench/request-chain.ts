/**
 * How deep a page's request waterfall is: the longest chain of requests each of which started
 * only after the one before it had finished. Timing, not initiators, decides what may depend on
 * what, so the figure is an upper bound: two unrelated requests in sequence count as a chain too.
 */
import type { Page, Request } from 'playwright-core';

export interface Span {
  url: string;
  /** The browser's resource type: document, script, fetch… */
  type: string;
  /** Epoch milliseconds, from the browser's resource timing. */
  start: number;
  end: number;
}

/** Records every finished request of the page (the api's and the assets') with its timing. */
export function recordRequests(page: Page): { spans: Span[] } {
  const record = { spans: [] as Span[] };
  const done = (request: Request) => {
    const timing = request.timing();
    // responseEnd is relative to startTime; -1 when the request failed before any answer.
    const end = timing.startTime + Math.max(timing.responseEnd, 0);
    record.spans.push({ url: request.url(), type: request.resourceType(), start: timing.startTime, end });
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return record;
}

/** The depth of the longest sequential chain among the spans (1 for requests all sent together). */
export function chainDepth(spans: readonly Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((span, i) => {
    let deepest = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= span.start) deepest = Math.max(deepest, depth[j]!);
    depth.push(deepest + 1);
  });
  return Math.max(0, ...depth);
}

/** The api's requests only (the page's fetches): what the page asks of the service, not its own files. */
export function apiSpans(spans: readonly Span[]): Span[] {
  return spans.filter((s) => s.type === 'fetch' || s.type === 'xhr');
}
