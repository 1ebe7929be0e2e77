import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Run `load` whenever `deps` change and keep only the latest answer, so a slow earlier
 * request cannot overwrite a newer one when filters change quickly. `deps` are compared by value
 * (they are ids and filters), and the latest `load` is the one run.
 */
export function useRequest<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const [tick, setTick] = useState(0);
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });
  const key = JSON.stringify(deps);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    latestLoad.current().then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setLoading(false);
      },
    );
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
