/**
 * A business rule said no. `kind` is what the api needs to pick a status without knowing
 * every code (forbidden → 403, not_found → 404, conflict → 409, invalid → 400); `code` is
 * the stable name clients and tests match on; `message` is shown to users, in Chinese.
 */
export type DomainErrorKind = 'forbidden' | 'not_found' | 'conflict' | 'invalid';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
