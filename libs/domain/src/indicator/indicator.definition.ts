import {
  createDepartmentRegistry,
  parseIndicatorValue,
  type Comparator,
  type Indicator,
  type IndicatorSetting,
  type IndicatorValue,
  type Plan,
} from '@zw/plan';
import { inferDirection, type Direction } from './indicator.direction';

/** A 2025 target as the plan states it: a value, a range, or a bound ("＞0"). */
export type Target =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'bound'; readonly comparator: Comparator; readonly value: number };

/**
 * How an indicator is measured. Numeric when the district target (or, where the district sets
 * none, the baseline) is a measurement in a known unit; otherwise it is reported as met / not met.
 * `baseline` / `target` are null where the plan writes "/" or prose ("无固体废物环境污染刑事案件").
 */
export type Measure =
  | {
      readonly kind: 'numeric';
      readonly unit: string;
      readonly direction: Direction;
      /** Which rule of indicator.direction.ts gave the direction ('override' from the settings). */
      readonly directionRule: string;
      readonly baseline: number | null;
      readonly target: Target | null;
    }
  | { readonly kind: 'qualitative' };

/** One indicator of 附件2 with everything reports and views need, built from the plan alone. */
export interface IndicatorDefinition {
  readonly planId: string;
  /** The 序号 as text: stable across plan versions, usable in urls and stream ids. */
  readonly id: string;
  readonly no: number;
  readonly row: Indicator;
  readonly measure: Measure;
  /** Departments of 附件4 named as 责任部门 or 数据来源: they report (until the office says otherwise). */
  readonly responsible: readonly string[];
  /** Named there but not departments of 附件4 (external units, generic wording): they cannot log in. */
  readonly otherUnits: readonly string[];
  readonly defaultTasks: readonly string[];
  readonly baselineYear: number;
  readonly targetYear: number;
  /** The settings entry's reason, when one shaped this definition. */
  readonly settingsNote?: string;
}

/**
 * The plan's indicators with the office's judgement calls applied: the plan file's
 * `settings.indicators` (direction, a target read out of prose, default task links, each with
 * its reason). A default link to a code the task list no longer has is not made.
 */
export function indicatorDefinitions(
  plan: Plan,
  settings: readonly IndicatorSetting[] = plan.settings.indicators,
): IndicatorDefinition[] {
  const registry = createDepartmentRegistry(plan);
  const bySetting = new Map(settings.map((s) => [s.no, s]));
  const codes = new Set(plan.tasks.map((t) => t.code));
  return plan.indicators.map((row) => {
    const setting = bySetting.get(row.no);
    const responsible: string[] = [];
    const otherUnits: string[] = [];
    for (const name of [...row.responsible, ...row.dataSourceUnits]) {
      const unit = registry.resolve(name);
      const list = unit.kind === 'department' ? responsible : otherUnits;
      const value = unit.kind === 'department' ? unit.canonical : name;
      if (!list.includes(value)) list.push(value);
    }
    return {
      planId: plan.id,
      id: String(row.no),
      no: row.no,
      row,
      measure: measureOf(row, setting?.target ?? row.districtTarget2025, setting?.direction),
      responsible,
      otherUnits,
      defaultTasks: (setting?.tasks ?? []).filter((code) => codes.has(code)),
      baselineYear: plan.period.from,
      targetYear: plan.period.to,
      ...(setting ? { settingsNote: setting.reason } : {}),
    };
  });
}

function measureOf(row: Indicator, targetCell: string, override?: Direction): Measure {
  const target = parseIndicatorValue(targetCell);
  const baseline = parseIndicatorValue(row.baseline2022);
  const placeholderTarget = !target.numeric && target.placeholder;
  const unitSource = target.numeric ? target : placeholderTarget && baseline.numeric ? baseline : undefined;
  if (!unitSource) return { kind: 'qualitative' };
  const inferred = inferDirection(row.level3, unitSource.unit, override);
  // A numeric indicator no rule covers cannot be judged; the settings must say (a test keeps the bundled plan covered).
  if (!inferred) return { kind: 'qualitative' };
  const targetValue = target.numeric ? targetOf(target) : null;
  return {
    kind: 'numeric',
    unit: unitSource.unit,
    direction: inferred.direction,
    directionRule: inferred.rule,
    baseline: baselineOf(baseline, unitSource.unit, inferred.direction),
    target: targetValue,
  };
}

function targetOf(value: Extract<IndicatorValue, { numeric: true }>): Target {
  if (value.kind === 'number') return { kind: 'number', value: value.value };
  if (value.kind === 'range') return { kind: 'range', min: value.min, max: value.max };
  return { kind: 'bound', comparator: value.comparator, value: value.value };
}

/**
 * The 2022 value progress starts from. A bare 0 counts in any unit ("有害垃圾处置率 0"). A range
 * ("30%~40%") counts as its end nearest the target, so no progress is credited for ground the
 * range may already cover. Anything else (a bound, prose, "/") is no baseline.
 */
function baselineOf(value: IndicatorValue, unit: string, direction: Direction): number | null {
  if (!value.numeric) return null;
  if (value.kind === 'number') return value.unit === unit || value.value === 0 ? value.value : null;
  if (value.kind === 'range' && value.unit === unit) return direction === 'higher' ? value.max : value.min;
  return null;
}
