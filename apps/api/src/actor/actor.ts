import { randomUUID } from 'node:crypto';
import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { toShanghaiIso, type Clock } from '@zw/clock';
import type { CommandMetadata } from '@zw/domain';
import type { EventMetadata } from '@zw/event-store';
import type { Request } from 'express';

export const ROLES = ['office', 'department', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: the account a verified access token names (auth/access/access.guard.ts). */
export interface Actor {
  /** The user name of the account. */
  readonly id: string;
  readonly role: Role;
  /** Canonical department name; present for the `department` role only. */
  readonly department?: string;
  /** The organisation the account works in; absent only for an account the upgrade has not bound yet (it reaches nothing). */
  readonly organisationId?: string;
}

/** Where the access guard leaves the actor it verified; nothing else writes it. */
export const ACTOR_KEY = 'zwActor';

export type RequestWithActor = Request & { [ACTOR_KEY]?: Actor };

export function actorOf(req: Request): Actor | undefined {
  return (req as RequestWithActor)[ACTOR_KEY];
}

/**
 * The acting user of a route that requires a login. The access guard runs first on every
 * route; a public route has no actor, so asking for one there is a programming error that
 * still answers 401 rather than acting for nobody.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = actorOf(ctx.switchToHttp().getRequest<Request>());
  if (!actor) throw new UnauthorizedException({ code: 'AUTH.TOKEN_MISSING', message: '请先登录' });
  return actor;
});

/** Metadata of every event a request causes: actor, correlation (the request id) and time. */
export function eventMetadata(actor: Actor, req: Request, clock: Clock): EventMetadata {
  const correlationId = String((req as Request & { id?: unknown }).id ?? '');
  return {
    actorId: actor.id,
    role: actor.role,
    ...(actor.department ? { department: actor.department } : {}),
    correlationId,
    causationId: correlationId,
    occurredAt: toShanghaiIso(clock.now()),
  };
}

/** The domain's view of who commands and when (the decision's `now` comes from the clock). */
export function commandMetadata(actor: Actor, clock: Clock): CommandMetadata {
  return {
    actor: { actorId: actor.id, role: actor.role, ...(actor.department ? { department: actor.department } : {}) },
    now: toShanghaiIso(clock.now()),
  };
}

/** Metadata for what the system does by itself (seeding, CLI imports): a named system actor. */
export function systemMetadata(actorId: string, clock: Clock): EventMetadata {
  const correlationId = randomUUID();
  return { actorId, role: 'system', correlationId, causationId: correlationId, occurredAt: toShanghaiIso(clock.now()) };
}
