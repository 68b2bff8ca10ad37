import { Injectable } from '@nestjs/common';
import { indicatorDefinitions, subtreeOf, type IndicatorDefinition, type OrganisationTree } from '@zw/domain';
import type { Plan } from '@zw/plan';
import { cityOverviewView, districtSummary, indicatorSummaries, type DistrictSummary } from '@zw/projections';
import { OrganisationAccess, organisationNotFound } from '../organisations/organisation-access';
import { BoardCache } from './board.cache';
import { ViewContext, type ViewInput } from './view-context';

const MAX_ENTRIES = 1024;
const definitions = new WeakMap<Plan, readonly IndicatorDefinition[]>();

/** Built once per plan object (the catalogue cache keeps one per revision). */
function definitionsOf(plan: Plan | undefined): readonly IndicatorDefinition[] {
  if (!plan) return [];
  let defs = definitions.get(plan);
  if (!defs) definitions.set(plan, (defs = indicatorDefinitions(plan)));
  return defs;
}

interface District {
  readonly id: string;
  readonly name: string;
  readonly planId: string;
}

/**
 * Gathers every district below an organisation (a city, or a province's cities' districts) —
 * its current plan (the last attached), its board, rows and indicators from the live model, or
 * folded as of a day — and merges their summaries with the pure view. A district's live
 * summary for a day is kept until an event moves one of its task or indicator rows, its plan
 * is revised or it is renamed (as boards are kept); as-of summaries are computed each time.
 * A district with no plan attached yet is left out.
 */
@Injectable()
export class CityOverviewService {
  private readonly summaries = new Map<string, DistrictSummary>();

  constructor(
    private readonly context: ViewContext,
    private readonly boards: BoardCache,
    private readonly organisations: OrganisationAccess,
  ) {}

  async overview(organisationId: string, asOf: string | null, today: string) {
    const tree = await this.organisations.tree();
    const node = tree.nodes.get(organisationId);
    if (!node) throw organisationNotFound(organisationId);
    const districts = await Promise.all(districtsBelow(tree, organisationId).map((d) => this.summary(d, asOf, today)));
    return cityOverviewView({ id: node.id, name: node.name, kind: node.kind }, districts, today, asOf);
  }

  private async summary(d: District, asOf: string | null, today: string): Promise<DistrictSummary> {
    const input = await this.context.inputFor(d.planId, asOf, today);
    const key = asOf ? undefined : keyOf(d, input);
    const hit = key && this.summaries.get(key);
    if (hit) return hit;
    const summary = districtSummary(
      {
        organisation: { id: d.id, name: d.name },
        plan: {
          id: d.planId,
          title: input.plan?.title ?? null,
          organisationName: input.plan?.settings.organisation.name ?? d.name,
        },
        items: this.boards.board(input),
        rows: input.rows,
        indicators: indicatorSummaries(definitionsOf(input.plan), input.indicators, today),
      },
      today,
    );
    if (key) {
      this.summaries.set(key, summary);
      if (this.summaries.size > MAX_ENTRIES) this.summaries.delete(this.summaries.keys().next().value!);
    }
    return summary;
  }
}

function keyOf(d: District, input: ViewInput): string {
  let tasks = -1n;
  for (const row of input.rows) if (row.position > tasks) tasks = row.position;
  let indicators = -1n;
  for (const row of input.indicators) if (row.position > indicators) indicators = row.position;
  const plan = `${input.planId}|${input.planRevision ?? ''}`;
  return `${d.id}|${d.name}|${plan}|${input.today}|${input.rows.length}|${tasks}|${input.indicators.length}|${indicators}`;
}

/** The districts at or below an organisation that have a plan, with the plan attached last. */
export function districtsBelow(tree: OrganisationTree, organisationId: string): District[] {
  return subtreeOf(tree, organisationId)
    .filter((n) => n.kind === 'district' && n.plans.length > 0)
    .map((n) => ({ id: n.id, name: n.name, planId: n.plans.at(-1)! }));
}
