import { useEffect, useState, useSyncExternalStore } from 'react';
import { isSyncing, listEntries, subscribe, type OutboxEntry } from './outbox.ts';

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the browser believes it has a network (false is certain, true only likely). */
export const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine);

/** The signed-in user's outbox entries (null until read), kept current across tabs. */
export function useOutbox() {
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [syncing, setSyncing] = useState(isSyncing);
  const online = useOnline();

  useEffect(() => {
    let live = true;
    const load = () => {
      setSyncing(isSyncing());
      listEntries().then(
        (list) => {
          if (!live) return;
          setEntries(list);
          setError(null);
        },
        (e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))),
      );
    };
    load();
    const stop = subscribe(load);
    return () => {
      live = false;
      stop();
    };
  }, []);

  return { entries, error, syncing, online };
}
