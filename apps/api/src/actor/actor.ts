import { randomUUID } from 'node:crypto';
import { createParamDecorator, ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { toShanghaiIso, type Clock } from '@zw/clock';
import type { EventMetadata } from '@zw/event-store';
import type { Request } from 'express';

export const ROLES = ['office', 'department', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting, as the request states it. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** Canonical department name; required for the `department` role. */
  readonly department?: string;
}

/**
 * The acting user, taken from request headers until access control lands (tokens will
 * fill the same `Actor`; handlers do not change). Header values are percent-encoded UTF-8,
 * because HTTP headers cannot carry Chinese department names as they are.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const header = (name: string) => {
    const value = req.header(name);
    if (value === undefined || value === '') return undefined;
    try {
      return decodeURIComponent(value);
    } catch {
      throw new UnauthorizedException({ code: 'AUTH.BAD_ACTOR', message: `${name} is not valid percent-encoded UTF-8` });
    }
  };
  const id = header('X-Actor-Id');
  const role = header('X-Actor-Role');
  if (!id || !role) {
    throw new UnauthorizedException({ code: 'AUTH.MISSING_ACTOR', message: '缺少操作人：请提供 X-Actor-Id 与 X-Actor-Role' });
  }
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new UnauthorizedException({ code: 'AUTH.BAD_ACTOR', message: `X-Actor-Role must be one of ${ROLES.join(', ')}` });
  }
  return { id, role: role as Role, department: header('X-Actor-Department') };
});

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new ForbiddenException({ code: 'AUTH.FORBIDDEN', message: `此操作仅限 ${roles.join('、')} 角色 (role ${actor.role} may not do this)` });
  }
}

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

/** Metadata for what the system does by itself (seeding, CLI imports): a named system actor. */
export function systemMetadata(actorId: string, clock: Clock): EventMetadata {
  const correlationId = randomUUID();
  return { actorId, role: 'system', correlationId, causationId: correlationId, occurredAt: toShanghaiIso(clock.now()) };
}
