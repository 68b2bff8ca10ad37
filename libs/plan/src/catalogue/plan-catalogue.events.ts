import type { Department, ExternalUnit, GenericEntry, Indicator, Plan, PlanTask, Project } from '../plan.schema';
import type { ValidationReport } from '../validation-report';

/**
 * Events of a plan's catalogue stream (`plan-<planId>`): what the plan states, as imported.
 * The workflow of each task lives in its own stream; this one only records the plan's text.
 */
export type PlanHeader = Omit<Plan, EntryListName>;

/** The lists of a plan whose rows are imported one by one, each keyed as below. */
export interface CatalogueEntries {
  department: Department;
  externalUnit: ExternalUnit;
  genericEntry: GenericEntry;
  task: PlanTask;
  indicator: Indicator;
  project: Project;
}
export type EntryKind = keyof CatalogueEntries;
export const ENTRY_LISTS = {
  department: 'departments',
  externalUnit: 'externalUnits',
  genericEntry: 'genericEntries',
  task: 'tasks',
  indicator: 'indicators',
  project: 'projects',
} as const satisfies Record<EntryKind, keyof Plan>;
type EntryListName = (typeof ENTRY_LISTS)[EntryKind];

/** A changed field, old → new, as the audit trail shows it. */
export interface FieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

interface Event<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

type EntryEvent<Type extends string, Extra> = {
  [K in EntryKind]: Event<Type, { readonly planId: string; readonly kind: K; readonly key: string } & Extra & Entry<K>>;
}[EntryKind];
type Entry<K extends EntryKind> = { readonly entry: CatalogueEntries[K] };

export type PlanCatalogueEvent =
  | Event<'PlanRegistered', { readonly planId: string; readonly header: PlanHeader }>
  | Event<
      'PlanHeaderRevised',
      { readonly planId: string; readonly changes: readonly FieldChange[]; readonly header: PlanHeader }
    >
  | EntryEvent<'PlanEntryListed', object>
  | EntryEvent<'PlanEntryRevised', { readonly changes: readonly FieldChange[] }>
  | EntryEvent<'PlanEntryWithdrawn', { readonly reason: string }>
  | Event<'PlanImported', PlanImportedData>;

export interface PlanImportedData {
  readonly planId: string;
  readonly planVersion: string;
  /** Where the import came from (file name, `http`, `seed`), for the audit trail. */
  readonly source: string;
  readonly listed: number;
  readonly revised: number;
  readonly withdrawn: number;
  readonly report: ValidationReport;
}

export type PlanCatalogueEventType = PlanCatalogueEvent['type'];

/** Stream ids are built here only. */
export function planStreamId(planId: string): string {
  return `plan-${planId}`;
}

/** The identity of a row within its list: what a re-import matches on. */
export function entryKey<K extends EntryKind>(kind: K, entry: CatalogueEntries[K]): string {
  switch (kind) {
    case 'department':
    case 'externalUnit':
      return (entry as Department | ExternalUnit).name;
    case 'genericEntry':
      return (entry as GenericEntry).text;
    case 'task':
      return (entry as PlanTask).code;
    case 'indicator':
    case 'project':
      return String((entry as Indicator | Project).no);
    default: {
      const never: never = kind;
      throw new Error(`unknown entry kind ${String(never)}`);
    }
  }
}
