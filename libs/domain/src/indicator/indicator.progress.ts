import type { Direction } from './indicator.direction';
import type { Measure, Target } from './indicator.definition';
import { periodFraction } from './indicator.period';

/**
 * Progress of a numeric indicator from its 2022 baseline to its 2025 target, direction-aware:
 * (value − baseline) / (target − baseline) × 100, the same formula whether lower or higher is
 * better because both differences change sign together.
 * - Not clamped: a value past the target shows more than 100% (生活垃圾回收利用率 40% against
 *   0.19% → 35% is 114.4%), a value worse than the baseline shows less than 0%. The light says
 *   whether that is good; the number says how far.
 * - No baseline ("/", prose) or a bound target ("＞0"): no line to measure along, so null.
 * - Baseline already at the target (100% → 100%): 100 when the value meets it, else 0.
 * - A range target ("30%~40%") counts as its end nearest the baseline side, i.e. the first value that meets it.
 * Rounded to one decimal.
 */
const EPSILON = 1e-9;

type Numeric = Extract<Measure, { kind: 'numeric' }>;

const sign = (direction: Direction) => (direction === 'higher' ? 1 : -1);

/** The single value that meets a number or range target; null for a bound. */
export function targetPoint(target: Target | null, direction: Direction): number | null {
  if (target === null || target.kind === 'bound') return null;
  if (target.kind === 'number') return target.value;
  return direction === 'higher' ? target.min : target.max;
}

export function meetsTarget(measure: Numeric, value: number): boolean | null {
  const { target, direction } = measure;
  if (target === null) return null;
  if (target.kind === 'bound') {
    const d = value - target.value;
    switch (target.comparator) {
      case '>':
        return d > EPSILON;
      case '>=':
        return d > -EPSILON;
      case '<':
        return d < -EPSILON;
      case '<=':
        return d < EPSILON;
      default: {
        const never: never = target.comparator;
        throw new Error(`unknown comparator ${String(never)}`);
      }
    }
  }
  return sign(direction) * (value - targetPoint(target, direction)!) > -EPSILON;
}

export function progressPercent(measure: Numeric, value: number): number | null {
  const target = targetPoint(measure.target, measure.direction);
  if (measure.baseline === null || target === null) return null;
  const span = target - measure.baseline;
  if (Math.abs(span) < EPSILON) return meetsTarget(measure, value) ? 100 : 0;
  return Math.round(((value - measure.baseline) / span) * 1000) / 10;
}

/** Where the straight line from the baseline (end of 2022) to the target (end of 2025) stands at the end of `period`. */
export function expectedValue(
  measure: Numeric,
  period: string,
  baselineYear: number,
  targetYear: number,
): number | null {
  const target = targetPoint(measure.target, measure.direction);
  if (measure.baseline === null || target === null) return null;
  const fraction = Math.min(1, Math.max(0, periodFraction(period, baselineYear, targetYear)));
  return measure.baseline + (target - measure.baseline) * fraction;
}

/** Is `value` at least as good as `reference` in the indicator's direction? */
export function notWorse(direction: Direction, value: number, reference: number): boolean {
  return sign(direction) * (value - reference) > -EPSILON;
}
