/**
 * The signed-in session of this browser. The access token lives in memory only; the refresh
 * token is kept in localStorage so a reload or a new tab stays signed in, and is rotated on every
 * renewal (the api revokes the whole session if an old one is replayed).
 */
export interface SessionUser {
  username: string;
  displayName: string;
  role: 'office' | 'department' | 'leader' | 'admin';
  department: string | null;
  mustChangePassword: boolean;
}

interface TokenAnswer {
  accessToken: string;
  refreshToken: string;
}

const REFRESH_KEY = 'zw.refreshToken';
let access: string | undefined;
let renewing: Promise<boolean> | undefined;
const listeners = new Set<() => void>();

export const session = {
  accessToken: (): string | undefined => access,
  canRenew: (): boolean => localStorage.getItem(REFRESH_KEY) !== null,

  /** Store a login or renewal answer. */
  store(answer: TokenAnswer): void {
    access = answer.accessToken;
    localStorage.setItem(REFRESH_KEY, answer.refreshToken);
  },

  clear(): void {
    access = undefined;
    localStorage.removeItem(REFRESH_KEY);
    listeners.forEach((listener) => listener());
  },

  /** Called when the session is gone for good (renewal refused): the app shows the login page. */
  onEnded(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** One renewal at a time, shared by every request that met a 401. */
  renew(): Promise<boolean> {
    renewing ??= renewOnce().finally(() => (renewing = undefined));
    return renewing;
  },

  refreshToken: (): string | null => localStorage.getItem(REFRESH_KEY),
};

async function renewOnce(): Promise<boolean> {
  const refreshToken = localStorage.getItem(REFRESH_KEY);
  if (!refreshToken) return false;
  const response = await fetch('/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  }).catch(() => undefined);
  if (!response) return false; // offline: keep the token, try again later
  if (!response.ok) {
    session.clear();
    return false;
  }
  session.store((await response.json()) as TokenAnswer);
  return true;
}
