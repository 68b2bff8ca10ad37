/**
 * The envelope of commands and events as the domain sees them. Events carry only type and
 * data: the application adds the store's metadata (actor, correlation, occurredAt) when it
 * appends, so the facts a decision needs later are part of `data`.
 */
export type Role = 'office' | 'department' | 'leader' | 'admin' | 'system';

export interface Actor {
  readonly actorId: string;
  readonly role: Role;
  /** Canonical department name; the department a `department` actor acts for. */
  readonly department?: string;
}

export interface CommandMetadata {
  readonly actor: Actor;
  /** From the application's clock: ISO 8601 with offset, e.g. `2024-03-28T10:00:00+08:00`. */
  readonly now: string;
}

export interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

export interface Event<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}
