import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The lock file in DATA_DIR (a SQLite file: nothing in it but the lock). */
export const SCHEDULER_LOCK_FILE = 'scheduler.lock';

/**
 * At most one in-process scheduler per data folder: two processes on one DATA_DIR (two
 * embedded apis, an api and a worker without Redis) would each send every webhook. The lock is
 * SQLite's exclusive lock on a file of its own, held by an open transaction for the life of
 * the process: an OS lock (fcntl), so it goes with the process however it ends — SIGKILL
 * included — and no stale lock file ever needs clearing. SQLite also refuses a second
 * connection of the same process, so two apps in one test process see the same rule.
 */
export class SchedulerLock {
  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {}

  /** The lock, or undefined when another process (or connection) holds it. */
  static tryAcquire(dataDir: string): SchedulerLock | undefined {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, SCHEDULER_LOCK_FILE);
    const db = new Database(path, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      return new SchedulerLock(db, path);
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return undefined;
      throw error;
    }
  }

  release(): void {
    if (!this.db.open) return;
    this.db.exec('ROLLBACK');
    this.db.close();
  }
}
