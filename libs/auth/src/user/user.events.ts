import type { Event, Instant } from '@zw/domain';
import type { UserRole } from '../roles';

/**
 * Events of one account's stream (`userStreamId(username)`). Who acted is in the store's
 * metadata; `data` holds what later decisions and the audit need.
 *
 * Password hashes are facts of this stream, so superseded hashes stay in the log: they are
 * scrypt hashes (costly to attack), and user streams must never be served by a generic
 * event-reading endpoint. Refresh tokens appear only as SHA-256 digests.
 */
export interface Account {
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
  /** The canonical department a `department` user acts for; null for every other role. */
  readonly department: string | null;
}

/**
 * Where an account works: every account is bound to one organisation (a district, a city); a
 * department account's department is one of that organisation's plan. Absent on accounts
 * created before organisations, which `UserBoundToOrganisation` binds on upgrade.
 */
export interface AccountOrganisation {
  readonly organisationId?: string;
}

export type UserCreated = Event<
  'UserCreated',
  Account &
    AccountOrganisation & {
      /** `scrypt$N$r$p$salt$hash` (password.ts); never the password. */
      readonly passwordHash: string;
      /** True when someone else chose the password (an admin): the user must replace it. */
      readonly mustChangePassword: boolean;
      readonly createdAt: Instant;
    }
>;
export type UserDisabled = Event<
  'UserDisabled',
  {
    readonly reason: string;
    /** The sessions this ended, so the audit shows who was logged out. */
    readonly revokedFamilyIds: readonly string[];
    readonly disabledAt: Instant;
  }
>;
/**
 * An account created before organisations is bound to the default one when the deployment is
 * upgraded (an event on its stream, nothing rewritten). By the system only, once.
 */
export type UserBoundToOrganisation = Event<
  'UserBoundToOrganisation',
  { readonly organisationId: string; readonly reason: string; readonly boundAt: Instant }
>;
export type UserEnabled = Event<'UserEnabled', { readonly enabledAt: Instant }>;
export type PasswordChanged = Event<
  'PasswordChanged',
  {
    readonly passwordHash: string;
    /** An admin's reset (the user must choose a new one) rather than the user's own change. */
    readonly reset: boolean;
    /** Every session ends with the old password: whoever knew it is logged out. */
    readonly revokedFamilyIds: readonly string[];
    readonly changedAt: Instant;
  }
>;
/**
 * The password the user just logged in with, hashed again at the current scrypt cost (the stored
 * hash was older, cheaper). Nothing else changes: the same password, so sessions and
 * `mustChangePassword` stay. A reader that does not know this type keeps the older hash, which
 * verifies the same password.
 */
export type PasswordRehashed = Event<
  'PasswordRehashed',
  { readonly passwordHash: string; readonly rehashedAt: Instant }
>;
/** A login: the first token of a new family (one family = one device's session). */
export type RefreshTokenIssued = Event<
  'RefreshTokenIssued',
  {
    readonly familyId: string;
    readonly tokenHash: string;
    readonly expiresAt: Instant;
    readonly issuedAt: Instant;
  }
>;
export type RefreshTokenRotated = Event<
  'RefreshTokenRotated',
  {
    readonly familyId: string;
    readonly previousTokenHash: string;
    readonly tokenHash: string;
    readonly expiresAt: Instant;
    readonly rotatedAt: Instant;
  }
>;
/**
 * A token already exchanged was presented again: either the user or a thief holds a copy, and
 * we cannot tell which, so the whole family is revoked (RFC 9700 §4.14.2) and both must log in.
 */
export type RefreshTokenReuseDetected = Event<
  'RefreshTokenReuseDetected',
  {
    readonly familyId: string;
    readonly tokenHash: string;
    readonly detectedAt: Instant;
  }
>;
/** Logout: the session the token belongs to ends. */
export type RefreshTokenRevoked = Event<
  'RefreshTokenRevoked',
  {
    readonly familyId: string;
    readonly tokenHash: string;
    readonly revokedAt: Instant;
  }
>;

/**
 * The user read their notifications (GET /me/notifications) up to this global position: kept in
 * the account's stream, so read state survives restarts and is the same on every replica.
 */
export type NotificationsRead = Event<'NotificationsRead', { readonly upTo: string; readonly readAt: Instant }>;

export type UserEvent =
  | UserCreated
  | NotificationsRead
  | UserDisabled
  | UserEnabled
  | UserBoundToOrganisation
  | PasswordChanged
  | PasswordRehashed
  | RefreshTokenIssued
  | RefreshTokenRotated
  | RefreshTokenReuseDetected
  | RefreshTokenRevoked;

export type UserEventType = UserEvent['type'];

/** Every type this version folds; a reader skips others (an older replica meeting a newer writer). */
export const USER_EVENT_TYPES = {
  UserCreated: true,
  NotificationsRead: true,
  UserDisabled: true,
  UserEnabled: true,
  UserBoundToOrganisation: true,
  PasswordChanged: true,
  PasswordRehashed: true,
  RefreshTokenIssued: true,
  RefreshTokenRotated: true,
  RefreshTokenReuseDetected: true,
  RefreshTokenRevoked: true,
} as const satisfies Record<UserEventType, true>;

/** A stored event as a UserEvent; `undefined` for a type this version does not know (skipped). */
export function decodeUserEvent(stored: { readonly type: string; readonly data: unknown }): UserEvent | undefined {
  return Object.hasOwn(USER_EVENT_TYPES, stored.type)
    ? ({ type: stored.type, data: stored.data } as UserEvent)
    : undefined;
}
