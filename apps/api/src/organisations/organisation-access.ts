import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { inScope } from '@zw/auth';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { ORGANISATIONS_STREAM_ID, type OrganisationTree } from '@zw/domain';
import { StreamCache } from '../commands/stream-cache';

/** Who asks, as far as the organisation tree is concerned. */
export interface OrganisationMember {
  readonly role: string;
  readonly organisationId?: string;
}

/**
 * The api's use of the pure scope rule (libs/auth organisation-scope.ts) against the tree as it
 * stands: whose a plan is, whether a caller reaches an organisation or a plan, which plan a
 * request means when it names none. Out of reach answers 404, as if it did not exist.
 */
@Injectable()
export class OrganisationAccess {
  constructor(
    private readonly streams: StreamCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The tree as its stream stands now (the command path's cached fold: only newer events are read). */
  async tree(): Promise<OrganisationTree> {
    return (await this.streams.load('organisation', ORGANISATIONS_STREAM_ID)).state;
  }

  /**
   * The organisation a plan belongs to: the one it is attached to; a plan no organisation claims
   * (stored from the shell since the last start) counts as the default organisation's, where the
   * upgrade attaches such plans.
   */
  ownerOf(tree: OrganisationTree, planId: string): string | undefined {
    const owner = tree.planOwners.get(planId);
    if (owner !== undefined) return owner;
    return tree.nodes.has(this.config.defaultOrganisationId) ? this.config.defaultOrganisationId : undefined;
  }

  reaches(tree: OrganisationTree, who: OrganisationMember, organisationId: string | undefined): boolean {
    return inScope(tree, who, organisationId);
  }

  reachesPlan(tree: OrganisationTree, who: OrganisationMember, planId: string): boolean {
    return inScope(tree, who, this.ownerOf(tree, planId));
  }

  /**
   * The plan a request means when it names none: the configured default plan where the caller
   * reaches it (one district: as before), else the plan its own organisation attached last.
   */
  defaultPlanFor(tree: OrganisationTree, who: OrganisationMember): string {
    const fallback = this.config.defaultPlanId;
    if (this.reachesPlan(tree, who, fallback)) return fallback;
    const own = who.organisationId === undefined ? undefined : tree.nodes.get(who.organisationId);
    return own?.plans.at(-1) ?? fallback;
  }
}

export function organisationNotFound(organisationId: string): NotFoundException {
  return new NotFoundException({
    code: 'ORGANISATION.NOT_FOUND',
    message: `组织“${organisationId}”不存在`,
  });
}
