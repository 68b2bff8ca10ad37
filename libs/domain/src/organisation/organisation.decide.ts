import { ORGANISATION_KINDS } from '@zw/plan';
import { shanghaiDay } from '../shared/local-date';
import type { CommandMetadata } from '../shared/message';
import { isStreamIdPart } from '../task/task.stream';
import type {
  AttachPlan,
  CreateOrganisation,
  MoveOrganisation,
  OrganisationCommand,
  RenameOrganisation,
} from './organisation.commands';
import { organisationError } from './organisation.errors';
import type { OrganisationEvent, OrganisationKind } from './organisation.events';
import { childrenOf, type OrganisationTree } from './organisation.state';
import { decideUpgrade } from './organisation.upgrade';

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_NAME = 60;
/** The level each kind sits under; a root has no parent. */
const PARENT_KIND: Record<OrganisationKind, OrganisationKind | null> = {
  district: 'city',
  city: 'province',
  province: null,
};

/**
 * The organisation tree's decisions: who (403) first, then the values (400), then the tree's
 * rules (404/409). Repeating what is already so (the same creation, name or attachment)
 * decides nothing, so a retried request appends nothing.
 */
export function decideOrganisations(command: OrganisationCommand, tree: OrganisationTree): OrganisationEvent[] {
  switch (command.type) {
    case 'CreateOrganisation':
      return create(command, tree);
    case 'RenameOrganisation':
      return rename(command, tree);
    case 'MoveOrganisation':
      return move(command, tree);
    case 'AttachPlan':
      return attach(command, tree);
    case 'AdoptUnclaimedPlans':
      if (command.metadata.actor.role !== 'system')
        throw organisationError('ORGANISATION.ADMIN_ONLY', { role: command.metadata.actor.role });
      return decideUpgrade(tree, command.data.organisation, command.data.plans, at(command.metadata));
    default: {
      const never: never = command;
      throw new Error(`unknown organisation command ${JSON.stringify(never)}`);
    }
  }
}

function at(metadata: CommandMetadata): string {
  if (!shanghaiDay(metadata.now)) throw organisationError('ORGANISATION.INVALID_TIME', { now: metadata.now });
  return metadata.now;
}

function adminOnly(metadata: CommandMetadata): void {
  const { role } = metadata.actor;
  if (role !== 'admin' && role !== 'system') throw organisationError('ORGANISATION.ADMIN_ONLY', { role });
}

function cleanName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!name || [...name].length > MAX_NAME) throw organisationError('ORGANISATION.INVALID_NAME', { name: value });
  return name;
}

function siblingNamed(tree: OrganisationTree, parentId: string | null, name: string, except?: string) {
  return childrenOf(tree, parentId).find((n) => n.name === name && n.id !== except);
}

function create(command: CreateOrganisation, tree: OrganisationTree): OrganisationEvent[] {
  adminOnly(command.metadata);
  const { organisationId, kind } = command.data;
  const parentId = command.data.parentId ?? null;
  if (typeof organisationId !== 'string' || !ID.test(organisationId))
    throw organisationError('ORGANISATION.INVALID_ID', { organisationId });
  const name = cleanName(command.data.name);
  if (!ORGANISATION_KINDS.includes(kind)) throw organisationError('ORGANISATION.INVALID_KIND', { kind });
  const existing = tree.nodes.get(organisationId);
  if (existing) {
    if (existing.name === name && existing.kind === kind && existing.parentId === parentId) return [];
    throw organisationError('ORGANISATION.EXISTS', { organisationId });
  }
  if (parentId !== null) parentFor(tree, kind, parentId);
  if (siblingNamed(tree, parentId, name)) throw organisationError('ORGANISATION.NAME_TAKEN', { name, parentId });
  return [
    { type: 'OrganisationCreated', data: { organisationId, name, kind, parentId, createdAt: at(command.metadata) } },
  ];
}

function rename(command: RenameOrganisation, tree: OrganisationTree): OrganisationEvent[] {
  adminOnly(command.metadata);
  const node = tree.nodes.get(command.data.organisationId);
  if (!node) throw organisationError('ORGANISATION.NOT_FOUND', { organisationId: command.data.organisationId });
  const name = cleanName(command.data.name);
  if (name === node.name) return [];
  if (siblingNamed(tree, node.parentId, name, node.id))
    throw organisationError('ORGANISATION.NAME_TAKEN', { name, parentId: node.parentId });
  return [
    {
      type: 'OrganisationRenamed',
      data: { organisationId: node.id, from: node.name, to: name, renamedAt: at(command.metadata) },
    },
  ];
}

function parentFor(tree: OrganisationTree, kind: OrganisationKind, parentId: string) {
  const parent = tree.nodes.get(parentId);
  if (!parent) throw organisationError('ORGANISATION.PARENT_NOT_FOUND', { parentId });
  // Each kind sits exactly one level below its parent, so no move can make a cycle.
  if (PARENT_KIND[kind] !== parent.kind)
    throw organisationError('ORGANISATION.PARENT_LEVEL', { kind, parentKind: parent.kind });
  return parent;
}

function move(command: MoveOrganisation, tree: OrganisationTree): OrganisationEvent[] {
  adminOnly(command.metadata);
  const node = tree.nodes.get(command.data.organisationId);
  if (!node) throw organisationError('ORGANISATION.NOT_FOUND', { organisationId: command.data.organisationId });
  const parent = parentFor(tree, node.kind, command.data.parentId);
  if (node.parentId === parent.id) return [];
  if (siblingNamed(tree, parent.id, node.name, node.id))
    throw organisationError('ORGANISATION.NAME_TAKEN', { name: node.name, parentId: parent.id });
  return [
    {
      type: 'OrganisationMoved',
      data: {
        organisationId: node.id,
        fromParentId: node.parentId,
        toParentId: parent.id,
        movedAt: at(command.metadata),
      },
    },
  ];
}

function attach(command: AttachPlan, tree: OrganisationTree): OrganisationEvent[] {
  const { role } = command.metadata.actor;
  if (role !== 'office' && role !== 'admin' && role !== 'system')
    throw organisationError('ORGANISATION.ATTACH_FORBIDDEN', { role });
  const { organisationId, planId } = command.data;
  const node = tree.nodes.get(organisationId);
  if (!node) throw organisationError('ORGANISATION.NOT_FOUND', { organisationId });
  if (!isStreamIdPart(planId)) throw organisationError('ORGANISATION.INVALID_PLAN', { planId });
  const owner = tree.planOwners.get(planId);
  if (owner === organisationId) return [];
  if (owner !== undefined) throw organisationError('ORGANISATION.PLAN_TAKEN', { planId });
  return [{ type: 'PlanAttached', data: { organisationId, planId, attachedAt: at(command.metadata) } }];
}
