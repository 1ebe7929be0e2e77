const lockName = 'pairing-outbox-sync';

let local: Promise<unknown> = Promise.resolve();

/**
 * Run `task` while holding the outbox lock: across every tab of the app through the Web Locks API,
 * or within this tab where a browser lacks it. The server's idempotency keys already make a double
 * send harmless; the lock keeps two tabs from uploading the same photos twice over a slow link.
 */
export function withOutboxLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request(lockName, task) as Promise<T>;
  }
  const run = local.then(task, task);
  local = run.catch(() => undefined);
  return run;
}
