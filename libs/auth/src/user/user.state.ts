import type { Instant } from '@zw/domain';
import type { Account, UserEvent } from './user.events';

/**
 * An account's state, keyed on `status`. Sessions exist only on an active account: a disabled
 * one has none to look up, so "a disabled user's token is valid" cannot even be expressed.
 */
export interface RefreshFamily {
  readonly familyId: string;
  readonly issuedAt: Instant;
  /** The one token of the family that may still be exchanged; earlier ones are `rotated`. */
  readonly currentHash: string;
  readonly expiresAt: Instant;
  readonly revoked: null | { readonly at: Instant; readonly reason: 'logout' | 'reuse' };
}

export interface Sessions {
  readonly families: ReadonlyMap<string, RefreshFamily>;
  /** Every token digest still remembered (current and rotated) → its family. */
  readonly tokens: ReadonlyMap<string, string>;
}

export interface UserRecord extends Account {
  /** Null only for an account from before organisations not yet bound (it reaches nothing). */
  readonly organisationId: string | null;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly createdAt: Instant;
  /** The global position up to which the user has read the inbox; absent: nothing read yet. */
  readonly notificationsReadUpTo?: string;
}

export type UserState =
  | { readonly status: 'absent' }
  | { readonly status: 'active'; readonly user: UserRecord; readonly sessions: Sessions }
  | { readonly status: 'disabled'; readonly user: UserRecord; readonly disabledAt: Instant; readonly reason: string };

export type UserStatus = UserState['status'];
export type ExistingUserState = Exclude<UserState, { status: 'absent' }>;

export const USER_STATUS_LABELS = { absent: '不存在', active: '正常', disabled: '已停用' } as const satisfies Record<
  UserStatus,
  string
>;

const NO_SESSIONS: Sessions = { families: new Map(), tokens: new Map() };

export function initialUserState(): UserState {
  return { status: 'absent' };
}

/** The state a user stream's events leave behind (what the application does before deciding). */
export function foldUser(events: Iterable<UserEvent>, from: UserState = initialUserState()): UserState {
  let state = from;
  for (const event of events) state = evolveUser(state, event);
  return state;
}

/**
 * The family a token digest belongs to and whether it is that family's current token, or
 * undefined when the digest is unknown (never issued, or forgotten with its dead family).
 */
export function findToken(
  state: UserState,
  tokenHash: string,
): { family: RefreshFamily; current: boolean } | undefined {
  if (state.status !== 'active') return undefined;
  const family = state.sessions.families.get(state.sessions.tokens.get(tokenHash) ?? '');
  return family && { family, current: family.currentHash === tokenHash };
}

/** May this refresh token be exchanged at `now`? Only the current token of a live family of an active user. */
export function isTokenValid(state: UserState, tokenHash: string, now: Instant): boolean {
  const found = findToken(state, tokenHash);
  return !!found && found.current && found.family.revoked === null && isBefore(now, found.family.expiresAt);
}

/** Families that are neither revoked nor expired at `now`. */
export function liveFamilies(state: UserState, now: Instant): RefreshFamily[] {
  if (state.status !== 'active') return [];
  return [...state.sessions.families.values()].filter((f) => f.revoked === null && isBefore(now, f.expiresAt));
}

/** Instants carry offsets, so they compare as times, not as strings. Unparseable → false. */
export function isBefore(a: Instant, b: Instant): boolean {
  const [x, y] = [Date.parse(a), Date.parse(b)];
  return !Number.isNaN(x) && !Number.isNaN(y) && x < y;
}

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserCreated': {
      if (state.status !== 'absent') return state;
      const { username, displayName, role, department, passwordHash, mustChangePassword, createdAt } = event.data;
      const organisationId = event.data.organisationId ?? null;
      const user: UserRecord = {
        username,
        displayName,
        role,
        department,
        organisationId,
        passwordHash,
        mustChangePassword,
        createdAt,
      };
      return { status: 'active', user, sessions: NO_SESSIONS };
    }
    case 'UserDisabled':
      if (state.status !== 'active') return state;
      return { status: 'disabled', user: state.user, disabledAt: event.data.disabledAt, reason: event.data.reason };
    case 'UserBoundToOrganisation': {
      if (state.status === 'absent') return state;
      return { ...state, user: { ...state.user, organisationId: event.data.organisationId } };
    }
    case 'UserEnabled':
      // Sessions ended with the disabling do not come back: the user logs in again.
      return state.status === 'disabled' ? { status: 'active', user: state.user, sessions: NO_SESSIONS } : state;
    case 'PasswordChanged': {
      if (state.status === 'absent') return state;
      const user = { ...state.user, passwordHash: event.data.passwordHash, mustChangePassword: event.data.reset };
      return state.status === 'active' ? { ...state, user, sessions: NO_SESSIONS } : { ...state, user };
    }
    case 'PasswordRehashed':
      if (state.status === 'absent') return state;
      return { ...state, user: { ...state.user, passwordHash: event.data.passwordHash } };
    case 'RefreshTokenIssued': {
      if (state.status !== 'active') return state;
      const { familyId, tokenHash, expiresAt, issuedAt } = event.data;
      const sessions = withoutDeadFamilies(state.sessions, issuedAt);
      const family: RefreshFamily = { familyId, issuedAt, currentHash: tokenHash, expiresAt, revoked: null };
      return {
        ...state,
        sessions: {
          families: new Map(sessions.families).set(familyId, family),
          tokens: new Map(sessions.tokens).set(tokenHash, familyId),
        },
      };
    }
    case 'RefreshTokenRotated': {
      const { familyId, tokenHash, expiresAt } = event.data;
      return withFamily(state, familyId, (f) => ({ ...f, currentHash: tokenHash, expiresAt }), tokenHash);
    }
    case 'RefreshTokenReuseDetected':
      return withFamily(state, event.data.familyId, (f) => ({
        ...f,
        revoked: { at: event.data.detectedAt, reason: 'reuse' },
      }));
    case 'RefreshTokenRevoked':
      return withFamily(state, event.data.familyId, (f) => ({
        ...f,
        revoked: { at: event.data.revokedAt, reason: 'logout' },
      }));
    case 'NotificationsRead':
      if (state.status === 'absent') return state;
      return { ...state, user: { ...state.user, notificationsReadUpTo: event.data.upTo } };
    default: {
      const never: never = event;
      throw new Error(`unknown user event ${JSON.stringify(never)}`);
    }
  }
}

function withFamily(
  state: UserState,
  familyId: string,
  update: (f: RefreshFamily) => RefreshFamily,
  newToken?: string,
): UserState {
  if (state.status !== 'active') return state;
  const family = state.sessions.families.get(familyId);
  if (!family) return state;
  const families = new Map(state.sessions.families).set(familyId, update(family));
  const tokens = newToken ? new Map(state.sessions.tokens).set(newToken, familyId) : state.sessions.tokens;
  return { ...state, sessions: { families, tokens } };
}

/**
 * Each login forgets the families already dead (revoked, or expired by the time of the login)
 * and their tokens, so the folded state grows with the live sessions, not with every refresh
 * ever made. A forgotten token is simply unknown, which is refused all the same.
 */
function withoutDeadFamilies(sessions: Sessions, at: Instant): Sessions {
  const dead = new Set(
    [...sessions.families.values()]
      .filter((f) => f.revoked !== null || !isBefore(at, f.expiresAt))
      .map((f) => f.familyId),
  );
  if (dead.size === 0) return sessions;
  return {
    families: new Map([...sessions.families].filter(([id]) => !dead.has(id))),
    tokens: new Map([...sessions.tokens].filter(([, id]) => !dead.has(id))),
  };
}
