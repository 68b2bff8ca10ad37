import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injectable, NotFoundException, type INestApplication, type OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Operational endpoints (Prometheus metrics — route-level counts incl. failed logins, the Node
 * version — and readiness details) are served only on MANAGEMENT_PORT, bound to
 * MANAGEMENT_HOST (127.0.0.1 unless set): the same app, another listener. The public port
 * keeps the minimal liveness `/health`.
 */
export const MANAGEMENT_PATHS: ReadonlySet<string> = new Set(['/metrics', '/health/ready']);
/** What the management listener serves at all; anything else there is 404. */
const SERVED_ON_MANAGEMENT: ReadonlySet<string> = new Set([...MANAGEMENT_PATHS, '/health']);

const VIA_MANAGEMENT = Symbol('via-management-port');

function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!;
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Public-port middleware: the management paths do not exist there. */
export function publicSurface(req: Request, _res: Response, next: NextFunction): void {
  if (MANAGEMENT_PATHS.has(pathOf(req.path)) && !(req as unknown as Record<symbol, boolean>)[VIA_MANAGEMENT]) {
    next(new NotFoundException({ code: 'NOT_FOUND', message: '没有这个地址', details: {} }));
    return;
  }
  next();
}

/** The request listener of the management port: the app's own handler, limited to its paths. */
export function managementHandler(app: INestApplication): RequestListener {
  const handle = app.getHttpAdapter().getInstance() as RequestListener;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!SERVED_ON_MANAGEMENT.has(pathOf(req.url)) || req.method !== 'GET') {
      res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ statusCode: 404, code: 'NOT_FOUND', message: '没有这个地址', details: {} }));
      return;
    }
    (req as unknown as Record<symbol, boolean>)[VIA_MANAGEMENT] = true;
    handle(req, res);
  };
}

/** The management listener, closed with the app. */
@Injectable()
export class ManagementServer implements OnApplicationShutdown {
  private server?: Server;

  /** Starts listening; resolves with the address actually bound (port 0 picks a free one). */
  async listen(app: INestApplication, port: number, host: string): Promise<AddressInfo> {
    const server = createServer(managementHandler(app));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return server.address() as AddressInfo;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
