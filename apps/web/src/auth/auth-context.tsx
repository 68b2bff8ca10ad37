import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import { CSRF_HEADERS, session, type SessionUser } from './session';

interface Auth {
  /** undefined while the stored session is being renewed on start; null when signed out. */
  user: SessionUser | null | undefined;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(session.canRenew() ? undefined : null);

  useEffect(() => session.onEnded(() => setUser(null)), []);
  useEffect(() => {
    if (!session.canRenew()) return;
    void (async () => {
      if (!(await session.renew())) return setUser(null);
      setUser(await unwrap<SessionUser>(api.GET('/auth/me')).catch(() => null));
    })();
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await unwrap<{ accessToken: string; user: SessionUser }>(
      api.POST('/auth/login', { body: { username, password, cookie: true } }),
    );
    session.store(answer);
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
