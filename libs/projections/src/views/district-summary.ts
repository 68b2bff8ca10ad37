import {
  initialIndicatorState,
  LIGHT_LABELS as INDICATOR_LIGHT_LABELS,
  summarizeIndicator,
  type IndicatorDefinition,
  type IndicatorSummary,
  type LocalDate,
} from '@zw/domain';
import type { IndicatorRow } from '../rows/indicator-row';
import type { TaskRow } from '../rows/task-row';
import type { BoardItem } from './board.view';
import { departmentKind } from './department-kind';
import { overdueByDepartment, sumOverdue, type OverdueFigures } from './overdue';
import { tallyTasks } from './overview.view';

/** One district under a city, as the caller gathered it (live or as of a day). */
export interface DistrictInput {
  readonly organisation: { readonly id: string; readonly name: string };
  /** The district's current plan; its departments' names are written against `organisationName`. */
  readonly plan: { readonly id: string; readonly title: string | null; readonly organisationName: string };
  /** The district's full board on the day (cached by the api per plan and day). */
  readonly items: readonly BoardItem[];
  readonly rows: readonly TaskRow[];
  readonly indicators: readonly IndicatorSummary[];
}

/** Each indicator of a plan on `today`, from the live (or as-of) indicator rows; no events → the plan's own. */
export function indicatorSummaries(
  definitions: readonly IndicatorDefinition[],
  rows: readonly IndicatorRow[],
  today: LocalDate,
): IndicatorSummary[] {
  const byId = new Map(rows.map((r) => [r.indicatorId, r]));
  return definitions.map((def) => summarizeIndicator(def, byId.get(def.id)?.state ?? initialIndicatorState(), today));
}

export interface DepartmentOverdue extends OverdueFigures {
  readonly department: string;
  /** 生态环境局 for 连云生态环境局 (department-kind.ts). */
  readonly kind: string;
}

/**
 * What a city overview needs of one district, on one day: a function of the district's rows,
 * indicators and plan only, so the api keeps it until one of them moves (as it keeps boards),
 * and a city's answer is a merge of its districts' summaries.
 */
export interface DistrictSummary {
  readonly organisationId: string;
  readonly name: string;
  readonly planId: string;
  readonly planTitle: string | null;
  readonly tasks: ReturnType<typeof tallyTasks>;
  readonly overdue: OverdueFigures;
  readonly overdueByDepartment: readonly DepartmentOverdue[];
  readonly indicators: ReadonlyArray<{
    readonly key: string;
    readonly unit: string | null;
    readonly entry: IndicatorEntry;
  }>;
}

export interface IndicatorEntry {
  readonly organisationId: string;
  readonly name: string;
  readonly indicatorId: string;
  readonly target: string;
  readonly latest: { readonly period: string; readonly value: unknown } | null;
  readonly progressPercent: number | null;
  readonly met: boolean | null;
  readonly light: keyof typeof INDICATOR_LIGHT_LABELS;
  readonly lightLabel: string;
}

export function districtSummary(d: DistrictInput, today: LocalDate): DistrictSummary {
  const overdue = overdueByDepartment(d.rows, today);
  const { id: organisationId, name } = d.organisation;
  return {
    organisationId,
    name,
    planId: d.plan.id,
    planTitle: d.plan.title,
    tasks: tallyTasks(d.items),
    overdue: sumOverdue(overdue.values()),
    overdueByDepartment: [...overdue].map(([department, figures]) => ({
      department,
      kind: departmentKind(department, d.plan.organisationName),
      ...figures,
    })),
    indicators: d.indicators.map((s) => {
      const a = s.assessment;
      return {
        // The same indicator across districts: matched by the 三级指标 as the plans word it.
        key: s.def.row.level3,
        unit: s.def.measure.kind === 'numeric' ? s.def.measure.unit : null,
        entry: {
          organisationId,
          name,
          indicatorId: s.def.id,
          target: s.def.row.districtTarget2025,
          latest: a.latest ? { period: a.latest.period, value: a.latest.value } : null,
          progressPercent: a.progressPercent,
          met: a.met,
          light: a.light,
          lightLabel: INDICATOR_LIGHT_LABELS[a.light],
        },
      };
    }),
  };
}
