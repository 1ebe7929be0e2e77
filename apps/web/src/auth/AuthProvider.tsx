import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '@pairing/shared';
import { ApiError, call, forgetPrefetched, setSessionHandlers } from '../api/client.ts';
import { forgetApiCache } from '../offline/apiCache.ts';
import { prefetchSignedIn, preloadSignedIn } from '../signedIn.ts';
import { signInRoutes } from './signInRoutes.ts';

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

// The pages anyone opens without signing in (App.tsx). There the browser asks who is signed in
// only if it signed in before: otherwise every visitor of the board would log a 401 for it.
const publicPages = /^\/(board(\/|$)|commitments\/|checkin\/|public\/)/;
const signedInHere = 'pairing.signedIn';

function remember(me: Me | null) {
  if (me) localStorage.setItem(signedInHere, '1');
  else localStorage.removeItem(signedInHere);
}

/**
 * Before the app first renders: a browser that was signed in before, opening a page of the app,
 * most likely still is, so that page's code and first reads are fetched while `/api/auth/me` is.
 */
export function prepareReturningUser(pathname: string) {
  if (publicPages.test(pathname) || localStorage.getItem(signedInHere) === null) return;
  preloadSignedIn(pathname);
  prefetchSignedIn(pathname);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null>(null);
  const [reading, setReading] = useState(false);
  const [asked, setAsked] = useState(false);
  const [expired, setExpired] = useState(false);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const needed = !publicPages.test(pathname) || localStorage.getItem(signedInHere) !== null;

  const refresh = useCallback(async () => {
    setReading(true);
    try {
      const { user: me } = await call(signInRoutes.me);
      setUser(me);
      remember(me);
      return me;
    } catch (e) {
      setUser(null);
      // Only a 401 says nobody is signed in; without a network the browser still is.
      if (e instanceof ApiError && e.status === 401) remember(null);
      return null;
    } finally {
      setReading(false);
    }
  }, []);

  // Asked once, when the first page that needs it opens (a public page may lead to the app).
  useEffect(() => {
    if (!needed || asked) return;
    setAsked(true);
    void refresh();
  }, [needed, asked, refresh]);
  const loading = reading || (needed && !asked);

  useEffect(() => {
    setSessionHandlers({
      // RequireAuth then sends the user to the login page, which says why.
      unauthorized: () => {
        forgetPrefetched();
        forgetApiCache();
        remember(null);
        setExpired(true);
        setUser(null);
      },
      passwordChangeRequired: () => navigate('/change-password', { replace: true }),
    });
  }, [navigate]);

  const login = useCallback(async (username: string, password: string) => {
    const { user: me } = await call(signInRoutes.login, { body: { username, password } });
    forgetPrefetched();
    setExpired(false);
    setUser(me);
    remember(me);
    return me;
  }, []);

  const logout = useCallback(async () => {
    try {
      await call(signInRoutes.logout);
    } finally {
      forgetPrefetched();
      forgetApiCache();
      remember(null);
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
