import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type LazyPage = LazyExoticComponent<ComponentType> & {
  /** Start fetching the page's code now, before it renders; rendering then waits for no chunk. */
  preload: () => Promise<unknown>;
};

/**
 * `React.lazy` with a `preload`: the sign-in and a returning user's first `/api/auth/me` fetch
 * the page's code at the same time instead of one after the other (a phone's round trips).
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const once = () =>
    (loading ??= load().catch((err: unknown) => {
      // A failed fetch (a lost connection) is tried again by the next caller.
      loading = undefined;
      throw err;
    }));
  return Object.assign(lazy(once), { preload: once });
}
