import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { retryAfter } from './retry-after';

/** A bare server running the middleware, then answering with the given status and headers. */
async function answer(status: number, headers: Record<string, string> = {}): Promise<Headers> {
  const server = createServer((req, res) => {
    retryAfter(req as Request, res as Response, (() => undefined) as NextFunction);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).headers;
  } finally {
    server.close();
  }
}

describe('Retry-After on every 429 and 503', () => {
  it('adds the default to a 503 and a 429 that did not say, and keeps one that did', async () => {
    expect((await answer(503)).get('retry-after')).toBe('5');
    expect((await answer(429)).get('retry-after')).toBe('60');
    expect((await answer(429, { 'Retry-After': '17' })).get('retry-after')).toBe('17');
  });

  it('leaves every other status alone', async () => {
    expect((await answer(200)).get('retry-after')).toBeNull();
    expect((await answer(500)).get('retry-after')).toBeNull();
  });
});
