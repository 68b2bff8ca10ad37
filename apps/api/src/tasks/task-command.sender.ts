import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, toShanghaiIso, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { STATUS_LABELS, type TaskCommand } from '@zw/domain';
import type { Plan } from '@zw/plan';
import type { Request, Response } from 'express';
import { eventMetadata, type Actor } from '../actor/actor';
import { PlanCatalogueCache } from '../plans/plan-catalogue.cache';
import { ExecuteTaskCommand, type TaskCommandResult } from './execute-task-command.handler';

const IDEMPOTENCY_KEY = /^[\w.:-]{1,200}$/;
const ETAG = /^(?:W\/)?"?(\d{1,19})"?$/;

/**
 * The HTTP conventions of every task command in one place: the plan a code belongs to,
 * If-Match → expected revision, Idempotency-Key, metadata from the actor and the clock,
 * and the answer (ETag, 201 when something was appended, 200 for a replay).
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
    const plan = req.query.plan;
    return typeof plan === 'string' && plan !== '' ? plan : this.config.defaultPlanId;
  }

  /** The plan a request works on; 404 when it was never imported. */
  async plan(req: Request): Promise<Plan> {
    const planId = this.planIdOf(req);
    const found = await this.plans.find(planId);
    if (!found) throw new NotFoundException({ code: 'NOT_FOUND', message: `计划“${planId}”尚未导入 (plan not found)` });
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
    const command = {
      type,
      data,
      metadata: { actor: { actorId: actor.id, role: actor.role, department: actor.department }, now: toShanghaiIso(this.clock.now()) },
    } as TaskCommand;
    const result = await this.commands.execute(
      new ExecuteTaskCommand(this.planIdOf(req), code, command, metadata, ifMatch(req), idempotencyKey(req)),
    );
    res.status(result.replayed ? 200 : 201);
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
