import type { IndicatorDirection } from '@zw/plan';

/**
 * Whether an indicator improves by going down (产生强度) or up (利用率). Inferred from the
 * 三级指标's name and unit by the ordered rules below (first match wins), so another district's
 * plan gets directions without code; the plan file's `settings.indicators` may override any
 * indicator explicitly. The directions the bundled plan's 50 indicators get are listed in
 * indicator.direction.unit.spec.ts and docs/indicators.md.
 */
export type Direction = IndicatorDirection;

export const DIRECTION_LABELS = { lower: '越低越好', higher: '越高越好' } as const satisfies Record<Direction, string>;

export interface DirectionRule {
  readonly id: string;
  readonly direction: Direction;
  /** What the rule looks for, in the words the plan uses. */
  readonly describe: string;
  readonly matches: (name: string, unit: string) => boolean;
}

const has = (pattern: RegExp) => (name: string) => pattern.test(name);

export const DIRECTION_RULES: readonly DirectionRule[] = [
  // "填埋处置量下降幅度" names an amount that should fall, but the indicator is the fall itself:
  // a bigger 下降幅度 is better. Checked before the amount rules for that reason.
  {
    id: 'decline',
    direction: 'higher',
    describe: '名称含“下降幅度”“下降率”（降幅越大越好）',
    matches: has(/下降(幅度|率)/u),
  },
  { id: 'intensity', direction: 'lower', describe: '名称含“强度”（如 产生强度）', matches: has(/强度/u) },
  {
    id: 'amount',
    direction: 'lower',
    describe: '名称含“产生量”“清运量”“填埋量”“贮存量”“处置量”（废物的量）',
    matches: has(/(产生|清运|填埋|贮存|处置)量/u),
  },
  {
    id: 'rate',
    direction: 'higher',
    describe: '名称含“率”“比例”“比重”“占比”“程度”（如 利用率、覆盖率、满意程度）',
    matches: has(/率|比例|比重|占比|程度/u),
  },
  { id: 'utilised', direction: 'higher', describe: '名称含“利用量”（如 碱渣综合利用量）', matches: has(/利用量/u) },
  {
    id: 'count',
    direction: 'higher',
    describe: '名称含“数量”“投资总额”，或单位为 家/个/项（建成、评定的数量）',
    matches: (name, unit) => /数量|投资总额/u.test(name) || ['家', '个', '项'].includes(unit),
  },
];

export interface InferredDirection {
  readonly direction: Direction;
  /** The rule's id, or 'override' when the plan's settings say so. */
  readonly rule: string;
}

/** The direction of an indicator, or undefined when no rule applies (a settings override is then needed). */
export function inferDirection(name: string, unit: string, override?: Direction): InferredDirection | undefined {
  if (override) return { direction: override, rule: 'override' };
  const rule = DIRECTION_RULES.find((r) => r.matches(name, unit));
  return rule ? { direction: rule.direction, rule: rule.id } : undefined;
}
