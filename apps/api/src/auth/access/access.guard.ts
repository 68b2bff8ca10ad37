import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authorize, departmentScope, isPolicyName, POLICIES, type PolicyName, type Principal } from '@zw/auth';
import type { Request } from 'express';
import { ACTOR_KEY, type Actor, type RequestWithActor } from '../../actor/actor';
import { POLICY_KEY } from '../policy.key';
import { AccessTokens, TokenRejected } from '../sessions/access-tokens';
import { UserAccounts } from '../users/user-accounts';
import { refusal } from './refusals';
import { OrganisationScope } from './organisation-scope.gate';
import { RequestResources } from './task-resource';

/** What an account that must change its password may still call (logout is public). */
const PASSWORD_CHANGE_ROUTES: ReadonlySet<string> = new Set(['auth.me', 'auth.change-password']);

/**
 * The one gate of every route (registered as APP_GUARD): the route's policy (@Policy) →
 * the bearer token → the policy table → the organisation the route is about (its plan, its
 * `:organisationId`) within the caller's reach → for `own-department` routes, the department
 * the path names. A route without a policy is refused (fail closed), so a new controller cannot
 * be reachable by accident. Refusals are logged with user, route and reason.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly accounts: UserAccounts,
    private readonly resources: RequestResources,
    private readonly organisations: OrganisationScope,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const route = routeOf(req);
    const name: unknown = this.reflector.getAllAndOverride(POLICY_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!isPolicyName(name)) {
      this.logger.error(
        { event: 'route_without_policy', route, policy: name },
        `route ${route} has no @Policy: refused`,
      );
      throw new HttpException(
        { code: 'AUTH.NO_POLICY', message: '此接口未配置访问策略，已拒绝访问' },
        HttpStatus.INTERNAL_SERVER_ERROR,
      );
    }
    const policy = POLICIES[name];
    if (policy.scope === 'none') return true;

    let actor: Actor;
    try {
      actor = await this.tokens.verify(req.header('authorization'), (username) => this.accounts.load(username));
    } catch (error) {
      if (error instanceof TokenRejected) {
        this.logger.warn(
          { event: 'access_unauthenticated', user: error.username ?? null, route, reason: error.failure },
          'request refused: 401',
        );
      }
      throw error;
    }
    // A password someone else set (bootstrap, admin, reset) opens only the change-password door.
    if (!PASSWORD_CHANGE_ROUTES.has(name)) {
      const account = await this.accounts.load(actor.id);
      if (account.status === 'active' && account.user.mustChangePassword) {
        this.logger.warn({ event: 'access_denied', user: actor.id, route, reason: 'password change required' }, '403');
        throw new ForbiddenException({
          code: 'AUTH.PASSWORD_CHANGE_REQUIRED',
          message: '请先修改初始密码（POST /auth/password）后再使用系统',
        });
      }
    }
    const principal: Principal = { role: actor.role, department: actor.department };
    if (authorize(policy, principal) === 'deny') {
      this.deny(actor, route, `role ${actor.role} not in policy ${name}`, refusal(name, isOfficeOnly(name), 'role'));
    }
    // Before the department check: another organisation's plan or organisation is answered as
    // if it did not exist (404), never "forbidden", which would say that it does.
    await this.organisations.check(req, name, actor, route);
    if (departmentScope(policy, principal) !== undefined) {
      const resource = await this.resources.of(req);
      if (resource && authorize(policy, principal, resource) === 'deny') {
        this.deny(
          actor,
          route,
          `department ${actor.department} not among [${resource.departments.join(', ')}] (policy ${name})`,
          refusal(name, isOfficeOnly(name), 'resource'),
        );
      }
    }
    (req as RequestWithActor)[ACTOR_KEY] = actor;
    return true;
  }

  private deny(actor: Actor, route: string, reason: string, answer: ForbiddenException): never {
    this.logger.warn(
      { event: 'access_denied', user: actor.id, role: actor.role, route, reason },
      'request refused: 403',
    );
    throw answer;
  }
}

function isOfficeOnly(name: PolicyName): boolean {
  const roles: readonly string[] = POLICIES[name].roles;
  return roles.length === 1 && roles[0] === 'office';
}

function routeOf(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return `${req.method} ${typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : req.path}`;
}
