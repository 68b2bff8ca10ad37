import type Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from '../event-store.port';

const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at';
type Row = [number, string, string, number, string, string, string, string];

/** Prepared once per connection: preparing per call would dominate small appends. */
export function prepareStatements(db: Database.Database) {
  return {
    lastEvent: db
      // The chain's previous hash lives only in the metadata: one small JSON read per append is
      // cheaper than a column that makes every row, and so every group commit, larger.
      .prepare(
        "SELECT revision, json_extract(metadata, '$.hash') FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1",
      )
      .raw(),
    insert: db.prepare(
      `INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    readStream: db
      .prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`)
      .raw(),
    readAll: db
      .prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`)
      .raw(),
    head: db.prepare('SELECT max(position) FROM events').pluck(),
    loadCheckpoint: db.prepare('SELECT position FROM checkpoints WHERE subscriber_id = ?').pluck(),
    storeCheckpoint: db.prepare(
      `INSERT INTO checkpoints (subscriber_id, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (subscriber_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    ),
  };
}
export type Statements = ReturnType<typeof prepareStatements>;

export function toRecorded(rows: unknown[]): RecordedEvent[] {
  const out = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Row;
    out[i] = {
      position: BigInt(r[0]),
      id: r[1],
      streamId: r[2],
      revision: BigInt(r[3]),
      type: r[4],
      data: JSON.parse(r[5]) as unknown,
      metadata: JSON.parse(r[6]) as EventMetadata,
      recordedAt: r[7],
    };
  }
  return out;
}
