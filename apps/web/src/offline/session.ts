import type { Me } from '@pairing/shared';
import { apiCacheName } from './apiCache.ts';

/**
 * Keep who is signed in where the service worker answers `/api/auth/me` from without a network
 * (vite.config.ts), so the app opens signed in in a village without a signal. Written from the
 * page, from the answer it already holds: a sign-in does not read /api/auth/me, and reading it
 * again only for the worker's copy cost a phone one more round trip on every start.
 */
export function rememberSession(user: Me) {
  if (typeof caches === 'undefined') return;
  const answer = new Response(JSON.stringify({ user }), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
  void caches
    .open(apiCacheName)
    .then((cache) => cache.put('/api/auth/me', answer))
    .catch(() => undefined);
}
