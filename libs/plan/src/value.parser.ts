/**
 * Indicator cells mix measurements ("0.4181吨/万元", "30%~40%", "＞0") with prose ("逐年上升",
 * "日产日清"). Only cells that are entirely a measurement in a known unit become numbers; anything
 * else stays text, because a half-parsed value ("新增5项" → 5) would silently change its meaning.
 * The raw cell is always kept.
 */
export type IndicatorValue =
  | {
      readonly numeric: true;
      readonly kind: 'number';
      readonly raw: string;
      readonly value: number;
      readonly unit: string;
    }
  | {
      readonly numeric: true;
      readonly kind: 'range';
      readonly raw: string;
      readonly min: number;
      readonly max: number;
      readonly unit: string;
    }
  | {
      readonly numeric: true;
      readonly kind: 'bound';
      readonly raw: string;
      readonly comparator: Comparator;
      readonly value: number;
      readonly unit: string;
    }
  /** placeholder: the cell is "/", i.e. the plan sets no value there. */
  | { readonly numeric: false; readonly raw: string; readonly placeholder: boolean };

export type Comparator = '>' | '>=' | '<' | '<=';

/** Units the 目标清单 uses; '' is a bare count ("0", "1"). Extend per district, never by guessing. */
export const KNOWN_UNITS: readonly string[] = [
  '',
  '%',
  '吨/万元',
  '吨/日',
  '吨',
  '万吨',
  '万方',
  '家',
  '个',
  '项',
  '亿元',
  '万元',
];

const COMPARATORS: Readonly<Record<string, Comparator>> = {
  '>': '>',
  '＞': '>',
  '≥': '>=',
  '>=': '>=',
  '<': '<',
  '＜': '<',
  '≤': '<=',
  '<=': '<=',
};

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const UNIT = String.raw`([^\d\s]*)`;
const SINGLE = new RegExp(`^${NUMBER}${UNIT}$`, 'u');
const RANGE = new RegExp(`^${NUMBER}${UNIT}\\s*[~～]\\s*${NUMBER}${UNIT}$`, 'u');
const BOUND = new RegExp(`^(>=|<=|[>＞≥<＜≤])\\s*${NUMBER}${UNIT}$`, 'u');

const PLACEHOLDER = '/';

export function parseIndicatorValue(raw: string, units: readonly string[] = KNOWN_UNITS): IndicatorValue {
  const cell = raw.trim();
  const asText: IndicatorValue = { numeric: false, raw, placeholder: cell === PLACEHOLDER };
  const known = (unit: string | undefined): unit is string => unit !== undefined && units.includes(unit);

  const single = SINGLE.exec(cell);
  if (single) {
    const [, value, unit] = single;
    return known(unit) ? { numeric: true, kind: 'number', raw, value: Number(value), unit } : asText;
  }

  const range = RANGE.exec(cell);
  if (range) {
    const [, min, minUnit, max, unit] = range;
    // "30%~40%" and "30~40%" both carry one unit; differing units are not one range.
    const sameUnit = minUnit === '' || minUnit === unit;
    if (!known(unit) || !sameUnit || Number(min) > Number(max)) return asText;
    return { numeric: true, kind: 'range', raw, min: Number(min), max: Number(max), unit };
  }

  const bound = BOUND.exec(cell);
  if (bound) {
    const [, symbol, value, unit] = bound;
    const comparator = symbol === undefined ? undefined : COMPARATORS[symbol];
    if (comparator === undefined || !known(unit)) return asText;
    return { numeric: true, kind: 'bound', raw, comparator, value: Number(value), unit };
  }

  return asText;
}
