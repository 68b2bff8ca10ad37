import { Injectable, Logger } from '@nestjs/common';
import type { PolicyName } from '@zw/auth';
import type { Request } from 'express';
import type { Actor } from '../../actor/actor';
import { planIdOf, planNotFound, RESOLVED_PLAN_KEY } from '../../http/request-conventions';
import { OrganisationAccess, organisationNotFound } from '../../organisations/organisation-access';

/** Policies whose routes are about one plan (`?plan=`, else the caller's default plan); `me.*`: one's to-do of a plan. */
const PLAN_POLICY = /^(task|view|indicator|project|calendar-feed|me)\.|^plan\.read$/;

/**
 * The organisation part of the gate, run after the role check and before the department check:
 * - a route naming an `:organisationId` outside the caller's reach answers 404;
 * - a route about a plan (its `:planId`, `?plan=`, or the plan the caller's organisation works
 *   on when the request names none) resolves the plan first, and a plan of an organisation
 *   outside the caller's reach answers 404 — the same answer as a plan that does not exist, so
 *   nobody learns of another district's plan by trying (libs/auth organisation-scope.ts).
 */
@Injectable()
export class OrganisationScope {
  private readonly logger = new Logger('Access');

  constructor(private readonly access: OrganisationAccess) {}

  async check(req: Request, policy: PolicyName, actor: Actor, route: string): Promise<void> {
    const { organisationId, planId: planParam } = req.params as Record<string, string | undefined>;
    if (organisationId === undefined && planParam === undefined && !PLAN_POLICY.test(policy)) return;
    const tree = await this.access.tree();
    if (organisationId !== undefined && !this.access.reaches(tree, actor, organisationId)) {
      this.refused(actor, route, `organisation ${organisationId} out of reach`);
      throw organisationNotFound(organisationId);
    }
    if (planParam === undefined && !PLAN_POLICY.test(policy)) return;
    const fallback = this.access.defaultPlanFor(tree, actor);
    const planId = planParam ?? planIdOf(req, fallback);
    if (!this.access.reachesPlan(tree, actor, planId)) {
      this.refused(actor, route, `plan ${planId} out of reach`);
      throw planNotFound(planId);
    }
    (req as Request & { [RESOLVED_PLAN_KEY]?: string })[RESOLVED_PLAN_KEY] = fallback;
  }

  private refused(actor: Actor, route: string, reason: string): void {
    this.logger.warn(
      { event: 'access_out_of_scope', user: actor.id, role: actor.role, route, reason },
      'request refused: 404 (out of the caller’s organisations)',
    );
  }
}
