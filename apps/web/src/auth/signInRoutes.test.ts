import { authApi } from '@pairing/shared';
import { describe, expect, it } from 'vitest';
import { signInRoutes } from './signInRoutes.ts';

describe('signInRoutes', () => {
  it('names each sign-in route by the method and path of its contract', () => {
    for (const name of ['me', 'login', 'logout'] as const) {
      expect(signInRoutes[name], name).toEqual({
        method: authApi[name].method,
        path: authApi[name].path,
      });
    }
  });
});
