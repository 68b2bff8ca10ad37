import type { Role } from '@zw/domain';
import type { Policy } from './policy.table';

/**
 * Who asks: the api builds this from a verified access token. `Role` is the domain's, which
 * includes `system`: no policy lists it, so a system actor is never let in through HTTP.
 */
export interface Principal {
  readonly role: Role;
  /** The one department a `department` user acts for. */
  readonly department?: string;
}

/** What is asked about: the departments taking part in it (a task's lead and cooperating units). */
export interface Resource {
  readonly departments: readonly string[];
}

export type Decision = 'allow' | 'deny';

/**
 * Without a resource this answers the route's question (may this principal call it at all?);
 * with one, also the resource's. An `own-department` policy allows a department user through
 * the route, and `departmentScope` tells the handler to ask again with the resource, or to
 * filter a list by it. Fails closed: no principal, a role not listed, or a department user
 * bound to no department is denied everything but public routes.
 */
export function authorize(policy: Policy, principal: Principal | undefined, resource?: Resource): Decision {
  if (policy.scope === 'none') return 'allow';
  if (!principal || !(policy.roles as readonly Role[]).includes(principal.role)) return 'deny';
  const department = boundDepartment(principal);
  if (principal.role === 'department' && department === undefined) return 'deny';
  if (
    policy.scope === 'own-department' &&
    department !== undefined &&
    resource &&
    !resource.departments.includes(department)
  ) {
    return 'deny';
  }
  return 'allow';
}

/**
 * The department a principal's access under `policy` is confined to, or undefined when it
 * is not confined (other roles, other scopes). A list handler keeps only the rows naming it.
 * A department user bound to nothing is confined to '', which no row names.
 */
export function departmentScope(policy: Policy, principal: Principal): string | undefined {
  if (policy.scope !== 'own-department' || principal.role !== 'department') return undefined;
  return boundDepartment(principal) ?? '';
}

function boundDepartment(principal: Principal): string | undefined {
  if (principal.role !== 'department') return undefined;
  const department = principal.department?.trim();
  return department ? department : undefined;
}
