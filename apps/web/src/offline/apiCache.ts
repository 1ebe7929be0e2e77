/**
 * The service worker's copy of the few signed-in reads that opening the record form without a
 * connection needs (vite.config.ts): who is signed in, the pairings and one pairing's roster.
 */
export const apiCacheName = 'pairing-api';

/** Drop those copies when the session ends, so nobody signed out reads them offline. */
export function forgetApiCache() {
  if (typeof caches !== 'undefined') void caches.delete(apiCacheName);
}
