import { lazyPage } from './lib/lazyPage.ts';
import { preloadPage } from './routes.tsx';

// The signed-in layout (menus, drawer, outbox) is fetched at sign-in, so the login page, the
// first a phone opens, carries none of its code.
export const AppLayout = lazyPage(() =>
  import('./layout/AppLayout.tsx').then((m) => ({ default: m.AppLayout })),
);

/**
 * Fetch the signed-in layout and the page at `pathname` while the sign-in (or a returning user's
 * `/api/auth/me`) is on its way, so the page renders as soon as the answer comes. A failure here
 * is not reported: rendering fetches the same chunks again and shows its own error.
 */
export function preloadSignedIn(pathname: string) {
  void Promise.all([AppLayout.preload(), preloadPage(pathname)]).catch(() => undefined);
}
