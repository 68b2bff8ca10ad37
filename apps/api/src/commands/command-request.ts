import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { actorOf, type Actor } from '../actor/actor';
import { idempotencyOf, type Idempotency } from '../http/idempotency';
import { ifMatch, RESOLVED_PLAN_KEY } from '../http/request-conventions';

/**
 * What every command route takes from the request besides its body and path, as plain data
 * that travels on the bus: who asks, on which plan, the revision the client decided on
 * (If-Match) and its idempotency key. The handler adds the time from its clock.
 */
export interface CommandRequest {
  readonly actor: Actor;
  readonly planId: string;
  /** The request id: correlation and causation of the events the command appends. */
  readonly correlationId: string;
  /** From If-Match: a stale one is refused (409 *.STALE). */
  readonly expectedRevision: bigint | undefined;
  /** From Idempotency-Key: a retry of the same actor's request appends nothing. */
  readonly idempotency: Idempotency | undefined;
}

/**
 * The command request of a route (replacing `@Req()`, `@Res()` and `@CurrentActor()` in command
 * routes). The plan is the one the access guard resolved (`?plan=`, else the caller's
 * organisation's): every task, indicator and project policy is a plan policy there.
 */
export const CommandIn = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandRequest => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const actor = actorOf(req);
  if (!actor) throw new UnauthorizedException({ code: 'AUTH.TOKEN_MISSING', message: '请先登录' });
  return {
    actor,
    planId: planOf(req),
    correlationId: String((req as Request & { id?: unknown }).id ?? ''),
    expectedRevision: ifMatch(req),
    idempotency: idempotencyOf(req),
  };
});

function planOf(req: Request): string {
  const named = req.query.plan;
  if (typeof named === 'string' && named !== '') return named;
  const resolved = (req as Request & { [RESOLVED_PLAN_KEY]?: string })[RESOLVED_PLAN_KEY];
  // A command route outside the plan policies would act on no plan: a programming error.
  if (resolved === undefined) throw new Error(`no plan resolved for command route ${req.method} ${req.path}`);
  return resolved;
}
