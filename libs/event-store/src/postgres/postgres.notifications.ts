import { Client, type ClientConfig } from 'pg';
import { NOTIFY_CHANNEL } from './postgres.append';

const RECONNECT_MS = 1000;

/**
 * Wakes live subscriptions: one LISTEN connection per store, opened on the first subscription.
 * Every append (of any process) NOTIFYs at commit; this process's own commits also wake
 * subscribers directly. Polling stays the fallback: while the connection is down, or when a
 * notified event is not yet readable because an older transaction is still open, waiters
 * wake after `pollIntervalMs` anyway.
 */
export class Notifications {
  /** Bumped on every wake-up; a waiter compares it with the value it saw before reading. */
  private seq = 0;
  private readonly waiters = new Set<() => void>();
  private client: Client | undefined;
  private starting: Promise<void> | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly connection: ClientConfig,
    private readonly pollIntervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  get current(): number {
    return this.seq;
  }

  /** Starts listening if nobody did yet; resolves once LISTEN is in place (or failed: polling covers). */
  ensureListening(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.starting ??= this.listen().catch((error: unknown) => {
      this.onError(error);
      this.scheduleReconnect();
    });
    return this.starting;
  }

  wake(): void {
    this.seq += 1;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const w of waiters) w();
  }

  /** Resolves at once if anything happened since `seen`, else on the next wake-up or poll tick. */
  waitSince(seen: number): Promise<void> {
    if (this.closed || this.seq !== seen) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.waiters.add(done);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    this.wake();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client(this.connection);
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.onError(error);
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    // Anything committed while we were not listening is picked up by the next read.
    this.wake();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      this.starting = undefined;
      void this.ensureListening();
    }, RECONNECT_MS);
    this.reconnect.unref();
  }
}
