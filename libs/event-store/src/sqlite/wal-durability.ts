import type Database from 'better-sqlite3';
import type { PendingAppend } from './group-commit';
import { WalCheckpointer } from './wal-checkpointer';
import { WalSync } from './wal-sync';

/**
 * What keeps disk work off the event loop for one store file: the WAL sync before callers are
 * answered (only when the store syncs itself, `synchronous=FULL`), the checkpoint thread (any
 * file), and the head subscribers may read up to (what every finished sync covers).
 */
export class WalDurability {
  private readonly wal: WalSync | undefined;
  private readonly checkpointer: WalCheckpointer;
  /** Group commits waiting for their sync, and the head as far as every sync has finished. */
  private unsynced = 0;
  private durableHead: bigint;

  constructor(
    db: Database.Database,
    filename: string,
    syncsItself: boolean,
    /** Position of the last committed event, as the store's own connection sees it. */
    private readonly committedHead: () => bigint,
  ) {
    // A backstop: SQLite checkpoints inside a commit only if the checkpoint thread falls far behind.
    db.pragma('wal_autocheckpoint = 10000');
    this.checkpointer = new WalCheckpointer(filename, { onFailure: () => db.pragma('wal_autocheckpoint = 1000') });
    if (syncsItself) this.wal = new WalSync(`${filename}-wal`);
    this.durableHead = committedHead();
  }

  /** Why a sync failed, if one did: nothing may be committed after that (no answer could be given). */
  get failed(): unknown {
    return this.wal?.failed;
  }

  /** The last event subscribers may read: none whose sync is still running. */
  visibleHead(): bigint {
    const head = this.committedHead();
    return this.unsynced > 0 && head > this.durableHead ? this.durableHead : head;
  }

  /** Runs `settle` once a committed batch is on disk (at once when SQLite synced it, or nothing syncs). */
  afterCommit(batch: PendingAppend[], settle: () => void, fail: (error: unknown) => void): void {
    this.checkpointer.wrote(3 + 2 * batch.length + batch.reduce((n, a) => n + a.events.length, 0));
    if (!this.wal) return settle();
    const head = this.committedHead();
    this.unsynced += 1;
    this.wal.sync().then(
      () => {
        this.unsynced -= 1;
        if (head > this.durableHead) this.durableHead = head;
        settle();
      },
      // Left counted: subscribers keep to what was durable before the failure.
      (error: unknown) => fail(error),
    );
  }

  /** Waits for the syncs asked for so far. */
  async idle(): Promise<void> {
    await this.wal?.idle();
  }

  /** Stops the checkpoint thread and closes the WAL descriptor; before the store's connection closes. */
  async close(): Promise<void> {
    await this.checkpointer.close();
    this.wal?.close();
  }
}
