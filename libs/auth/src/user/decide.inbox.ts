import type { MarkNotificationsRead } from './user.commands';
import { nowOf, requireExisting, requireSelf } from './decide.guards';
import { userError } from './user.errors';
import type { UserEvent } from './user.events';
import type { UserState } from './user.state';

const POSITION = /^\d{1,20}$/;

/**
 * The user's own inbox read up to `upTo`. Read state only moves forward: a position at or
 * below the one recorded changes nothing (a second tab marking an older page appends nothing).
 */
export function markNotificationsRead(command: MarkNotificationsRead, state: UserState): UserEvent[] {
  const readAt = nowOf(command.metadata);
  const existing = requireExisting(state);
  requireSelf(command.metadata, existing);
  if (existing.status === 'disabled') throw userError('USER.DISABLED');
  const { upTo } = command.data;
  if (typeof upTo !== 'string' || !POSITION.test(upTo)) throw userError('USER.INVALID_POSITION', { upTo });
  const current = existing.user.notificationsReadUpTo;
  if (current !== undefined && BigInt(upTo) <= BigInt(current)) return [];
  return [{ type: 'NotificationsRead', data: { upTo: BigInt(upTo).toString(), readAt } }];
}
