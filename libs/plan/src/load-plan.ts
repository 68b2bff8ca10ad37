import lianyunPlanJson from '../data/lianyun-2022-2025.json';
import { validatePlanSchema, type Plan } from './plan.schema';
import type { SchemaError } from './schema.primitives';

export class PlanSchemaError extends Error {
  /** Stable code: the api maps it to 400 with `details` naming each path. */
  readonly code = 'PLAN.INVALID';
  constructor(
    readonly planId: string,
    readonly errors: readonly SchemaError[],
  ) {
    super(`计划文件“${planId}”不符合结构要求：${errors.map((e) => `${e.path} ${e.message}`).join('；')}`);
    this.name = 'PlanSchemaError';
  }
  get details(): ReadonlyArray<{ field: string; reason: string }> {
    return this.errors.map((e) => ({ field: e.path, reason: e.message }));
  }
}

/**
 * Any plan JSON of unknown origin (another district's file, an upload) goes through here; a
 * malformed file fails loudly with every path at once instead of at first use.
 */
export function loadPlan(json: unknown, label = 'plan'): Plan {
  const result = validatePlanSchema(json);
  if (!result.ok) throw new PlanSchemaError(label, result.errors);
  return result.plan;
}

/** The plans shipped with the service in `libs/plan/data` (`npm start -- --seed-plan` loads them). */
export function loadBundledPlans(): Plan[] {
  return [loadLianyunPlan()];
}

/**
 * The Lianyun 2022–2025 plan, bundled with the library (imported, so the build copies it).
 * Checked on every call rather than cached: a caller that mutates its copy cannot affect others.
 */
export function loadLianyunPlan(): Plan {
  return loadPlan(structuredClone(lianyunPlanJson), 'lianyun-2022-2025');
}
