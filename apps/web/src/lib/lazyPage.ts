import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

type PageModule = { default: ComponentType };

export type LazyPage = LazyExoticComponent<ComponentType> & {
  /** Start fetching the page's code now, before it renders; rendering then waits for no chunk. */
  preload: () => Promise<unknown>;
};

/**
 * `React.lazy` with a `preload`: the sign-in and a returning user's first `/api/auth/me` fetch
 * the page's code at the same time instead of one after the other (a phone's round trips).
 */
export function lazyPage(load: () => Promise<PageModule>): LazyPage {
  let loading: Promise<PageModule> | undefined;
  let loaded: PageModule | undefined;
  const once = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (err: unknown) => {
        // A failed fetch (a lost connection) is tried again by the next caller.
        loading = undefined;
        throw err;
      },
    ));
  // Code that has arrived renders in the same pass: React reads a thenable that calls back at once
  // without suspending, where an already settled promise still costs a suspension and a retry.
  const settled = (module: PageModule) =>
    ({ then: (resolve: (m: PageModule) => void) => resolve(module) }) as Promise<PageModule>;
  return Object.assign(
    lazy(() => (loaded ? settled(loaded) : once())),
    { preload: once },
  );
}
