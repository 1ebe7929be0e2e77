import type { authApi } from '@pairing/shared';

type SignInRoutes = Pick<typeof authApi, 'me' | 'login' | 'logout'>;

/**
 * The routes the login page calls, by method and path alone, typed as packages/shared's
 * contracts: importing the contracts themselves would bring their zod schemas, and zod, into the
 * login page (a fifth of it on the wire); they come with the first signed-in page instead. `call`
 * reads nothing else of a contract, and signInRoutes.test.ts holds these to the contracts.
 */
export const signInRoutes = {
  me: { method: 'GET', path: '/auth/me' },
  login: { method: 'POST', path: '/auth/login' },
  logout: { method: 'POST', path: '/auth/logout' },
} as unknown as SignInRoutes;
