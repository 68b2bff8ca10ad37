import { userError } from './user.errors';

/**
 * User streams are named `user-<username>`: the category `user` (everything before the first
 * '-'), one stream per account, so a user's decisions never contend with another's. User
 * names are lower case so `Zhang` and `zhang` cannot be two accounts.
 */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;
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
