import type { OrganisationKind } from '@zw/plan';
import type { Instant } from '../shared/local-date';
import type { Event } from '../shared/message';

export type { OrganisationKind };

export const ORGANISATION_KIND_LABELS = {
  district: '区（县）',
  city: '市',
  province: '省',
} as const satisfies Record<OrganisationKind, string>;

/**
 * Events of the organisation tree (one stream, `organisationsStreamId`): the tree is small (a
 * province has a few dozen districts) and its rules span nodes — a parent must exist and be one
 * level up, sibling names differ, a plan belongs to one organisation — so the whole tree is the
 * consistency boundary, appended with the revision it was decided on.
 */
export type OrganisationCreated = Event<
  'OrganisationCreated',
  {
    readonly organisationId: string;
    readonly name: string;
    readonly kind: OrganisationKind;
    readonly parentId: string | null;
    readonly createdAt: Instant;
  }
>;

export type OrganisationRenamed = Event<
  'OrganisationRenamed',
  { readonly organisationId: string; readonly from: string; readonly to: string; readonly renamedAt: Instant }
>;

/** An organisation placed under another (a district that ran alone joins its city's deployment). */
export type OrganisationMoved = Event<
  'OrganisationMoved',
  {
    readonly organisationId: string;
    readonly fromParentId: string | null;
    readonly toParentId: string;
    readonly movedAt: Instant;
  }
>;

export type PlanAttached = Event<
  'PlanAttached',
  { readonly organisationId: string; readonly planId: string; readonly attachedAt: Instant }
>;

export type OrganisationEvent = OrganisationCreated | OrganisationRenamed | OrganisationMoved | PlanAttached;
export type OrganisationEventType = OrganisationEvent['type'];

/** Every type this version folds; a reader skips others (an older replica meeting a newer writer). */
export const ORGANISATION_EVENT_TYPES = {
  OrganisationCreated: true,
  OrganisationRenamed: true,
  OrganisationMoved: true,
  PlanAttached: true,
} as const satisfies Record<OrganisationEventType, true>;

export function isOrganisationEvent(event: { readonly type: string }): event is OrganisationEvent {
  return Object.hasOwn(ORGANISATION_EVENT_TYPES, event.type);
}
