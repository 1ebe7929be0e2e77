import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { authApi, type Me } from '@pairing/shared';
import { call, setSessionHandlers } from '../api/client.ts';
import { forgetApiCache } from '../offline/apiCache.ts';

type Auth = {
  user: Me | null;
  loading: boolean;
  /** The session ended underneath the user (idle timeout, signed out elsewhere). */
  expired: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<Me | null>;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);
  const navigate = useNavigate();

  const refresh = useCallback(async () => {
    try {
      const { user: me } = await call(authApi.me);
      setUser(me);
      return me;
    } catch {
      setUser(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setSessionHandlers({
      // RequireAuth then sends the user to the login page, which says why.
      unauthorized: () => {
        forgetApiCache();
        setExpired(true);
        setUser(null);
      },
      passwordChangeRequired: () => navigate('/change-password', { replace: true }),
    });
  }, [navigate]);

  const login = useCallback(async (username: string, password: string) => {
    const { user: me } = await call(authApi.login, { body: { username, password } });
    setExpired(false);
    setUser(me);
    return me;
  }, []);

  const logout = useCallback(async () => {
    try {
      await call(authApi.logout);
    } finally {
      forgetApiCache();
      setUser(null);
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const value = useMemo(
    () => ({ user, loading, expired, login, logout, refresh }),
    [user, loading, expired, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for pages rendered inside the authenticated layout. */
export function useMe(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useMe without a signed-in user');
  return user;
}
