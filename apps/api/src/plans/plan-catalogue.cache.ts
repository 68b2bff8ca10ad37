import { Inject, Injectable } from '@nestjs/common';
import { CachedFold, EVENT_STORE, type EventStore } from '@zw/event-store';
import {
  evolveCatalogue,
  initialCatalogue,
  planOf,
  planStreamId,
  type Plan,
  type PlanCatalogue,
  type PlanCatalogueEvent,
} from '@zw/plan';

export interface CurrentPlan {
  readonly plan: Plan;
  readonly state: PlanCatalogue;
  readonly revision: bigint;
}

/**
 * Imported plans as their catalogue streams stand now. Every assignment and plan read needs
 * the plan; folding its ~130 events per request would be repeated work, so the fold is cached
 * and the Plan object is kept per revision (helpers may memoise on it).
 */
@Injectable()
export class PlanCatalogueCache {
  private readonly folds: CachedFold<PlanCatalogue>;
  private readonly current = new Map<string, CurrentPlan>();

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.folds = new CachedFold(store, initialCatalogue, (s, e) =>
      evolveCatalogue(s, { type: e.type, data: e.data } as PlanCatalogueEvent),
    );
  }

  async find(planId: string): Promise<CurrentPlan | undefined> {
    const { state, revision } = await this.folds.load(planStreamId(planId));
    if (revision === undefined) return undefined;
    const known = this.current.get(planId);
    if (known?.revision === revision) return known;
    const plan = planOf(state);
    if (!plan) return undefined;
    const found = { plan, state, revision };
    this.current.set(planId, found);
    return found;
  }
}
