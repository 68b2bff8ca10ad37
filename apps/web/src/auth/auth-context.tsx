import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import { CSRF_HEADERS, session, type SessionUser } from './session';

interface Auth {
  /** undefined while the stored session is being renewed on start; null when signed out. */
  user: SessionUser | null | undefined;
  /** `prepare` runs with the answer before the signed-in pages render: to start loading the landing page. */
  login(username: string, password: string, prepare?: (user: SessionUser) => void): Promise<SessionUser>;
  logout(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

/**
 * `renewal`: the stored session's renewal, started by main.tsx before the first render so that it
 * runs beside the scripts' evaluation; its answer carries the user.
 */
export function AuthProvider({ children, renewal }: { children: ReactNode; renewal?: Promise<SessionUser | null> }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(renewal ? undefined : null);

  useEffect(() => session.onEnded(() => setUser(null)), []);
  useEffect(() => void renewal?.then(setUser), [renewal]);

  const login = useCallback(async (username: string, password: string, prepare?: (user: SessionUser) => void) => {
    const answer = await unwrap<{ accessToken: string; user: SessionUser }>(
      api.POST('/auth/login', { body: { username, password, cookie: true } }),
    );
    session.store(answer);
    prepare?.(answer.user);
    setUser(answer.user);
    return answer.user;
  }, []);

  const logout = useCallback(async () => {
    await api.POST('/auth/logout', { body: {}, headers: CSRF_HEADERS }).catch(() => undefined);
    session.clear();
  }, []);

  // The api ends every session on a password change: sign in again with the new password.
  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      const username = user?.username;
      await unwrap(api.POST('/auth/password', { body: { currentPassword, newPassword } }));
      session.clear();
      if (username) await login(username, newPassword);
    },
    [user, login],
  );

  const value = useMemo(() => ({ user, login, logout, changePassword }), [user, login, logout, changePassword]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
