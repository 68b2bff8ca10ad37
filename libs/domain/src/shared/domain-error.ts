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
    /**
     * What the log needs but the caller may not learn (issue 15): session ids, other departments'
     * names. The api logs it with the correlation id and never puts it in a response.
     */
    readonly internal: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** A table of stable codes → [kind, Chinese message]; each bounded context keeps its own. */
export type ErrorCatalogue = Readonly<Record<string, readonly [DomainErrorKind, string]>>;

/**
 * The raise function of a catalogue: `code` picks kind and message, `details` say what was wrong
 * (shown to the caller), `internal` what only the log may hold.
 */
export function errorFactory<C extends ErrorCatalogue>(catalogue: C) {
  return (
    code: keyof C & string,
    details: Record<string, unknown> = {},
    internal: Record<string, unknown> = {},
  ): DomainError => {
    const [kind, message] = catalogue[code]!;
    return new DomainError(code, kind, message, details, internal);
  };
}

/** The type of a catalogue's raise function (see errorFactory). */
export type RaiseError<Code extends string> = (
  code: Code,
  details?: Record<string, unknown>,
  internal?: Record<string, unknown>,
) => DomainError;
