import { shanghaiDay, type CommandMetadata, type Instant } from '@zw/domain';
import { isTokenHash } from '../password';
import { userError } from './user.errors';
import { isBefore, type ExistingUserState, type UserState } from './user.state';

/**
 * The checks decisions start with, in the task domain's order so a refusal is predictable:
 * who may act (403) → does the account exist (404) → its status (403/409) → the values (400).
 * Checks that compare the actor with the account's user name come right after existence.
 */

/** `metadata.now`, refused unless it is ISO 8601 with an offset. */
export function nowOf(metadata: CommandMetadata): Instant {
  if (!shanghaiDay(metadata.now)) throw userError('USER.INVALID_TIME', { now: metadata.now });
  return metadata.now;
}

export function requireAdmin(metadata: CommandMetadata): void {
  if (metadata.actor.role !== 'admin') throw userError('USER.ADMIN_ONLY', { role: metadata.actor.role });
}

export function requireExisting(state: UserState): ExistingUserState {
  if (state.status === 'absent') throw userError('USER.NOT_FOUND');
  return state;
}

export function isSelf(metadata: CommandMetadata, state: ExistingUserState): boolean {
  return metadata.actor.actorId === state.user.username;
}

/** Only the user the application authenticated (by password or refresh token) acts on its sessions. */
export function requireSelf(metadata: CommandMetadata, state: ExistingUserState): void {
  if (!isSelf(metadata, state)) throw userError('USER.SELF_ONLY', { actorId: metadata.actor.actorId });
}

export function requireSelfOrAdmin(metadata: CommandMetadata, state: ExistingUserState): void {
  if (!isSelf(metadata, state) && metadata.actor.role !== 'admin') {
    throw userError('USER.SELF_OR_ADMIN_ONLY', { actorId: metadata.actor.actorId, role: metadata.actor.role });
  }
}

export function requireActive(state: ExistingUserState): Extract<UserState, { status: 'active' }> {
  if (state.status !== 'active') throw userError('USER.DISABLED', { disabledAt: state.disabledAt });
  return state;
}

export function requireReason(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim() === '') throw userError('USER.REASON_REQUIRED');
  return reason.trim();
}

export function requireTokenHash(value: unknown, field: string): string {
  if (!isTokenHash(value)) throw userError('USER.INVALID_TOKEN', { field });
  return value;
}

/** A token's end of life: a valid instant after `now`. */
export function requireExpiry(expiresAt: unknown, now: Instant): Instant {
  if (typeof expiresAt !== 'string' || !shanghaiDay(expiresAt) || !isBefore(now, expiresAt)) {
    throw userError('USER.INVALID_TOKEN', { field: 'expiresAt', expiresAt });
  }
  return expiresAt;
}
