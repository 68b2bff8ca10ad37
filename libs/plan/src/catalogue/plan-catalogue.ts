import type { Plan } from '../plan.schema';
import { defaultPlanSettings } from '../plan.settings';
import type { ValidationReport } from '../validation-report';
import {
  ENTRY_LISTS,
  entryKey,
  type CatalogueEntries,
  type EntryKind,
  type FieldChange,
  type PlanCatalogueEvent,
  type PlanHeader,
} from './plan-catalogue.events';

/** A plan's catalogue as its events left it; rows keep the order in which they were listed. */
export interface PlanCatalogue {
  readonly header?: PlanHeader;
  readonly entries: { readonly [K in EntryKind]: ReadonlyMap<string, CatalogueEntries[K]> };
  readonly lastImport?: { readonly planVersion: string; readonly source: string; readonly report: ValidationReport };
}

const KINDS = Object.keys(ENTRY_LISTS) as EntryKind[];

export function initialCatalogue(): PlanCatalogue {
  return {
    entries: {
      department: new Map(),
      externalUnit: new Map(),
      genericEntry: new Map(),
      task: new Map(),
      indicator: new Map(),
      project: new Map(),
    },
  };
}

export function evolveCatalogue(state: PlanCatalogue, event: PlanCatalogueEvent): PlanCatalogue {
  switch (event.type) {
    case 'PlanRegistered':
    case 'PlanHeaderRevised':
      return { ...state, header: upcastHeader(event.data.header) };
    case 'PlanEntryListed':
    case 'PlanEntryRevised': {
      const { kind, key, entry } = event.data;
      const list = new Map(state.entries[kind] as Map<string, unknown>).set(key, entry);
      return { ...state, entries: { ...state.entries, [kind]: list } };
    }
    case 'PlanEntryWithdrawn': {
      const list = new Map(state.entries[event.data.kind] as Map<string, unknown>);
      list.delete(event.data.key);
      return { ...state, entries: { ...state.entries, [event.data.kind]: list } };
    }
    case 'PlanImported': {
      const { planVersion, source, report } = event.data;
      return { ...state, lastImport: { planVersion, source, report } };
    }
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The events that bring the catalogue to `plan`: nothing when it already states exactly
 * this plan (a re-import appends nothing), otherwise only the differences, then one
 * PlanImported that carries the validation report.
 */
export function decideImport(
  state: PlanCatalogue,
  plan: Plan,
  report: ValidationReport,
  source: string,
): PlanCatalogueEvent[] {
  const planId = plan.id;
  const events: PlanCatalogueEvent[] = [];
  const header = headerOf(plan);
  if (!state.header) events.push({ type: 'PlanRegistered', data: { planId, header } });
  else {
    const changes = fieldChanges(state.header, header);
    if (changes.length > 0) events.push({ type: 'PlanHeaderRevised', data: { planId, changes, header } });
  }
  const counts = { listed: 0, revised: 0, withdrawn: 0 };
  for (const kind of KINDS) {
    const current = state.entries[kind] as ReadonlyMap<string, object>;
    const incoming = new Map(
      (plan[ENTRY_LISTS[kind]] as readonly object[]).map((e) => [entryKey(kind, e as never), e]),
    );
    for (const [key, entry] of incoming) {
      const before = current.get(key);
      if (!before) {
        events.push({ type: 'PlanEntryListed', data: { planId, kind, key, entry } } as PlanCatalogueEvent);
        counts.listed++;
        continue;
      }
      const changes = fieldChanges(before, entry);
      if (changes.length === 0) continue;
      events.push({ type: 'PlanEntryRevised', data: { planId, kind, key, changes, entry } } as PlanCatalogueEvent);
      counts.revised++;
    }
    for (const [key, entry] of current) {
      if (incoming.has(key)) continue;
      const reason = `计划版本 ${plan.planVersion} 中已无此项`;
      events.push({ type: 'PlanEntryWithdrawn', data: { planId, kind, key, reason, entry } } as PlanCatalogueEvent);
      counts.withdrawn++;
    }
  }
  if (events.length === 0) return [];
  events.push({ type: 'PlanImported', data: { planId, planVersion: plan.planVersion, source, ...counts, report } });
  return events;
}

/**
 * A header stored before plans carried `settings` reads with the defaults the service had then
 * (plan.settings.ts); importing the plan file again records its own settings as a revision.
 */
function upcastHeader(header: PlanHeader): PlanHeader {
  if ((header as Partial<PlanHeader>).settings) return header;
  return { ...header, settings: defaultPlanSettings(header.region.name) };
}

/** The plan as the catalogue holds it now, for validation and for every reader of the plan. */
export function planOf(state: PlanCatalogue): Plan | undefined {
  if (!state.header) return undefined;
  const lists = Object.fromEntries(KINDS.map((kind) => [ENTRY_LISTS[kind], [...state.entries[kind].values()]]));
  return { ...state.header, ...lists } as Plan;
}

export function headerOf(plan: Plan): PlanHeader {
  const header: Record<string, unknown> = { ...plan };
  for (const list of Object.values(ENTRY_LISTS)) delete header[list];
  return header as PlanHeader;
}

/** Top-level fields that differ, compared by value (key order does not matter). */
export function fieldChanges(before: object, after: object): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => canonical(b[field]) !== canonical(a[field]))
    .map((field) => ({ field, from: b[field] ?? null, to: a[field] ?? null }));
}

function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
        : v,
    ) ?? 'undefined'
  );
}
