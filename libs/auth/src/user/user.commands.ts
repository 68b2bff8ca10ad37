import type { Command, Instant } from '@zw/domain';
import type { UserRole } from '../roles';

/**
 * What can be asked of an account. Everything secret or random is made by the application
 * before deciding (password hashes, token digests, family ids) and the time is `metadata.now`,
 * so `decideUser` stays a pure function. What the application must check itself, because the
 * stream cannot: that no admin exists yet when the system creates one, and the old password
 * when users change their own.
 */
export type CreateUser = Command<
  'CreateUser',
  {
    readonly username: string;
    readonly displayName: string;
    readonly role: UserRole;
    /** Required for the `department` role (canonical name), absent for the others. */
    readonly department?: string;
    /** The organisation the account works in; the application checks it exists and is the admin's to manage. */
    readonly organisationId: string;
    readonly passwordHash: string;
  }
>;
/** The upgrade binds an account from before organisations to the default organisation (system only). */
export type BindToOrganisation = Command<
  'BindToOrganisation',
  { readonly organisationId: string; readonly reason: string }
>;
export type DisableUser = Command<'DisableUser', { readonly reason: string }>;
export type EnableUser = Command<'EnableUser', Readonly<Record<string, never>>>;
/** By the user (old password verified by the application) or an admin's reset. */
export type ChangePassword = Command<'ChangePassword', { readonly passwordHash: string }>;
/**
 * The same password under a hash of the current cost, by the user a login just proved it for.
 * `replaces` is the hash that login verified: the stream's current one, or nothing happens.
 */
export type RehashPassword = Command<'RehashPassword', { readonly passwordHash: string; readonly replaces: string }>;
/** After a successful login, by the user the password proved. */
export type IssueRefreshToken = Command<
  'IssueRefreshToken',
  {
    readonly familyId: string;
    readonly tokenHash: string;
    readonly expiresAt: Instant;
  }
>;
/** Exchange of a refresh token for the next one, by its holder. */
export type RotateRefreshToken = Command<
  'RotateRefreshToken',
  {
    readonly tokenHash: string;
    readonly newTokenHash: string;
    readonly expiresAt: Instant;
  }
>;
/** Logout, by the user or an admin. */
export type RevokeRefreshToken = Command<'RevokeRefreshToken', { readonly tokenHash: string }>;

/** The inbox read up to a global position (a notification's `position`), by the user. */
export type MarkNotificationsRead = Command<'MarkNotificationsRead', { readonly upTo: string }>;

export type UserCommand =
  | CreateUser
  | BindToOrganisation
  | DisableUser
  | EnableUser
  | ChangePassword
  | RehashPassword
  | IssueRefreshToken
  | RotateRefreshToken
  | RevokeRefreshToken
  | MarkNotificationsRead;

export type UserCommandType = UserCommand['type'];
