/**
 * The signed-in session of this browser. The access token lives in memory only; the refresh token
 * is an HttpOnly cookie (SameSite=Strict, Path=/auth) the page never sees, rotated on every renewal.
 * Renewals and logout carry X-Requested-With, which the api requires with the cookie (CSRF).
 * localStorage holds only a hint that a session may exist, so a visitor who never logged in is not
 * sent to /auth/refresh on every page load.
 */
export interface SessionUser {
  username: string;
  displayName: string;
  role: 'office' | 'department' | 'leader' | 'admin';
  department: string | null;
  /** The organisation (district, city) the account works in. */
  organisationId?: string | null;
  mustChangePassword: boolean;
}

export const CSRF_HEADERS = { 'X-Requested-With': 'zw-web' } as const;
const HINT = 'zw.signedIn';
let access: string | undefined;
let renewing: Promise<SessionUser | null> | undefined;
const listeners = new Set<() => void>();

export const session = {
  accessToken: (): string | undefined => access,
  canRenew: (): boolean => localStorage.getItem(HINT) !== null,

  /** Store a login or renewal answer (the refresh token came as a cookie). */
  store(answer: { accessToken: string }): void {
    access = answer.accessToken;
    localStorage.setItem(HINT, '1');
  },

  clear(): void {
    access = undefined;
    localStorage.removeItem(HINT);
    listeners.forEach((listener) => listener());
  },

  /** Called when the session is gone for good (renewal refused): the app shows the login page. */
  onEnded(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /**
   * One renewal at a time, shared by every request that met a 401. Resolves to the signed-in user
   * (the renewal's answer carries it, so a reopened page needs no /auth/me), or null when refused.
   */
  renew(): Promise<SessionUser | null> {
    renewing ??= renewOnce().finally(() => (renewing = undefined));
    return renewing;
  },
};

async function renewOnce(): Promise<SessionUser | null> {
  const response = await fetch('/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...CSRF_HEADERS },
    body: '{}',
    credentials: 'same-origin',
  }).catch(() => undefined);
  if (!response) return null; // offline: keep the hint, try again later
  if (!response.ok) {
    session.clear();
    return null;
  }
  const answer = (await response.json()) as { accessToken: string; user: SessionUser };
  session.store(answer);
  return answer.user;
}
