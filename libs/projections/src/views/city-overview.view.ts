import type { LocalDate } from '@zw/domain';
import { DEPARTMENT_KIND_RULE } from './department-kind';
import { rankDistricts, DISTRICT_RANKING_RULE } from './district-ranking';
import type { DepartmentOverdue, DistrictSummary, IndicatorEntry } from './district-summary';

/** Chinese order (pinyin) for names; one collator, not one per comparison. */
const zh = new Intl.Collator('zh-Hans-CN').compare;

/**
 * The city's view of its districts on `today` (leaders of the city, and its office): each
 * district's tasks by light and completion, overdue items by district and by kind of
 * department (the same 区城管局 across districts), the same indicator side by side, and a
 * ranking between districts whose rule is part of the answer. A merge of the districts'
 * summaries (district-summary.ts), which the api keeps per district and day.
 */
export function cityOverviewView(
  organisation: { readonly id: string; readonly name: string; readonly kind: string },
  districts: readonly DistrictSummary[],
  today: LocalDate,
  asOf: LocalDate | null,
) {
  const ranking = rankDistricts(districts);
  const rankOf = new Map(ranking.map((r) => [r.organisationId, r.rank]));
  return {
    organisation,
    asOf: today,
    asOfRequested: asOf,
    districts: districts.map((d) => ({
      organisationId: d.organisationId,
      name: d.name,
      planId: d.planId,
      planTitle: d.planTitle,
      tasks: d.tasks,
      overdue: d.overdue,
      rank: rankOf.get(d.organisationId)!,
    })),
    overdueByDistrict: districts
      .map((d) => ({ organisationId: d.organisationId, name: d.name, ...d.overdue }))
      .sort((a, b) => b.items - a.items || zh(a.name, b.name)),
    departmentKindRule: DEPARTMENT_KIND_RULE,
    overdueByDepartmentKind: byKind(districts),
    indicators: sideBySide(districts),
    ranking: { rule: DISTRICT_RANKING_RULE, districts: ranking },
  };
}

type KindLine = Omit<DepartmentOverdue, 'kind'> & { readonly organisationId: string; readonly name: string };

function byKind(districts: readonly DistrictSummary[]) {
  const kinds = new Map<string, { overdueItems: number; districts: KindLine[] }>();
  for (const d of districts) {
    for (const { kind, ...figures } of d.overdueByDepartment) {
      if (figures.items === 0) continue;
      let entry = kinds.get(kind);
      if (!entry) kinds.set(kind, (entry = { overdueItems: 0, districts: [] }));
      entry.overdueItems += figures.items;
      entry.districts.push({ organisationId: d.organisationId, name: d.name, ...figures });
    }
  }
  return [...kinds]
    .map(([kind, entry]) => ({
      kind,
      overdueItems: entry.overdueItems,
      districts: entry.districts.sort((a, b) => b.items - a.items || zh(a.name, b.name)),
    }))
    .sort((a, b) => b.overdueItems - a.overdueItems || zh(a.kind, b.kind));
}

/**
 * The same indicator across districts: indicators are matched by their 三级指标 name as the
 * plans write it (two plans that word it differently are two indicators). Most widely shared
 * first, then in the order the first district's plan lists them.
 */
function sideBySide(districts: readonly DistrictSummary[]) {
  const groups = new Map<string, { units: Set<string>; districts: IndicatorEntry[] }>();
  for (const d of districts) {
    for (const { key, unit, entry } of d.indicators) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { units: new Set(), districts: [] }));
      if (unit !== null) group.units.add(unit);
      group.districts.push(entry);
    }
  }
  return [...groups]
    .map(([name, group]) => ({ name, units: [...group.units], districts: group.districts }))
    .sort((a, b) => b.districts.length - a.districts.length);
}
