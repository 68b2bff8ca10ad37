import { userError } from './user.errors';

/**
 * User streams are named `user-<username>`: the category `user` (everything before the first
 * '-'), one stream per account, so a user's decisions never contend with another's. User
 * names are lower case so `Zhang` and `zhang` cannot be two accounts.
 *
 * A login name is unique in the deployment, so it is scoped by organisation: `zhang` in the
 * default organisation (every account from before organisations), `zhang@qinglan` in any other.
 * An admin of 青岚区 asking for `zhang` gets `zhang@qinglan`, which can only clash with an account
 * of 青岚区 itself, never tell it that 连云区 has a `zhang` (docs/security.md).
 */
const LOCAL = '[a-z0-9][a-z0-9._-]{2,39}';
export const LOCAL_USERNAME = new RegExp(`^${LOCAL}$`);
export const USERNAME = new RegExp(`^${LOCAL}(@[a-z0-9][a-z0-9-]{0,62})?$`);

/**
 * The login name of an account of `organisationId` asked for as `name` (`zhang`, or already
 * `zhang@<its organisation>`); undefined when `name` names another organisation.
 */
export function loginName(name: string, organisationId: string, defaultOrganisationId: string): string | undefined {
  const at = name.indexOf('@');
  const local = at < 0 ? name : name.slice(0, at);
  if (at >= 0 && name.slice(at + 1) !== organisationId) return undefined;
  return organisationId === defaultOrganisationId ? local : `${local}@${organisationId}`;
}
const PREFIX = 'user-';

export function isUsername(value: unknown): value is string {
  return typeof value === 'string' && USERNAME.test(value);
}

export function userStreamId(username: string): string {
  if (!isUsername(username)) throw userError('USER.INVALID_USERNAME', { username });
  return `${PREFIX}${username}`;
}

/** The user name of a user stream; undefined for any other stream. */
export function parseUserStreamId(streamId: string): string | undefined {
  if (!streamId.startsWith(PREFIX)) return undefined;
  const username = streamId.slice(PREFIX.length);
  return isUsername(username) ? username : undefined;
}
