import { UnprocessableEntityException } from '@nestjs/common';
import type { EventMetadata, RecordedEvent } from '@zw/event-store';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { apiMessage } from '../errors/api-errors';
import { idempotencyKey } from './request-conventions';

/**
 * Idempotency-Key as the IETF draft (httpapi-idempotency-key-header) describes it: the key is
 * bound to a fingerprint of the request (method, path with its query, body), kept with the
 * events it appended. A retry with the same fingerprint is answered from those events; the same
 * key with another request is refused (422), as the client reused a key by mistake.
 */
export interface Idempotency {
  readonly key: string;
  readonly fingerprint: string;
}

export function idempotencyOf(req: Request): Idempotency | undefined {
  const key = idempotencyKey(req);
  if (key === undefined) return undefined;
  return { key, fingerprint: fingerprintOf(req.method, req.originalUrl, req.body) };
}

export function fingerprintOf(method: string, url: string, body: unknown): string {
  const content = `${method.toUpperCase()} ${url}\n${canonicalJson(body ?? null)}`;
  return createHash('sha256').update(content).digest('base64url');
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Buffer.isBuffer(value)) return `bytes:${createHash('sha256').update(value).digest('base64url')}`;
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `${actorId} ${key}`: keys are per actor, so two users' keys never collide. */
export function idempotencyId(actorId: string, key: string): string {
  return `${actorId} ${key}`;
}

/**
 * The events an earlier command with this key appended, or undefined when there was none.
 * Throws 422 `IDEMPOTENCY.KEY_REUSED` when that command was another request. Events appended
 * before fingerprints were recorded carry none and are replayed as before.
 */
export function earlierCommand(
  recorded: ReadonlyMap<string, readonly RecordedEvent[]>,
  actorId: string,
  idempotency: Idempotency | undefined,
): readonly RecordedEvent[] | undefined {
  if (!idempotency) return undefined;
  const earlier = recorded.get(idempotencyId(actorId, idempotency.key));
  if (!earlier) return undefined;
  const fingerprint = earlier[0]!.metadata.idempotencyFingerprint;
  if (typeof fingerprint === 'string' && fingerprint !== idempotency.fingerprint) {
    throw new UnprocessableEntityException({
      code: 'IDEMPOTENCY.KEY_REUSED',
      message: apiMessage('IDEMPOTENCY.KEY_REUSED'),
      details: { idempotencyKey: idempotency.key },
    });
  }
  return earlier;
}

/** The metadata of the events a keyed command appends: the key and the request's fingerprint. */
export function withIdempotency(metadata: EventMetadata, idempotency: Idempotency | undefined): EventMetadata {
  if (!idempotency) return metadata;
  return { ...metadata, idempotencyKey: idempotency.key, idempotencyFingerprint: idempotency.fingerprint };
}

/** A replay answers what the first request answered (201), marked so a client can tell. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
