/** How long after a signed-in page opens the worker waits before it starts precaching. */
const precacheDelayMs = 8_000;

/**
 * Install the service worker (vite.config.ts) once a user is signed in and the first page has had
 * time to load: the login page, the first a phone opens and one that works only online anyway,
 * then downloads no precache, and on a slow link the precache does not share the bandwidth with
 * the first page's own chunks and answers; the shell and the offline pages are cached while the
 * user reads that page.
 */
export function registerWorkerWhenIdle() {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' });
  const whenIdle = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(register, { timeout: 5000 })
      : setTimeout(register, 1000);
  setTimeout(whenIdle, precacheDelayMs);
}
