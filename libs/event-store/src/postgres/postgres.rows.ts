import type { Pool } from 'pg';
import type { CheckpointStore, EventMetadata, RecordedEvent } from '../event-store.port';

/** Text casts (bigints exceed Number); ORDER BY must name `events.` columns, not these text aliases. */
export const COLUMNS = 'position::text, id::text, stream_id, revision::text, type, data, metadata, recorded_at';

/** One row of COLUMNS (array row mode; node-postgres has parsed the json columns). */
export function toRecorded(row: unknown[]): RecordedEvent {
  return {
    position: BigInt(row[0] as string),
    id: row[1] as string,
    streamId: row[2] as string,
    revision: BigInt(row[3] as string),
    type: row[4] as string,
    data: row[5],
    metadata: row[6] as EventMetadata,
    recordedAt: (row[7] as Date).toISOString(),
  };
}

/** Named positions as rows of `checkpoints`; `ready` makes sure the schema exists first. */
export function postgresCheckpoints(pool: Pool, ready: () => Promise<unknown>, now: () => Date): CheckpointStore {
  return {
    load: async (subscriberId) => {
      await ready();
      const { rows } = await pool.query<{ position: string }>(
        'SELECT position::text AS position FROM checkpoints WHERE subscriber_id = $1',
        [subscriberId],
      );
      return rows.length === 0 ? undefined : BigInt(rows[0].position);
    },
    store: async (subscriberId, position) => {
      await ready();
      await pool.query(
        `INSERT INTO checkpoints (subscriber_id, position, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (subscriber_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
        [subscriberId, position.toString(), now().toISOString()],
      );
    },
  };
}
