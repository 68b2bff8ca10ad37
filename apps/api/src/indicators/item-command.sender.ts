import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@zw/clock';
import type { CommandMetadata } from '@zw/domain';
import type { Request, Response } from 'express';
import { commandMetadata, eventMetadata, type Actor } from '../actor/actor';
import { idempotencyKey, ifMatch } from '../http/request-conventions';
import { ExecuteItemCommand, type NewItemEvent } from './execute-item-command.handler';
import type { ItemKind, ItemKinds } from './item-streams';

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
    const command = commandMetadata(actor, this.clock);
    const result = await this.commands.execute(
      new ExecuteItemCommand(
        kind,
        streamId,
        (state: ItemKinds[K]) => decide(state, command),
        metadata,
        ifMatch(req),
        idempotencyKey(req),
      ),
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
