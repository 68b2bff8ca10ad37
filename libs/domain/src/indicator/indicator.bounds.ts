import { DomainError } from '../shared/domain-error';
import { INDICATOR_ERRORS } from './indicator.errors';

/**
 * What a reported value may be, by the indicator's unit (the plan's 目标清单 units, value.parser.ts).
 * A value outside is a typing slip or a probe (1e308 accepted once), never a measurement: a rate
 * cannot pass 100 %, a district does not produce 10^8 t of waste a day. The ceilings are generous
 * (a whole city's figures fit) so that no real report is refused; docs/security.md lists them.
 */
export interface ValueBounds {
  /** The largest value the unit allows. */
  readonly max: number;
  /** The smallest a 下降幅度 may be (the amount rose); every other indicator starts at 0. */
  readonly declineMin: number;
  /** Counts (家, 个, 项) are whole numbers. */
  readonly integer: boolean;
}

const amount = (max: number): ValueBounds => ({ max, declineMin: -max, integer: false });
const count: ValueBounds = { max: 100_000, declineMin: -100_000, integer: true };

export const INDICATOR_VALUE_BOUNDS: Readonly<Record<string, ValueBounds>> = {
  // A rate or share; a 下降幅度 in % may be negative (the amount rose), at most ten-fold.
  '%': { max: 100, declineMin: -1_000, integer: false },
  '吨/万元': amount(1_000),
  '吨/日': amount(100_000),
  吨: amount(100_000_000),
  万吨: amount(10_000),
  万方: amount(10_000),
  亿元: amount(10_000),
  万元: amount(100_000_000),
  家: count,
  个: count,
  项: count,
  // A bare number ("0", "1"): a count or an amount the plan writes without a unit.
  '': amount(100_000_000),
};

/** A unit a district added to KNOWN_UNITS without a row above: only the magnitude is bounded. */
export const UNKNOWN_UNIT_BOUNDS: ValueBounds = amount(1_000_000_000);

export function valueBounds(unit: string): ValueBounds {
  return INDICATOR_VALUE_BOUNDS[unit] ?? UNKNOWN_UNIT_BOUNDS;
}

/**
 * Refuses a value outside its unit's bounds, naming the field and the range in the message.
 * `negativeAllowed`: the indicator is a 下降幅度 (direction rule 'decline').
 */
export function checkValueBounds(value: number, unit: string, negativeAllowed: boolean): void {
  const bounds = valueBounds(unit);
  const min = negativeAllowed ? bounds.declineMin : 0;
  const shown = unit === '' ? '' : ` ${unit}`;
  if (value < min || value > bounds.max) {
    throw outOfRange(`value: 数值超出该指标的合理范围（应在 ${min} 至 ${bounds.max}${shown} 之间）`, {
      field: 'value',
      unit,
      min,
      max: bounds.max,
    });
  }
  if (bounds.integer && !Number.isInteger(value)) {
    throw outOfRange(`value: 该指标以${shown.trim()}计数，应为整数`, { field: 'value', unit, integer: true });
  }
}

function outOfRange(message: string, details: Record<string, unknown>): DomainError {
  const [kind] = INDICATOR_ERRORS['INDICATOR.VALUE_OUT_OF_RANGE'];
  return new DomainError('INDICATOR.VALUE_OUT_OF_RANGE', kind, message, details);
}
