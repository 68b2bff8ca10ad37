import type { CommandMetadata, Role } from '@zw/domain';
import { specFor } from '../../../../domain/src/testing/given-when-then';
import { DEFAULT_SCRYPT_COST, hashToken, type ScryptCost } from '../../password';
import type { UserRole } from '../../roles';
import type { UserCommand } from '../user.commands';
import { decideUser } from '../user.decide';
import type { Account, AccountOrganisation, UserEvent } from '../user.events';
import { evolveUser, initialUserState, type UserState } from '../user.state';

/** Accounts of the 连云区 office as the tests use them. */
export const ECO = '连云生态环境局';
export const CREATED_AT = '2024-01-02T09:00:00+08:00';
export const NOW = '2024-03-28T10:00:00+08:00';
/** Refresh tokens of the tests live 30 days from NOW. */
export const EXPIRES = '2024-04-27T10:00:00+08:00';

export const given = specFor<UserCommand, UserEvent, UserState>({
  decide: decideUser,
  evolve: evolveUser,
  initialState: initialUserState,
});

/**
 * Well-formed hashes without running scrypt (the domain only checks the form; password.ts
 * has the real round trips), at the current cost unless another is given. Each differs in its
 * salt byte.
 */
export function passwordHash(n = 1, { N, r, p }: ScryptCost = DEFAULT_SCRYPT_COST): string {
  return `scrypt$${N}$${r}$${p}$${Buffer.alloc(16, n).toString('base64')}$${Buffer.alloc(64, 200 + n).toString('base64')}`;
}

/** The cost every hash had before it was raised to OWASP's minimum (accounts not logged in since). */
export const OLD_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

export const token = (name: string) => hashToken(`refresh-token-${name}`);

export function metaOf(role: Role, actorId: string, now = NOW, department?: string): CommandMetadata {
  return { actor: { actorId, role, ...(department ? { department } : {}) }, now };
}
export const admin = (now = NOW) => metaOf('admin', 'root', now);
export const system = (now = NOW) => metaOf('system', 'bootstrap', now);

/** The organisation the fixtures' accounts work in. */
export const ORG = 'district-a';
type BoundAccount = Account & AccountOrganisation;
export const ZHANG: BoundAccount = {
  username: 'zhang.wei',
  displayName: '张伟',
  role: 'department',
  department: ECO,
  organisationId: ORG,
};
export const LI: BoundAccount = {
  username: 'li.na',
  displayName: '李娜',
  role: 'office',
  department: null,
  organisationId: ORG,
};
export const ROOT: BoundAccount = {
  username: 'root',
  displayName: '系统管理员',
  role: 'admin',
  department: null,
  organisationId: ORG,
};

/** The metadata of the account itself acting (what the api builds after a login or refresh). */
export function self(account: Account, now = NOW): CommandMetadata {
  return metaOf(account.role as UserRole, account.username, now, account.department ?? undefined);
}

export function created(account: BoundAccount = ZHANG, mustChangePassword = true, hash = passwordHash()): UserEvent {
  return {
    type: 'UserCreated',
    data: { ...account, passwordHash: hash, mustChangePassword, createdAt: CREATED_AT },
  };
}

export function issued(
  familyId: string,
  tokenName: string,
  issuedAt = '2024-03-01T08:00:00+08:00',
  expiresAt = EXPIRES,
): UserEvent {
  return { type: 'RefreshTokenIssued', data: { familyId, tokenHash: token(tokenName), expiresAt, issuedAt } };
}

export function rotated(
  familyId: string,
  from: string,
  to: string,
  rotatedAt = '2024-03-10T08:00:00+08:00',
  expiresAt = EXPIRES,
): UserEvent {
  return {
    type: 'RefreshTokenRotated',
    data: { familyId, previousTokenHash: token(from), tokenHash: token(to), expiresAt, rotatedAt },
  };
}

export function disabled(revokedFamilyIds: string[] = [], disabledAt = '2024-03-20T09:00:00+08:00'): UserEvent {
  return { type: 'UserDisabled', data: { reason: '调离岗位', revokedFamilyIds, disabledAt } };
}

/** 张伟 logged in on two devices; the laptop has refreshed once (t1 → t2). */
export const TWO_SESSIONS: UserEvent[] = [
  created(),
  issued('laptop', 't1'),
  issued('phone', 'p1'),
  rotated('laptop', 't1', 't2'),
];
