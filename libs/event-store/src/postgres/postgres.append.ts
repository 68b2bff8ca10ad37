import type { ClientBase } from 'pg';
import { ConcurrencyError, InvalidAppendError } from '../event-store.errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import { chainEvents } from '../hash-chain';
import type { PreparedEvent } from '../validate-append';

export const NOTIFY_CHANNEL = 'zw_events';

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expected: ExpectedRevision;
}

/** Per request: the result, or the ConcurrencyError that refused it (nothing of it written). */
export type AppendOutcome = AppendResult | ConcurrencyError;

interface Head {
  revision: bigint | undefined;
  hash: string | null;
}

/**
 * Writes a batch of appends inside the caller's open transaction: reads each stream's head,
 * checks the expected revisions, continues the hash chains, inserts every event in one
 * statement and queues a NOTIFY (delivered at COMMIT). A request whose check fails is left out;
 * the others go on. Two writers that both pass the check against the same head cannot both
 * commit: `(stream_id, revision)` is unique, so the later insert fails (error 23505) and the
 * caller re-runs with fresh heads. The caller commits; until then nothing is visible.
 */
export async function appendInTransaction(
  client: ClientBase,
  requests: readonly AppendRequest[],
  recordedAt: string,
  xidOffset: bigint,
): Promise<AppendOutcome[]> {
  const heads = await readHeads(client, [...new Set(requests.map((r) => r.streamId))]);
  const outcomes: Array<ConcurrencyError | { first: number; count: number; revision: bigint }> = [];
  const rows = { id: [] as string[], stream: [] as string[], revision: [] as string[] };
  const body = { type: [] as string[], data: [] as string[], metadata: [] as string[] };
  for (const request of requests) {
    const head = heads.get(request.streamId)!;
    if (!expectationHolds(request.expected, head.revision)) {
      outcomes.push(new ConcurrencyError(request.streamId, request.expected, head.revision));
      continue;
    }
    const chained = chainEvents(request.events, head.hash);
    let revision = head.revision ?? -1n;
    const first = rows.id.length;
    for (const event of chained.events) {
      revision += 1n;
      rows.id.push(event.id);
      rows.stream.push(request.streamId);
      rows.revision.push(revision.toString());
      body.type.push(event.type);
      body.data.push(event.data);
      body.metadata.push(event.metadata);
    }
    heads.set(request.streamId, { revision, hash: chained.lastHash });
    outcomes.push({ first, count: chained.events.length, revision });
  }
  if (rows.id.length === 0) return outcomes as ConcurrencyError[];
  const inserted = await client.query<{ first: string }>(
    `WITH inserted AS (
       INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at)
       SELECT ((pg_current_xact_id()::text::bigint + $8::bigint) << 16) + t.ordinal,
              t.id, t.stream_id, t.revision, t.type, t.data::json, t.metadata::json, $7::timestamptz
       FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])
            WITH ORDINALITY AS t(id, stream_id, revision, type, data, metadata, ordinal)
       RETURNING position)
     SELECT min(position)::text AS first, pg_notify('${NOTIFY_CHANNEL}', max(position)::text) FROM inserted`,
    [rows.id, rows.stream, rows.revision, body.type, body.data, body.metadata, recordedAt, xidOffset.toString()],
  );
  // Ordinals run 1..n in array order, so the k-th row (0-based) has position first + k.
  const base = BigInt(inserted.rows[0].first);
  return outcomes.map((o) =>
    o instanceof ConcurrencyError
      ? o
      : { nextExpectedRevision: o.revision, position: base + BigInt(o.first + o.count - 1) },
  );
}

async function readHeads(client: ClientBase, streamIds: string[]): Promise<Map<string, Head>> {
  const { rows } = await client.query<{ stream_id: string; revision: string | null; hash: string | null }>(
    `SELECT s.stream_id, e.revision::text AS revision, e.metadata->>'hash' AS hash
     FROM unnest($1::text[]) AS s(stream_id)
     LEFT JOIN LATERAL (
       SELECT revision, metadata FROM events WHERE events.stream_id = s.stream_id ORDER BY revision DESC LIMIT 1
     ) e ON true`,
    [streamIds],
  );
  return new Map(
    rows.map((r) => [
      r.stream_id,
      { revision: r.revision === null ? undefined : BigInt(r.revision), hash: r.hash } satisfies Head,
    ]),
  );
}

function expectationHolds(expected: ExpectedRevision, actual: bigint | undefined): boolean {
  return (
    expected === 'any' ||
    (expected === 'no_stream' && actual === undefined) ||
    (expected === 'stream_exists' && actual !== undefined) ||
    (typeof expected === 'bigint' && actual === expected)
  );
}

/** A unique violation on `(stream_id, revision)`: another writer took the same revision first. */
export function isRevisionRace(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'events_stream_revision';
}

/** Deadlocks and serialisation failures between writers of different processes: safe to re-run. */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '40P01' || code === '40001' || isRevisionRace(error);
}

/** The caller's own mistake, reported like the other adapters do. */
export function mapAppendError(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string };
  if (e.code === '23505' && e.constraint === 'events_id_key') {
    return new InvalidAppendError('events[].id', 'an event with this id is already stored');
  }
  return error;
}
