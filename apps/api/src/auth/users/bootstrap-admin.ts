import { hashPassword } from '@zw/auth';
import { toShanghaiIso, type Clock } from '@zw/clock';
import { systemMetadata } from '../../actor/actor';
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
 */
export async function bootstrapAdmin(
  accounts: UserAccounts,
  clock: Clock,
  username: string,
  organisationId: string,
  displayName = '系统管理员',
): Promise<string> {
  if (await accounts.anyAdmin()) throw new AdminExistsError();
  const secret = temporaryPassword(username);
  const metadata = systemMetadata('cli:users-bootstrap', clock);
  await accounts.execute(
    username,
    {
      type: 'CreateUser',
      data: { username, displayName, role: 'admin', organisationId, passwordHash: await hashPassword(secret) },
      metadata: { actor: { actorId: 'cli:users-bootstrap', role: 'system' }, now: toShanghaiIso(clock.now()) },
    },
    metadata,
  );
  return secret;
}
