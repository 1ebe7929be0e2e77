import { prefetchGet, withQuery } from './api/client.ts';
import { lazyPage } from './lib/lazyPage.ts';
import { bellQuery } from './pages/notifications/bell-query.ts';
import { pageData, preloadPage } from './routes.tsx';

// The signed-in layout (menus, drawer, outbox) is fetched at sign-in, so the login page, the
// first a phone opens, carries none of its code.
export const AppLayout = lazyPage(() =>
  import('./layout/AppLayout.tsx').then((m) => ({ default: m.AppLayout })),
);

/**
 * Fetch the signed-in layout and the page at `pathname` while the sign-in (or a returning user's
 * `/api/auth/me`) is on its way, so the page renders as soon as the answer comes; nothing for a
 * path that is no page of the app (the login page itself). A failure here is not reported:
 * rendering fetches the same chunks again and shows its own error.
 */
export function preloadSignedIn(pathname: string) {
  const page = preloadPage(pathname);
  if (page) void Promise.all([AppLayout.preload(), page]).catch(() => undefined);
}

/**
 * Fetch what the signed-in layout and the page at `pathname` read as they open (the bell's unread
 * notifications, the page's own GETs) once the browser is signed in, so those answers are on their
 * way while the page's code renders; nothing for a path that is no page of the app.
 */
export function prefetchSignedIn(pathname: string) {
  const urls = pageData(pathname);
  if (!urls) return;
  prefetchGet(withQuery('/api/notifications', bellQuery));
  for (const url of urls) prefetchGet(url);
}
