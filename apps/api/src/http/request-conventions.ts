import { BadRequestException, NotFoundException } from '@nestjs/common';
import { isLocalDate } from '@zw/clock';
import type { Request } from 'express';

/**
 * The request conventions every route family shares (tasks, indicators and projects, views):
 * which plan, which day, which revision the client decided on, and its idempotency key.
 */

const IDEMPOTENCY_KEY = /^[\w.:-]{1,200}$/;
const ETAG = /^(?:W\/)?"?(\d{1,19})"?$/;

/** 400 naming the field and the reason, in the one error shape of the api. */
export function badRequest(field: string, reason: string): BadRequestException {
  return new BadRequestException({ code: 'VALIDATION', message: `${field}: ${reason}`, details: [{ field, reason }] });
}

/** `?plan=<planId>`, else the configured default plan. */
export function planIdOf(req: Request, defaultPlanId: string): string {
  const plan = req.query.plan;
  return typeof plan === 'string' && plan !== '' ? plan : defaultPlanId;
}

export function planNotFound(planId: string): NotFoundException {
  return new NotFoundException({ code: 'NOT_FOUND', message: `计划“${planId}”尚未导入 (plan not found)` });
}

/** `?asOf=YYYY-MM-DD` (a real calendar day), or undefined when absent. */
export function asOfOf(req: Request): string | undefined {
  const value = req.query.asOf;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isLocalDate(value)) throw badRequest('asOf', 'must be a calendar date YYYY-MM-DD');
  return value;
}

/** `If-Match: "<revision>"` → the revision the client decided on; `*` or none → undefined. */
export function ifMatch(req: Request): bigint | undefined {
  const header = req.header('If-Match');
  if (header === undefined || header === '*') return undefined;
  const match = ETAG.exec(header.trim());
  if (!match)
    throw new BadRequestException({
      code: 'VALIDATION',
      message: 'If-Match: must be an ETag such as "3"',
      details: [{ field: 'If-Match', reason: 'must be a quoted revision' }],
    });
  return BigInt(match[1]!);
}

export function idempotencyKey(req: Request): string | undefined {
  const key = req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException({
      code: 'VALIDATION',
      message: 'Idempotency-Key: 1-200 characters of letters, digits, . _ : -',
      details: [{ field: 'Idempotency-Key', reason: 'invalid' }],
    });
  }
  return key;
}
