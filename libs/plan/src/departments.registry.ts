import type { Plan } from './plan.schema';
import type { ExternalCategory } from './plan.vocabulary';

/**
 * Resolves a unit name as the plan writes it. Only exact matches on names the plan file lists
 * count: a near miss stays 'unknown' so that the office decides, not a string heuristic.
 */
export type UnitResolution =
  | { readonly kind: 'department'; readonly canonical: string; readonly written: string; readonly viaAlias: boolean }
  | { readonly kind: 'external'; readonly name: string; readonly category: ExternalCategory }
  | { readonly kind: 'generic'; readonly text: string }
  | { readonly kind: 'unknown'; readonly name: string };

export type RegistrySource = Pick<Plan, 'departments' | 'externalUnits' | 'genericEntries'>;

export interface DepartmentRegistry {
  resolve(written: string): UnitResolution;
  /** Canonical names in 责任清单 order. */
  readonly canonicalNames: readonly string[];
}

/** A name claimed twice (alias of two departments, or both an alias and an external unit). */
export interface RegistryConflict {
  readonly name: string;
  readonly claims: readonly string[];
}

type Entry = Exclude<UnitResolution, { kind: 'unknown' }>;

function entries(source: RegistrySource): [string, Entry, string][] {
  const out: [string, Entry, string][] = [];
  for (const d of source.departments) {
    out.push([d.name, { kind: 'department', canonical: d.name, written: d.name, viaAlias: false }, `部门“${d.name}”`]);
    for (const alias of d.aliases) {
      out.push([
        alias,
        { kind: 'department', canonical: d.name, written: alias, viaAlias: true },
        `部门“${d.name}”的别名`,
      ]);
    }
  }
  for (const u of source.externalUnits) {
    out.push([u.name, { kind: 'external', name: u.name, category: u.category }, '外部单位']);
  }
  for (const g of source.genericEntries) {
    out.push([g.text, { kind: 'generic', text: g.text }, '泛指']);
  }
  return out;
}

export function createDepartmentRegistry(source: RegistrySource): DepartmentRegistry {
  const byName = new Map<string, Entry>();
  // First claim wins so that a canonical name is never shadowed by a later alias; conflicts
  // themselves are reported by findRegistryConflicts.
  for (const [name, entry] of entries(source)) if (!byName.has(name)) byName.set(name, entry);
  return {
    canonicalNames: source.departments.map((d) => d.name),
    resolve(written: string): UnitResolution {
      const name = written.trim();
      return byName.get(name) ?? { kind: 'unknown', name };
    },
  };
}

export function findRegistryConflicts(source: RegistrySource): RegistryConflict[] {
  const claims = new Map<string, string[]>();
  for (const [name, , claim] of entries(source)) claims.set(name, [...(claims.get(name) ?? []), claim]);
  return [...claims.entries()].filter(([, list]) => list.length > 1).map(([name, list]) => ({ name, claims: list }));
}
