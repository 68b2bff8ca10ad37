import { hashPassword } from '@zw/auth';
import { systemRequest } from '../../commands/command-request';
import { send, stream, type CommandSender } from '../../commands/commands';
import { temporaryPassword } from './passwords';
import type { UserAccounts } from './user-accounts';

export class AdminExistsError extends Error {
  constructor() {
    super('an admin account exists already: bootstrap runs only on a system without one');
  }
}

/**
 * The first admin, created by the `system` actor (the only account it may create) with a
 * generated password that is returned once and stored nowhere in plain: the operator reads it
 * from the terminal and logs in. There is no default password. Refused once any admin exists.
 * The password is hashed before the command is sent (slow; never under the account's lock).
 */
export async function bootstrapAdmin(
  accounts: UserAccounts,
  bus: CommandSender,
  username: string,
  organisationId: string,
  displayName = '系统管理员',
): Promise<string> {
  if (await accounts.anyAdmin()) throw new AdminExistsError();
  const secret = temporaryPassword(username);
  const passwordHash = await hashPassword(secret);
  await send(bus, systemRequest('cli:users-bootstrap'), stream.user(username), 'CreateUser', {
    username,
    displayName,
    role: 'admin',
    organisationId,
    passwordHash,
  });
  return secret;
}
