import { authApi } from '@pairing/shared';
import { call } from '../api/client.ts';

/**
 * Read who is signed in through the service worker, so that its copy (vite.config.ts) lets the
 * app open signed in without a network. Signing in does not read it, and on the first visit the
 * worker takes control only after the page loaded: then it is read once the worker does.
 */
export function rememberSession() {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const read = () => void call(authApi.me).catch(() => undefined);
  if (navigator.serviceWorker.controller) read();
  else navigator.serviceWorker.addEventListener('controllerchange', read, { once: true });
}
