import { HttpStatus } from '@nestjs/common';

/**
 * The one place where expected business failures meet HTTP. Keys are stable error codes
 * (`EVENT_STORE.CONCURRENCY`, later `TASK.NOT_ACKNOWLEDGED`, …); a prefix entry (`TASK.`)
 * covers a whole family. Anything without a code is unexpected: 500, logged, no details.
 */
const BY_CODE: Record<string, HttpStatus> = {
  'EVENT_STORE.CONCURRENCY': HttpStatus.CONFLICT,
  'EVENT_STORE.INVALID_INPUT': HttpStatus.BAD_REQUEST,
  VALIDATION: HttpStatus.BAD_REQUEST,
  'PLAN.INVALID': HttpStatus.BAD_REQUEST,
  // An uploaded sheet beyond the limits of docs/security.md; too many uploads at once.
  'PLAN.SHEET_TOO_LARGE': HttpStatus.PAYLOAD_TOO_LARGE,
  'PLAN.IMPORT_BUSY': HttpStatus.SERVICE_UNAVAILABLE,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  // Refresh tokens that prove nothing (libs/auth user.errors.ts): the remedy is to log in again.
  'SESSION.': HttpStatus.UNAUTHORIZED,
};

export function statusForCode(code: string): HttpStatus | undefined {
  if (code in BY_CODE) return BY_CODE[code];
  const family = Object.keys(BY_CODE).find((key) => key.endsWith('.') && code.startsWith(key));
  return family ? BY_CODE[family] : undefined;
}

/** Domain errors say what kind of "no" they are; the api needs no list of every code. */
const BY_KIND: Record<string, HttpStatus> = {
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.BAD_REQUEST,
};

export function statusForError(code: string, kind: unknown): HttpStatus | undefined {
  return statusForCode(code) ?? (typeof kind === 'string' ? BY_KIND[kind] : undefined);
}
