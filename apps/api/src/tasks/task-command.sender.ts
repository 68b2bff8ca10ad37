import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { STATUS_LABELS, type TaskCommand } from '@zw/domain';
import type { Plan } from '@zw/plan';
import type { Request, Response } from 'express';
import { commandMetadata, eventMetadata, type Actor } from '../actor/actor';
import { idempotencyOf, REPLAYED_HEADER } from '../http/idempotency';
import { ifMatch, planIdOf, planNotFound } from '../http/request-conventions';
import { PlanCatalogueCache } from '../plans/plan-catalogue.cache';
import { ExecuteTaskCommand, type TaskCommandResult } from './execute-task-command.handler';

/**
 * The HTTP conventions of every task command in one place: the plan a code belongs to,
 * If-Match → expected revision, Idempotency-Key, metadata from the actor and the clock,
 * and the answer (ETag, 201; a replay also 201 with `Idempotent-Replayed: true`).
 */
@Injectable()
export class TaskCommandSender {
  constructor(
    private readonly commands: CommandBus,
    private readonly plans: PlanCatalogueCache,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  planIdOf(req: Request): string {
    return planIdOf(req, this.config.defaultPlanId);
  }

  /** The plan a request works on; 404 when it was never imported. */
  async plan(req: Request): Promise<Plan> {
    const planId = this.planIdOf(req);
    const found = await this.plans.find(planId);
    if (!found) throw planNotFound(planId);
    return found.plan;
  }

  now(): Date {
    return this.clock.now();
  }

  async send<T extends TaskCommand['type']>(
    req: Request,
    res: Response,
    actor: Actor,
    code: string,
    type: T,
    data: Extract<TaskCommand, { type: T }>['data'],
    /** Ids the command created (an extension's), so the client can address them next. */
    created: Record<string, string> = {},
  ) {
    const metadata = eventMetadata(actor, req, this.clock);
    const command = { type, data, metadata: commandMetadata(actor, this.clock) } as TaskCommand;
    const result = await this.commands.execute(
      new ExecuteTaskCommand(this.planIdOf(req), code, command, metadata, ifMatch(req), idempotencyOf(req)),
    );
    // A replay answers as the first request did (201), marked with Idempotent-Replayed.
    res.status(201);
    if (result.replayed) res.setHeader(REPLAYED_HEADER, 'true');
    res.setHeader('ETag', `"${result.revision}"`);
    return { ...commandResponse(code, result), ...(result.replayed ? {} : created) };
  }
}

export function commandResponse(code: string, result: TaskCommandResult) {
  return {
    code,
    revision: result.revision.toString(),
    position: result.position.toString(),
    events: result.events,
    replayed: result.replayed,
    status: result.state.status,
    statusLabel: STATUS_LABELS[result.state.status],
  };
}
