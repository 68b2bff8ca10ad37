import type Database from 'better-sqlite3';

/**
 * Schema of the embedded event store. `position` is the global order (an alias of the
 * rowid; AUTOINCREMENT so a position is never reused). `(stream_id, revision)` is unique
 * in the database itself: even a bug in the adapter cannot let two writers both win.
 * Triggers make the log append-only for anything that goes through SQLite.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position    INTEGER PRIMARY KEY AUTOINCREMENT,
     id          TEXT    NOT NULL UNIQUE,
     stream_id   TEXT    NOT NULL,
     revision    INTEGER NOT NULL,
     type        TEXT    NOT NULL,
     data        TEXT    NOT NULL,
     metadata    TEXT    NOT NULL,
     recorded_at TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   );
   CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
   CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
   CREATE TABLE checkpoints (
     subscriber_id TEXT PRIMARY KEY,
     position      INTEGER NOT NULL,
     updated_at    TEXT    NOT NULL
   );`,
];

export type SynchronousMode = 'FULL' | 'NORMAL' | 'EXTRA';

export function openSchema(db: Database.Database, synchronous: SynchronousMode): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  // Another process (the plan import CLI) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
