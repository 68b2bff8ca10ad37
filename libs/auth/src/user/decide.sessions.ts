import type { IssueRefreshToken, RevokeRefreshToken, RotateRefreshToken } from './user.commands';
import { userError } from './user.errors';
import type { UserEvent } from './user.events';
import { findToken, isBefore, type UserState } from './user.state';
import {
  nowOf,
  requireActive,
  requireExisting,
  requireExpiry,
  requireSelf,
  requireSelfOrAdmin,
  requireTokenHash,
} from './decide.guards';

const MAX_FAMILY_ID = 100;

/**
 * Refresh tokens rotate: each exchange retires the presented token and issues the next one of
 * the same family. A retired token can only come back if someone kept a copy, so its return
 * revokes the family (RFC 9700 §4.14.2): the thief's next refresh fails, and so does the
 * user's, who logs in again. The application stores only digests (`hashToken`).
 */

export function issueRefreshToken(command: IssueRefreshToken, state: UserState): UserEvent[] {
  const existing = requireExisting(state);
  requireSelf(command.metadata, existing);
  const active = requireActive(existing);
  const issuedAt = nowOf(command.metadata);
  const { familyId } = command.data;
  if (typeof familyId !== 'string' || familyId.trim() === '' || familyId.length > MAX_FAMILY_ID) {
    throw userError('USER.INVALID_TOKEN', { field: 'familyId' });
  }
  const tokenHash = requireTokenHash(command.data.tokenHash, 'tokenHash');
  const expiresAt = requireExpiry(command.data.expiresAt, issuedAt);
  if (active.sessions.families.has(familyId) || active.sessions.tokens.has(tokenHash)) {
    throw userError('USER.TOKEN_EXISTS', {}, { familyId });
  }
  return [{ type: 'RefreshTokenIssued', data: { familyId, tokenHash, expiresAt, issuedAt } }];
}

/**
 * The exchange. Returns `RefreshTokenReuseDetected` rather than throwing when a retired token
 * is presented, because the revocation must be appended: the application appends it and then
 * refuses the request (see `refusedRotation`).
 */
export function rotateRefreshToken(command: RotateRefreshToken, state: UserState): UserEvent[] {
  const existing = requireExisting(state);
  requireSelf(command.metadata, existing);
  const active = requireActive(existing);
  const now = nowOf(command.metadata);
  const tokenHash = requireTokenHash(command.data.tokenHash, 'tokenHash');
  const newTokenHash = requireTokenHash(command.data.newTokenHash, 'newTokenHash');
  const expiresAt = requireExpiry(command.data.expiresAt, now);
  const found = findToken(active, tokenHash);
  if (!found) throw userError('SESSION.TOKEN_UNKNOWN');
  const { family, current } = found;
  if (family.revoked)
    throw userError('SESSION.TOKEN_REVOKED', {}, { familyId: family.familyId, reason: family.revoked.reason });
  // An expired family is dead already: a retired token of it endangers nothing.
  if (!isBefore(now, family.expiresAt)) throw userError('SESSION.TOKEN_EXPIRED', {}, { familyId: family.familyId });
  if (!current)
    return [{ type: 'RefreshTokenReuseDetected', data: { familyId: family.familyId, tokenHash, detectedAt: now } }];
  if (active.sessions.tokens.has(newTokenHash)) throw userError('USER.TOKEN_EXISTS', {}, { familyId: family.familyId });
  return [
    {
      type: 'RefreshTokenRotated',
      data: {
        familyId: family.familyId,
        previousTokenHash: tokenHash,
        tokenHash: newTokenHash,
        expiresAt,
        rotatedAt: now,
      },
    },
  ];
}

/**
 * Logout ends the token's whole family (any of its tokens names it). Like OAuth revocation
 * (RFC 7009 §2.2) it is idempotent: a token already dead, unknown, or of a disabled user
 * leaves nothing to do, and the client's logout succeeds all the same.
 */
export function revokeRefreshToken(command: RevokeRefreshToken, state: UserState): UserEvent[] {
  const existing = requireExisting(state);
  requireSelfOrAdmin(command.metadata, existing);
  const revokedAt = nowOf(command.metadata);
  const tokenHash = requireTokenHash(command.data.tokenHash, 'tokenHash');
  const found = findToken(existing, tokenHash);
  if (!found || found.family.revoked) return [];
  return [{ type: 'RefreshTokenRevoked', data: { familyId: found.family.familyId, tokenHash, revokedAt } }];
}

/** True when a rotation's events are a theft alarm: the application appends them, then answers 401. */
export function refusedRotation(events: readonly UserEvent[]): boolean {
  return events.some((e) => e.type === 'RefreshTokenReuseDetected');
}
