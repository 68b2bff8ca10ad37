import { randomUUID } from 'node:crypto';
import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@zw/domain';
import type { Request } from 'express';
import { actorOf, type Actor } from '../actor/actor';
import { idempotencyOf, type Idempotency } from '../http/idempotency';
import { ifMatch, RESOLVED_PLAN_KEY } from '../http/request-conventions';

/** Who commands: a signed-in account, or a named system actor (a CLI, the upgrade, a login). */
export interface CommandActor {
  readonly id: string;
  readonly role: Role;
  readonly department?: string;
  /** The account's organisation: the routes outside plans check the caller's reach with it. */
  readonly organisationId?: string;
}

/**
 * What every command takes besides its data, as plain data that travels on the bus: who asks,
 * the revision the client decided on (If-Match) and its idempotency key. The handler adds the
 * time from its clock.
 */
export interface StreamRequest {
  readonly actor: CommandActor;
  /** The request id: correlation and causation of the events the command appends. */
  readonly correlationId: string;
  /** From If-Match: a stale one is refused (409 *.STALE). */
  readonly expectedRevision: bigint | undefined;
  /** From Idempotency-Key: a retry of the same actor's request appends nothing. */
  readonly idempotency: Idempotency | undefined;
  /** How the command came in when not over HTTP (`cli`), kept in the events' metadata. */
  readonly via?: string;
}

/** A command on a plan's stream (a task, indicator or project): the plan it names. */
export interface CommandRequest extends StreamRequest {
  /** A signed-in account: the plan policies' roles. */
  readonly actor: Actor;
  readonly planId: string;
}

/** The request id (pino-http's): correlation and causation of what the request appends. */
export function correlationOf(req: Request): string {
  return String((req as Request & { id?: unknown }).id ?? '');
}

function streamRequest(req: Request): StreamRequest & { actor: Actor } {
  const actor = actorOf(req);
  if (!actor) throw new UnauthorizedException({ code: 'AUTH.TOKEN_MISSING', message: '请先登录' });
  return {
    actor,
    correlationId: correlationOf(req),
    expectedRevision: ifMatch(req),
    idempotency: idempotencyOf(req),
  };
}

/**
 * The command request of a plan route (replacing `@Req()`, `@Res()` and `@CurrentActor()` in
 * command routes). The plan is the one the access guard resolved (`?plan=`, else the caller's
 * organisation's): every task, indicator and project policy is a plan policy there.
 */
export const CommandIn = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandRequest => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return { ...streamRequest(req), planId: planOf(req) };
});

/** The command request of a route outside plans (accounts, the organisation tree). */
export const CommandBy = createParamDecorator((_: unknown, ctx: ExecutionContext): StreamRequest =>
  streamRequest(ctx.switchToHttp().getRequest<Request>()),
);

/**
 * A command the service sends itself on someone's behalf (a login's refresh token, the
 * attachment that follows a plan import): no If-Match, no Idempotency-Key of the client's.
 */
export function plainRequest(actor: CommandActor, correlationId: string = randomUUID(), via?: string): StreamRequest {
  return { actor, correlationId, expectedRevision: undefined, idempotency: undefined, ...(via ? { via } : {}) };
}

/** What the system does by itself or from the shell: a named system actor. */
export function systemRequest(actorId: string, via?: string): StreamRequest {
  return plainRequest({ id: actorId, role: 'system' }, undefined, via);
}

function planOf(req: Request): string {
  const named = req.query.plan;
  if (typeof named === 'string' && named !== '') return named;
  const resolved = (req as Request & { [RESOLVED_PLAN_KEY]?: string })[RESOLVED_PLAN_KEY];
  // A command route outside the plan policies would act on no plan: a programming error.
  if (resolved === undefined) throw new Error(`no plan resolved for command route ${req.method} ${req.path}`);
  return resolved;
}
