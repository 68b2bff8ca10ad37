import { closeSync, fdatasync, openSync } from 'node:fs';

/**
 * Makes committed WAL frames durable without holding the event loop: SQLite runs with
 * `synchronous=NORMAL` (a commit writes its frames to the OS, which survives a killed process,
 * but does not fsync), and this syncs the WAL file on libuv's thread pool before anyone is
 * answered. better-sqlite3 is synchronous, so SQLite's own fsync in every commit
 * (`synchronous=FULL`) stalled every request in flight for the length of a disk flush
 * (docs/benchmarks.md, bench:commands). One sync runs at a time; whoever asks while it runs
 * waits for the next one, which covers every frame written before it started (group sync).
 *
 * The descriptor is our own, opened read-only on the WAL file SQLite keeps open while any
 * connection is; SQLite holds no POSIX lock on that file, so closing it (at store close) cannot
 * release one of SQLite's locks.
 */
export class WalSync {
  private readonly fd: number;
  private running = false;
  private waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  /** A failed fsync leaves the page cache's state unknown: every later sync fails too (as PostgreSQL does). */
  private failure: unknown;

  constructor(walFile: string) {
    this.fd = openSync(walFile, 'r');
  }

  /** Why syncing failed, if it did: nothing may be committed after that (its answer could never be given). */
  get failed(): unknown {
    return this.failure;
  }

  /** Resolves once every frame written before this call is on disk. */
  sync(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.running) this.start();
    });
  }

  /** Waits for the syncs asked for so far; used before the file is closed. */
  async idle(): Promise<void> {
    if (this.running || this.waiting.length > 0) await this.sync().catch(() => undefined);
  }

  close(): void {
    closeSync(this.fd);
  }

  private start(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.running = true;
    fdatasync(this.fd, (error) => {
      this.running = false;
      if (error) this.failure ??= error;
      for (const waiter of batch) {
        if (this.failure === undefined) waiter.resolve();
        else waiter.reject(this.failure);
      }
      if (this.waiting.length > 0) this.start();
    });
  }
}
