import type { EventMetadata, EventStore, RecordedEvent } from '@zw/event-store';
import type { Plan } from '../plan.schema';
import { validatePlan, type ValidationReport } from '../validation-report';
import { decideImport, evolveCatalogue, initialCatalogue, planOf, type PlanCatalogue } from './plan-catalogue';
import { planStreamId, type PlanCatalogueEvent, type PlanImportedData } from './plan-catalogue.events';

export interface ImportResult {
  readonly planId: string;
  readonly planVersion: string;
  /** Events appended by this import: 0 when the store already held exactly this plan. */
  readonly appended: number;
  readonly listed: number;
  readonly revised: number;
  readonly withdrawn: number;
  /** Stream revision after the import (the ETag of the plan), and the global position when something was appended. */
  readonly revision: bigint | undefined;
  readonly position?: bigint;
  readonly report: ValidationReport;
  /** Set on a dry run: the counts are what an import would record, and nothing was appended. */
  readonly dryRun?: true;
}

/** Folds a plan's catalogue stream; `revision` is undefined for a plan never imported. */
export async function loadCatalogue(
  store: EventStore,
  planId: string,
): Promise<{ state: PlanCatalogue; revision: bigint | undefined }> {
  const events = await store.readStream(planStreamId(planId));
  return {
    state: events.reduce((s, e) => evolveCatalogue(s, asCatalogueEvent(e)), initialCatalogue()),
    revision: events.at(-1)?.revision,
  };
}

/**
 * Imports a plan as events: idempotent (the same plan twice appends nothing) and
 * incremental (a changed version appends only its differences), in one atomic append
 * guarded by the revision it was decided on. A dry run decides the same and appends nothing.
 */
export async function importPlan(
  store: EventStore,
  plan: Plan,
  options: { readonly source: string; readonly metadata: EventMetadata; readonly dryRun?: boolean },
): Promise<ImportResult> {
  const report = validatePlan(plan);
  const { state, revision } = await loadCatalogue(store, plan.id);
  const events = decideImport(state, plan, report, options.source);
  const base = {
    planId: plan.id,
    planVersion: plan.planVersion,
    report,
    ...(options.dryRun && { dryRun: true as const }),
  };
  if (events.length === 0) return { ...base, appended: 0, listed: 0, revised: 0, withdrawn: 0, revision };
  if (options.dryRun) {
    // The office reads the report and the changes of a new file before importing it (计划导入 page).
    const { listed, revised, withdrawn } = events.at(-1)!.data as PlanImportedData;
    return { ...base, appended: 0, listed, revised, withdrawn, revision };
  }
  const result = await store.append(
    planStreamId(plan.id),
    events.map((e) => ({ type: e.type, data: e.data, metadata: options.metadata })),
    revision ?? 'no_stream',
  );
  const summary = events.at(-1)!.data as PlanImportedData;
  return {
    ...base,
    appended: events.length,
    listed: summary.listed,
    revised: summary.revised,
    withdrawn: summary.withdrawn,
    revision: result.nextExpectedRevision,
    position: result.position,
  };
}

/** The current plan of a catalogue stream, or undefined when it was never imported. */
export async function readPlan(
  store: EventStore,
  planId: string,
): Promise<{ plan: Plan; state: PlanCatalogue; revision: bigint } | undefined> {
  const { state, revision } = await loadCatalogue(store, planId);
  const plan = planOf(state);
  return plan && revision !== undefined ? { plan, state, revision } : undefined;
}

function asCatalogueEvent(event: RecordedEvent): PlanCatalogueEvent {
  return { type: event.type, data: event.data } as PlanCatalogueEvent;
}
