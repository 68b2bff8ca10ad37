import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { departmentScope, isPolicyName, POLICIES } from '@zw/auth';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { actorOf } from '../../actor/actor';
import { POLICY_KEY } from '../policy.key';

/**
 * Confines a list to a department user's own rows (a row names its departments in
 * `departments`, as strings or `{ name }`), for `own-department` list routes whose handler
 * does not filter itself. Anything but an array is refused: a route marked as a list that
 * answers something else would otherwise leak it whole.
 */
@Injectable()
export class ScopeRowsInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const actor = actorOf(ctx.switchToHttp().getRequest<Request>());
    const name: unknown = this.reflector.getAllAndOverride(POLICY_KEY, [ctx.getHandler(), ctx.getClass()]);
    const department = actor && isPolicyName(name) ? departmentScope(POLICIES[name], actor) : undefined;
    if (department === undefined) return next.handle();
    return next.handle().pipe(
      map((rows: unknown) => {
        if (!Array.isArray(rows))
          throw new Error(`@ScopeRows route ${ctx.getClass().name}.${ctx.getHandler().name} answered no array`);
        return rows.filter((row) => rowDepartments(row).includes(department));
      }),
    );
  }
}

export function rowDepartments(row: unknown): string[] {
  const departments = (row as { departments?: unknown } | null)?.departments;
  if (!Array.isArray(departments)) return [];
  return departments
    .map((d: unknown) => (typeof d === 'string' ? d : (d as { name?: unknown } | null)?.name))
    .filter((d): d is string => typeof d === 'string');
}
