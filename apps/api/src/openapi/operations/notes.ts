/**
 * What the OpenAPI document says of an operation that its controller does not: the Chinese
 * summary, the 2xx schema (a name of response.schemas.ts or a DTO's, or a media type for files)
 * and an example body for the main commands.
 */
export interface OperationNotes {
  readonly summary: string;
  /** Schema name of the 2xx body, or `null` when the answer has no body (204). */
  readonly response: string | null;
  /** Non-JSON answers: their media type (`application/vnd…sheet`, `text/calendar`, `text/plain`). */
  readonly produces?: string;
  readonly example?: Record<string, unknown>;
}

type Example = Record<string, unknown>;

/** An answer by its schema's name (null: no body). */
export const answer = (summary: string, response: string | null): OperationNotes => ({ summary, response });
/** A task command: 201 with TaskCommandResponse (replays too). */
export const task = (summary: string, example?: Example): OperationNotes => ({
  summary,
  response: 'TaskCommandResponse',
  ...(example ? { example } : {}),
});
/** An indicator or project command: 201 when it appends, 200 when nothing changed. */
export const item = (summary: string, example?: Example): OperationNotes => ({
  summary,
  response: 'ItemCommandResponse',
  ...(example ? { example } : {}),
});
/** An .xlsx export. */
export const sheet = (summary: string): OperationNotes => ({
  summary,
  response: 'Binary',
  produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});
