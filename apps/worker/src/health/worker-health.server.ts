import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HttpException,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { WorkerReadiness } from './worker-readiness';
import type { WorkerHealthAddress } from './worker-health.config';

export const WORKER_HEALTH_ADDRESS = Symbol('WORKER_HEALTH_ADDRESS');

/**
 * The worker's only listener: GET /health and /health/live (the process answers), GET
 * /health/ready (its dependencies, worker-readiness.ts); anything else 404. Plain node:http —
 * the worker is an application context, and a probe needs no routing, guards or body parsing.
 * Listens once the worker is up and closes with it.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHealth');
  private server?: Server;

  constructor(
    private readonly readiness: WorkerReadiness,
    @Inject(WORKER_HEALTH_ADDRESS) private readonly address: WorkerHealthAddress | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.address) return;
    const server = createServer((req, res) => void this.answer(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.address!.port, this.address!.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    this.logger.log({ host: this.address.host, port }, 'worker health listening: /health/live, /health/ready');
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!.replace(/(.)\/+$/, '$1');
    const probe =
      path === '/health' || path === '/health/live'
        ? () => this.readiness.live()
        : path === '/health/ready'
          ? () => this.readiness.ready()
          : undefined;
    if (!probe || req.method !== 'GET')
      return send(res, 404, { statusCode: 404, code: 'NOT_FOUND', message: '没有这个地址', details: {} });
    try {
      send(res, 200, await probe());
    } catch (error) {
      // Terminus answers a failed check with a 503 that carries the whole result.
      if (error instanceof HttpException) return send(res, error.getStatus(), error.getResponse());
      this.logger.error({ error: (error as Error).message }, 'health probe failed');
      send(res, 500, { statusCode: 500, code: 'INTERNAL', message: '服务内部错误', details: {} });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
