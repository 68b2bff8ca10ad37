import { BadRequestException, NotFoundException } from '@nestjs/common';
import { validationFailed } from '../errors/validation.pipe';
import { isLocalDate } from '@zw/clock';
import type { Request } from 'express';

/**
 * The request conventions every route family shares (tasks, indicators and projects, views):
 * which plan, which day, which revision the client decided on, and its idempotency key.
 */

const IDEMPOTENCY_KEY = /^[\w.:-]{1,200}$/;
const ETAG = /^(?:W\/)?"?(\d{1,19})"?$/;

/** 400 naming the field and the reason (in Chinese, naming the field), in the one error shape of the api. */
export function badRequest(field: string, reason: string): BadRequestException {
  return validationFailed([{ field, reason }]);
}

/** Where the access guard leaves the plan a request means when it names none (the caller's organisation's). */
export const RESOLVED_PLAN_KEY = 'zwResolvedPlan';

/** `?plan=<planId>`, else the plan the access guard resolved for the caller, else the configured default plan. */
export function planIdOf(req: Request, defaultPlanId: string): string {
  const plan = req.query.plan;
  if (typeof plan === 'string' && plan !== '') return plan;
  return (req as Request & { [RESOLVED_PLAN_KEY]?: string })[RESOLVED_PLAN_KEY] ?? defaultPlanId;
}

export function planNotFound(planId: string): NotFoundException {
  return new NotFoundException({ code: 'NOT_FOUND', message: `计划“${planId}”尚未导入` });
}

/** The plan itself from a catalogue (plans/plan-catalogue.cache.ts); 404 when it was never imported. */
export async function requirePlan<P>(
  plans: { find(planId: string): Promise<{ readonly plan: P } | undefined> },
  planId: string,
): Promise<P> {
  const found = await plans.find(planId);
  if (!found) throw planNotFound(planId);
  return found.plan;
}

/** `?asOf=YYYY-MM-DD` (a real calendar day), or undefined when absent. */
export function asOfOf(req: Request): string | undefined {
  const value = req.query.asOf;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isLocalDate(value)) throw badRequest('asOf', '截至日期须为有效日期（YYYY-MM-DD）');
  return value;
}

/** `If-Match: "<revision>"` → the revision the client decided on; `*` or none → undefined. */
export function ifMatch(req: Request): bigint | undefined {
  const header = req.header('If-Match');
  if (header === undefined || header === '*') return undefined;
  const match = ETAG.exec(header.trim());
  if (!match) throw badRequest('If-Match', 'If-Match 须为版本号（ETag），如 "3"');
  return BigInt(match[1]!);
}

export function idempotencyKey(req: Request): string | undefined {
  const key = req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw badRequest('Idempotency-Key', '幂等键（Idempotency-Key）须为 1 至 200 个字母、数字或 . _ : -');
  }
  return key;
}
