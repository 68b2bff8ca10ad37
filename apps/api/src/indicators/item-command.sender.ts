import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@zw/clock';
import type { CommandMetadata } from '@zw/domain';
import type { Request, Response } from 'express';
import { commandMetadata, eventMetadata, type Actor } from '../actor/actor';
import { idempotencyOf, REPLAYED_HEADER } from '../http/idempotency';
import { ifMatch } from '../http/request-conventions';
import { ExecuteItemCommand, type NewItemEvent } from './execute-item-command.handler';
import type { ItemKind, ItemKinds } from './item-streams';

/**
 * The HTTP conventions of indicator and project commands (the same as the task commands'):
 * If-Match → expected revision, Idempotency-Key, metadata from the actor and the clock, the
 * answer with revision, global position and ETag; 201 when appended (a replay too, with
 * `Idempotent-Replayed: true`), 200 for a decision that changed nothing.
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
        idempotencyOf(req),
      ),
    );
    // A replay answers as the first request did (it appended: 201), marked Idempotent-Replayed.
    res.status(result.events.length > 0 ? 201 : 200);
    if (result.replayed) res.setHeader(REPLAYED_HEADER, 'true');
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
