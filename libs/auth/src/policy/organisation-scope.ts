import { isWithin, type OrganisationTree } from '@zw/domain';
import type { UserRole } from '../roles';

/**
 * How far each role reaches in the organisation tree: the office and departments work only in
 * their own organisation; leaders read their organisation and everything below it (a city's
 * leader reads every district); admins manage accounts of their organisation and below (a
 * city's admin sets up its districts' accounts), and do no task work anywhere.
 */
export const ORGANISATION_REACH = {
  office: 'own',
  department: 'own',
  leader: 'below',
  admin: 'below',
} as const satisfies Record<UserRole, 'own' | 'below'>;

export interface ScopedPrincipal {
  readonly role: string;
  /** The organisation the account is bound to. */
  readonly organisationId?: string;
}

/**
 * Whether something of `organisationId` (a plan's organisation, an account's, an organisation
 * itself) is within the principal's reach. Fails closed: no organisation on either side, an
 * unknown role or an organisation the tree does not hold is out of scope. Out of scope answers
 * 404, as if it did not exist (apps/api/src/auth/access).
 */
export function inScope(
  tree: OrganisationTree,
  principal: ScopedPrincipal,
  organisationId: string | undefined,
): boolean {
  const own = principal.organisationId;
  if (own === undefined || organisationId === undefined || !tree.nodes.has(own)) return false;
  if (!Object.hasOwn(ORGANISATION_REACH, principal.role)) return false;
  const reach = ORGANISATION_REACH[principal.role as UserRole];
  return reach === 'own' ? organisationId === own : isWithin(tree, organisationId, own);
}
