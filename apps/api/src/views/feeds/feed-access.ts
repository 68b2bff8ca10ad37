import { Injectable } from '@nestjs/common';
import type { CalendarFeed } from '@zw/domain';
import { UserAccounts } from '../../auth/users/user-accounts';
import { PlanCatalogueCache } from '../../plans/plan-catalogue.cache';
import { ViewContext } from '../view-context';

/** Why a feed that was never revoked still serves nothing; absent = it is open. */
export type FeedClosure = 'revoked' | 'plan-gone' | 'department-gone' | 'issuer-disabled' | 'department-disabled';

export const FEED_STATUS_LABELS = { open: '有效', revoked: '已停用', closed: '已失效' } as const;

/**
 * A feed serves while nobody revoked it and what it was issued for still stands: the plan
 * exists, the department is still one of its departments (or named by a task), the account
 * that issued it is active, and the department is not disabled — a department whose accounts
 * all stand disabled (a department with no account yet is not). Closed feeds answer like
 * unknown ones.
 */
@Injectable()
export class FeedAccess {
  constructor(
    private readonly plans: PlanCatalogueCache,
    private readonly accounts: UserAccounts,
    private readonly context: ViewContext,
  ) {}

  async closure(feed: CalendarFeed): Promise<FeedClosure | undefined> {
    if (feed.revoked) return 'revoked';
    const found = await this.plans.find(feed.planId);
    if (!found) return 'plan-gone';
    if (
      !this.departmentsOf(
        feed.planId,
        found.plan.departments.map((d) => d.name),
      ).has(feed.department)
    )
      return 'department-gone';
    const issuer = await this.accounts.load(feed.issuedBy.actorId);
    if (issuer.status !== 'active') return 'issuer-disabled';
    const staff = (await this.accounts.list()).filter((s) => s.user.department === feed.department);
    if (staff.length > 0 && staff.every((s) => s.status !== 'active')) return 'department-disabled';
    return undefined;
  }

  private departmentsOf(planId: string, listed: readonly string[]): Set<string> {
    const names = new Set(listed);
    for (const row of this.context.liveRows(planId))
      if ('task' in row.state) for (const d of row.state.task.parts.keys()) names.add(d);
    return names;
  }
}
