/**
 * Install the service worker (vite.config.ts) once a user is signed in and the page is idle: the
 * login page, the first a phone opens and one that works only online anyway, then downloads no
 * precache; the shell and the offline pages are cached while the user reads the first page.
 */
export function registerWorkerWhenIdle() {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' });
  if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 5000 });
  else setTimeout(register, 1000);
}
