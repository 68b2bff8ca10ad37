import { isPasswordHash } from '../password';
import { isUserRole } from '../roles';
import type {
  BindToOrganisation,
  ChangePassword,
  CreateUser,
  DisableUser,
  EnableUser,
  RehashPassword,
} from './user.commands';
import { userError } from './user.errors';
import type { UserEvent } from './user.events';
import { liveFamilies, type UserState } from './user.state';
import { isUsername } from './user.stream';
import {
  isSelf,
  nowOf,
  requireActive,
  requireAdmin,
  requireExisting,
  requireReason,
  requireSelf,
  requireSelfOrAdmin,
} from './decide.guards';

const MAX_DISPLAY_NAME = 50;

/**
 * An admin creates accounts. The one exception is the first admin, created by the `system`
 * actor when the application has found no admin (the stream cannot know that): the system
 * may create an admin and nothing else, so bootstrap cannot mint office or department users.
 */
export function createUser(command: CreateUser, state: UserState): UserEvent[] {
  const { metadata, data } = command;
  if (metadata.actor.role === 'system') {
    if (data.role !== 'admin') throw userError('USER.SYSTEM_CREATES_ADMIN_ONLY', { role: data.role });
  } else {
    requireAdmin(metadata);
  }
  if (state.status !== 'absent') throw userError('USER.ALREADY_EXISTS', { username: state.user.username });
  const createdAt = nowOf(metadata);
  if (!isUsername(data.username)) throw userError('USER.INVALID_USERNAME', { username: data.username });
  if (!isUserRole(data.role)) throw userError('USER.INVALID_ROLE', { role: data.role });
  const department = typeof data.department === 'string' ? data.department.trim() : '';
  if (data.role === 'department' && department === '') throw userError('USER.DEPARTMENT_REQUIRED');
  if (data.role !== 'department' && department !== '')
    throw userError('USER.DEPARTMENT_NOT_ALLOWED', { role: data.role });
  const organisationId = typeof data.organisationId === 'string' ? data.organisationId.trim() : '';
  if (organisationId === '') throw userError('USER.ORGANISATION_REQUIRED');
  const displayName = typeof data.displayName === 'string' ? data.displayName.trim() : '';
  if (displayName === '' || [...displayName].length > MAX_DISPLAY_NAME) throw userError('USER.DISPLAY_NAME_REQUIRED');
  if (!isPasswordHash(data.passwordHash)) throw userError('USER.INVALID_PASSWORD_HASH');
  return [
    {
      type: 'UserCreated',
      data: {
        username: data.username,
        displayName,
        role: data.role,
        department: data.role === 'department' ? department : null,
        organisationId,
        passwordHash: data.passwordHash,
        // Someone else chose this password (an admin, or the bootstrap's one-time secret printed to
        // a console): it is known to more than its owner, who must replace it before doing anything.
        mustChangePassword: true,
        createdAt,
      },
    },
  ];
}

/**
 * The upgrade binds an account from before organisations to the default organisation, once and
 * by the system only; an account bound already keeps its organisation (binding it again to the
 * same one decides nothing, so the upgrade can run on every start).
 */
export function bindToOrganisation(command: BindToOrganisation, state: UserState): UserEvent[] {
  if (command.metadata.actor.role !== 'system')
    throw userError('USER.SYSTEM_ONLY', { role: command.metadata.actor.role });
  const existing = requireExisting(state);
  const organisationId = typeof command.data.organisationId === 'string' ? command.data.organisationId.trim() : '';
  if (organisationId === '') throw userError('USER.ORGANISATION_REQUIRED');
  if (existing.user.organisationId === organisationId) return [];
  if (existing.user.organisationId !== null)
    throw userError('USER.ORGANISATION_BOUND', { organisationId: existing.user.organisationId });
  const boundAt = nowOf(command.metadata);
  return [
    { type: 'UserBoundToOrganisation', data: { organisationId, reason: requireReason(command.data.reason), boundAt } },
  ];
}

/** Disabling ends every live session at once; admins cannot lock themselves out. */
export function disableUser(command: DisableUser, state: UserState): UserEvent[] {
  requireAdmin(command.metadata);
  const existing = requireExisting(state);
  if (isSelf(command.metadata, existing)) throw userError('USER.CANNOT_DISABLE_SELF');
  if (existing.status === 'disabled') throw userError('USER.ALREADY_DISABLED', { disabledAt: existing.disabledAt });
  const disabledAt = nowOf(command.metadata);
  const reason = requireReason(command.data.reason);
  const revokedFamilyIds = liveFamilies(existing, disabledAt).map((f) => f.familyId);
  return [{ type: 'UserDisabled', data: { reason, revokedFamilyIds, disabledAt } }];
}

export function enableUser(command: EnableUser, state: UserState): UserEvent[] {
  requireAdmin(command.metadata);
  const existing = requireExisting(state);
  if (existing.status !== 'disabled') throw userError('USER.NOT_DISABLED');
  return [{ type: 'UserEnabled', data: { enabledAt: nowOf(command.metadata) } }];
}

/**
 * The user's own change (the application verified the old password) or an admin's reset.
 * A disabled user cannot log in to change anything, but an admin may reset the password
 * before enabling the account again. Either way every session ends.
 */
export function changePassword(command: ChangePassword, state: UserState): UserEvent[] {
  const existing = requireExisting(state);
  requireSelfOrAdmin(command.metadata, existing);
  const self = isSelf(command.metadata, existing);
  if (self && existing.status === 'disabled') throw userError('USER.DISABLED', { disabledAt: existing.disabledAt });
  const changedAt = nowOf(command.metadata);
  if (!isPasswordHash(command.data.passwordHash)) throw userError('USER.INVALID_PASSWORD_HASH');
  const revokedFamilyIds = liveFamilies(existing, changedAt).map((f) => f.familyId);
  return [
    {
      type: 'PasswordChanged',
      data: { passwordHash: command.data.passwordHash, reset: !self, revokedFamilyIds, changedAt },
    },
  ];
}

/**
 * After a login, the application hashes the password it just verified again at the current cost.
 * Only the account itself, active (a disabled account's login fails before this). When the hash
 * is no longer the one the login verified, a change or reset won the race: the new hash would
 * bring the old password back, so nothing is decided.
 */
export function rehashPassword(command: RehashPassword, state: UserState): UserEvent[] {
  const existing = requireExisting(state);
  requireSelf(command.metadata, existing);
  const active = requireActive(existing);
  const rehashedAt = nowOf(command.metadata);
  if (!isPasswordHash(command.data.passwordHash)) throw userError('USER.INVALID_PASSWORD_HASH');
  const current = active.user.passwordHash;
  if (command.data.replaces !== current || command.data.passwordHash === current) return [];
  return [{ type: 'PasswordRehashed', data: { passwordHash: command.data.passwordHash, rehashedAt } }];
}
