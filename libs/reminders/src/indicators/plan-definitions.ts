import { indicatorDefinitions, type IndicatorDefinition } from '@zw/domain';
import { CachedFold, type EventStore, type RecordedEvent } from '@zw/event-store';
import {
  evolveCatalogue,
  initialCatalogue,
  planOf,
  planStreamId,
  type PlanCatalogue,
  type PlanCatalogueEvent,
} from '@zw/plan';

const fold = (state: PlanCatalogue, e: RecordedEvent) =>
  evolveCatalogue(state, { type: e.type, data: e.data } as PlanCatalogueEvent);

/**
 * The indicator definitions of a plan (附件2 with who reports, units, periods), read from its
 * catalogue stream `plan-<planId>`. An import is one atomic append ending in `PlanImported`;
 * readers see whole appends, the log replayed event by event does not, so a past plan is taken
 * as of its last `PlanImported`. Undefined: the plan was not imported (by then).
 */
export class PlanDefinitions {
  private readonly current: CachedFold<PlanCatalogue>;
  private readonly built = new Map<
    string,
    { readonly revision: bigint; readonly defs: readonly IndicatorDefinition[] }
  >();

  constructor(private readonly store: EventStore) {
    this.current = new CachedFold(store, initialCatalogue, fold, 100);
  }

  /** As the plan stands now (a job's re-check), built once per catalogue revision. */
  async now(planId: string): Promise<readonly IndicatorDefinition[] | undefined> {
    const { state, revision } = await this.current.load(planStreamId(planId));
    if (revision === undefined) return undefined;
    const known = this.built.get(planId);
    if (known?.revision === revision) return known.defs;
    const plan = planOf(state);
    if (!plan) return undefined;
    const defs = indicatorDefinitions(plan);
    this.built.set(planId, { revision, defs });
    return defs;
  }

  /** As the last import at or before `position` of the global log left the plan (the planner, replaying the log). */
  async at(planId: string, position: bigint): Promise<readonly IndicatorDefinition[] | undefined> {
    const events = (await this.store.readStream(planStreamId(planId))).filter((e) => e.position <= position);
    const imported = events.map((e) => e.type).lastIndexOf('PlanImported');
    const plan = planOf(events.slice(0, imported + 1).reduce(fold, initialCatalogue()));
    return plan ? indicatorDefinitions(plan) : undefined;
  }
}
