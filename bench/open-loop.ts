import { Agent, request } from 'node:http';

/** One request of the open-loop run: what to send (a fresh body each time). */
export interface OpenLoopRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface OpenLoopResult {
  readonly sent: number;
  readonly non2xx: number;
  readonly errors: number;
  /** The first failure's message, if any request failed. */
  readonly firstError?: string;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** How late the generator itself sent the latest request (its own stalls, not the server's). */
  readonly maxSendLagMs: number;
}

/**
 * Requests at a fixed arrival rate, evenly spaced (request i is due at start + i / rate, not a
 * burst at the start of each second as autocannon's `overallRate` sends them), whatever the
 * server answers. Latency runs from each request's scheduled time, so a stall of the server (or
 * of this generator) shows in every request due during it instead of being hidden by sending
 * late — the coordinated omission a closed-loop tool has.
 */
export async function openLoop(
  baseUrl: string,
  ratePerSec: number,
  seconds: number,
  next: () => OpenLoopRequest,
): Promise<OpenLoopResult> {
  const url = new URL(baseUrl);
  // Enough sockets that the client never queues requests the server could already take. Idle
  // sockets are closed after 4 s, before the server's 5 s keep-alive timeout: otherwise a socket
  // the server is closing can be reused and the request fails (ECONNRESET), a client artefact.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
  const total = Math.round(ratePerSec * seconds);
  const interval = 1000 / ratePerSec;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let firstError: string | undefined;
  let maxSendLagMs = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now() + 50;
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
    const r = next();
    inFlight.push(
      send(agent, url, r).then(
        (status) => {
          latencies.push(performance.now() - due);
          if (status < 200 || status >= 300) non2xx++;
        },
        (error: Error) => {
          errors++;
          firstError ??= error.message;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round1(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return {
    sent: total,
    non2xx,
    errors,
    ...(firstError ? { firstError } : {}),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: round1(latencies.at(-1) ?? NaN),
    maxSendLagMs: round1(maxSendLagMs),
  };
}

function send(agent: Agent, url: URL, r: OpenLoopRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, method: r.method, path: r.path, headers: r.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

function round1(ms: number): number {
  return Math.round(ms * 10) / 10;
}
