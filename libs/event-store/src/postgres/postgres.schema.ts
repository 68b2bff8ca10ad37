import type { Pool, PoolClient } from 'pg';

/**
 * Global positions are derived from the appending transaction's id, not from a sequence:
 * `position = (xid + offset) << POSITION_SHIFT | ordinal within the transaction`. Positions then
 * follow transaction-id order, and a reader that only reads below the oldest transaction still
 * in flight (`pg_snapshot_xmin(pg_current_snapshot())`, as Emmett does) can never later see an
 * event appear below a position it already passed: a late-committing transaction always has an
 * id at or above that bound. A sequence would hand out 10 and 11 to two transactions, let 11
 * commit first and a subscriber checkpoint past 10 forever.
 */
export const POSITION_SHIFT = 16n;
/** Most events one transaction (one group commit) may hold: the ordinal must fit below the shift. */
export const MAX_EVENTS_PER_TRANSACTION = (1 << Number(POSITION_SHIFT)) - 1;

/** Serialises schema changes of every process that opens the same database at once. */
const MIGRATION_LOCK = 'zw-event-store-migrations';

/**
 * Each entry runs once, in order, in one transaction with the version bump. The log is
 * append-only in the database itself: a bug in any client cannot rewrite history.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position    bigint      PRIMARY KEY,
     id          uuid        NOT NULL UNIQUE,
     stream_id   text        NOT NULL,
     revision    bigint      NOT NULL,
     type        text        NOT NULL,
     -- json, not jsonb: the text is kept byte for byte, and the hash chain covers that text.
     data        json        NOT NULL,
     metadata    json        NOT NULL,
     recorded_at timestamptz NOT NULL,
     CONSTRAINT events_stream_revision UNIQUE (stream_id, revision)
   );
   CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN RAISE EXCEPTION 'events are append-only'; END $$;
   CREATE TRIGGER events_append_only_rows BEFORE UPDATE OR DELETE ON events
     FOR EACH ROW EXECUTE FUNCTION events_append_only();
   CREATE TRIGGER events_append_only_truncate BEFORE TRUNCATE ON events
     FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
   CREATE TABLE checkpoints (
     subscriber_id text        PRIMARY KEY,
     position      bigint      NOT NULL,
     updated_at    timestamptz NOT NULL
   );
   CREATE TABLE event_store_settings (
     key   text   PRIMARY KEY,
     value bigint NOT NULL
   );`,
];

/**
 * Brings the schema to the current version (idempotent: a second run changes nothing) and
 * returns the transaction-id offset every position is computed with.
 */
export async function migrate(pool: Pool): Promise<bigint> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS event_store_schema (version integer NOT NULL)');
    const rows = (await client.query<{ version: number }>('SELECT version FROM event_store_schema')).rows;
    let version = rows[0]?.version ?? 0;
    if (rows.length === 0) await client.query('INSERT INTO event_store_schema (version) VALUES (0)');
    for (; version < MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version]);
      await client.query('UPDATE event_store_schema SET version = $1', [version + 1]);
    }
    const offset = await positionOffset(client);
    await client.query('COMMIT');
    return offset;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Normally 0. A log restored from a logical dump into a fresh cluster is ahead of that cluster's
 * transaction ids; the offset lifts new positions above the restored ones, once, for every process.
 */
async function positionOffset(client: PoolClient): Promise<bigint> {
  const stored = await client.query<{ value: string }>(
    "SELECT value FROM event_store_settings WHERE key = 'xid_offset'",
  );
  let offset = BigInt(stored.rows[0]?.value ?? 0);
  const { rows } = await client.query<{ head: string | null; xid: string }>(
    'SELECT (SELECT max(position) FROM events) AS head, pg_current_xact_id()::text AS xid',
  );
  const lastXid = rows[0].head === null ? -1n : BigInt(rows[0].head) >> POSITION_SHIFT;
  if (lastXid >= BigInt(rows[0].xid) + offset) {
    offset = lastXid - BigInt(rows[0].xid) + 1n;
    await client.query(
      `INSERT INTO event_store_settings (key, value) VALUES ('xid_offset', $1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [offset.toString()],
    );
  }
  return offset;
}
