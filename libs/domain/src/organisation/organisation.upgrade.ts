import type { Instant } from '../shared/local-date';
import type { OrganisationEvent, OrganisationKind } from './organisation.events';
import type { OrganisationTree } from './organisation.state';

export interface DefaultOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
}

/**
 * Bringing a deployment from before organisations into the tree, as events (nothing is
 * rewritten): the default organisation is created if the tree is empty, and every plan the
 * store holds that belongs to no organisation is attached to it. Run again, it decides nothing.
 * A plan is never moved: one already attached elsewhere stays where it is.
 */
export function decideUpgrade(
  tree: OrganisationTree,
  organisation: DefaultOrganisation,
  plans: readonly string[],
  now: Instant,
): OrganisationEvent[] {
  const events: OrganisationEvent[] = [];
  if (!tree.nodes.has(organisation.id)) {
    if (tree.nodes.size > 0) return []; // a tree someone built: the default is not forced into it
    events.push({
      type: 'OrganisationCreated',
      data: {
        organisationId: organisation.id,
        name: organisation.name,
        kind: organisation.kind,
        parentId: null,
        createdAt: now,
      },
    });
  }
  for (const planId of new Set(plans)) {
    if (tree.planOwners.has(planId)) continue;
    events.push({ type: 'PlanAttached', data: { organisationId: organisation.id, planId, attachedAt: now } });
  }
  return events;
}
