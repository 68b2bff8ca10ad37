import type { OrganisationEvent, OrganisationKind } from './organisation.events';

export interface OrganisationNode {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly parentId: string | null;
  /** Plans attached to this organisation, in the order they were attached. */
  readonly plans: readonly string[];
}

export interface OrganisationTree {
  /** In creation order (parents before children). */
  readonly nodes: ReadonlyMap<string, OrganisationNode>;
  /** planId → the organisation it belongs to. */
  readonly planOwners: ReadonlyMap<string, string>;
}

export function initialOrganisationTree(): OrganisationTree {
  return { nodes: new Map(), planOwners: new Map() };
}

export function evolveOrganisations(tree: OrganisationTree, event: OrganisationEvent): OrganisationTree {
  switch (event.type) {
    case 'OrganisationCreated': {
      const { organisationId: id, name, kind, parentId } = event.data;
      return { ...tree, nodes: new Map(tree.nodes).set(id, { id, name, kind, parentId, plans: [] }) };
    }
    case 'OrganisationRenamed': {
      const node = tree.nodes.get(event.data.organisationId);
      if (!node) return tree;
      return { ...tree, nodes: new Map(tree.nodes).set(node.id, { ...node, name: event.data.to }) };
    }
    case 'OrganisationMoved': {
      const node = tree.nodes.get(event.data.organisationId);
      if (!node) return tree;
      return { ...tree, nodes: new Map(tree.nodes).set(node.id, { ...node, parentId: event.data.toParentId }) };
    }
    case 'PlanAttached': {
      const node = tree.nodes.get(event.data.organisationId);
      if (!node) return tree;
      return {
        nodes: new Map(tree.nodes).set(node.id, { ...node, plans: [...node.plans, event.data.planId] }),
        planOwners: new Map(tree.planOwners).set(event.data.planId, node.id),
      };
    }
    default: {
      const never: never = event;
      throw new Error(`unknown organisation event ${JSON.stringify(never)}`);
    }
  }
}

export function foldOrganisations(
  events: Iterable<OrganisationEvent>,
  from: OrganisationTree = initialOrganisationTree(),
): OrganisationTree {
  let tree = from;
  for (const event of events) tree = evolveOrganisations(tree, event);
  return tree;
}

/** The organisation and the ones above it, nearest first. */
export function lineageOf(tree: OrganisationTree, id: string): OrganisationNode[] {
  const out: OrganisationNode[] = [];
  // Bounded by the tree's size: a parent is always created before its child, so there is no cycle.
  for (let node = tree.nodes.get(id); node && out.length <= tree.nodes.size;) {
    out.push(node);
    node = node.parentId === null ? undefined : tree.nodes.get(node.parentId);
  }
  return out;
}

/** Whether `id` is `scopeId` or lies below it. */
export function isWithin(tree: OrganisationTree, id: string, scopeId: string): boolean {
  return lineageOf(tree, id).some((node) => node.id === scopeId);
}

/** The organisation and every one below it, parents before children. */
export function subtreeOf(tree: OrganisationTree, id: string): OrganisationNode[] {
  return [...tree.nodes.values()].filter((node) => isWithin(tree, node.id, id));
}

export function childrenOf(tree: OrganisationTree, id: string | null): OrganisationNode[] {
  return [...tree.nodes.values()].filter((node) => node.parentId === id);
}

/** The organisation a plan belongs to, if it was ever attached. */
export function ownerOfPlan(tree: OrganisationTree, planId: string): OrganisationNode | undefined {
  const id = tree.planOwners.get(planId);
  return id === undefined ? undefined : tree.nodes.get(id);
}
