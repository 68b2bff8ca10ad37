import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, toShanghaiIso, type Clock } from '@zw/clock';
import type { CommandMetadata } from '@zw/domain';
import type { Request, Response } from 'express';
import { eventMetadata, type Actor } from '../actor/actor';
import { ExecuteItemCommand, type NewItemEvent } from './execute-item-command.handler';
import type { ItemKind, ItemKinds } from './item-streams';

const IDEMPOTENCY_KEY = /^[\w.:-]{1,200}$/;
const ETAG = /^(?:W\/)?"?(\d{1,19})"?$/;

/**
 * The HTTP conventions of indicator and project commands (the same as the task commands'):
 * If-Match → expected revision, Idempotency-Key, metadata from the actor and the clock, the
 * answer with revision, global position and ETag; 201 when appended, 200 for a replay or a no-op.
 */
@Injectable()
export class ItemCommandSender {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send<K extends ItemKind>(
    req: Request,
    res: Response,
    actor: Actor,
    kind: K,
    streamId: string,
    decide: (state: ItemKinds[K], metadata: CommandMetadata) => NewItemEvent[],
  ) {
    const metadata = eventMetadata(actor, req, this.clock);
    const command: CommandMetadata = {
      actor: { actorId: actor.id, role: actor.role, ...(actor.department ? { department: actor.department } : {}) },
      now: toShanghaiIso(this.clock.now()),
    };
    const result = await this.commands.execute(
      new ExecuteItemCommand(kind, streamId, (state: ItemKinds[K]) => decide(state, command), metadata, ifMatch(req), idempotencyKey(req)),
    );
    const appended = !result.replayed && result.events.length > 0;
    res.status(appended ? 201 : 200);
    if (result.revision !== undefined) res.setHeader('ETag', `"${result.revision}"`);
    return {
      revision: result.revision?.toString() ?? null,
      position: result.position?.toString() ?? null,
      events: result.events.map((e) => e.type),
      replayed: result.replayed,
      /** Data of the events, so the caller can name what was created (a report id). */
      data: result.events.map((e) => e.data as Record<string, unknown>),
    };
  }
}

function ifMatch(req: Request): bigint | undefined {
  const header = req.header('If-Match');
  if (header === undefined || header === '*') return undefined;
  const match = ETAG.exec(header.trim());
  if (!match) throw new BadRequestException({ code: 'VALIDATION', message: 'If-Match: must be an ETag such as "3"', details: [{ field: 'If-Match', reason: 'must be a quoted revision' }] });
  return BigInt(match[1]!);
}

function idempotencyKey(req: Request): string | undefined {
  const key = req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException({ code: 'VALIDATION', message: 'Idempotency-Key: 1-200 characters of letters, digits, . _ : -', details: [{ field: 'Idempotency-Key', reason: 'invalid' }] });
  }
  return key;
}
