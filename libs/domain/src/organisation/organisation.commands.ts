import type { Command } from '../shared/message';
import type { OrganisationKind } from './organisation.events';
import type { DefaultOrganisation } from './organisation.upgrade';

export type CreateOrganisation = Command<
  'CreateOrganisation',
  {
    readonly organisationId: string;
    readonly name: string;
    readonly kind: OrganisationKind;
    /** The organisation one level up (a district's city, a city's province); none for a root. */
    readonly parentId?: string | null;
  }
>;
export type RenameOrganisation = Command<
  'RenameOrganisation',
  { readonly organisationId: string; readonly name: string }
>;
/** Places an organisation under another one level up; the service offers it from the shell only. */
export type MoveOrganisation = Command<
  'MoveOrganisation',
  { readonly organisationId: string; readonly parentId: string }
>;
/** A plan belongs to exactly one organisation, for good: attaching it elsewhere is refused. */
export type AttachPlan = Command<'AttachPlan', { readonly organisationId: string; readonly planId: string }>;

/**
 * The system's own: a plan no organisation claims belongs to the default organisation, which is
 * created while the tree is empty (the upgrade on start, the seeded plans). Never from HTTP.
 */
export type AdoptUnclaimedPlans = Command<
  'AdoptUnclaimedPlans',
  { readonly organisation: DefaultOrganisation; readonly plans: readonly string[] }
>;

export type OrganisationCommand =
  CreateOrganisation | RenameOrganisation | MoveOrganisation | AttachPlan | AdoptUnclaimedPlans;
