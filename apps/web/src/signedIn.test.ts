import { agreementsApi, notificationsApi, todoApi } from '@pairing/shared';
import { describe, expect, it } from 'vitest';
import { hrefOf, withQuery } from './api/client.ts';
import { bellQuery } from './pages/notifications/bell-query.ts';
import { pageData } from './routes.tsx';

// The prefetched URLs are written without the contracts (they would bring zod into the login
// page); these hold them to the contracts the pages call.
describe('the GETs prefetched at sign-in', () => {
  it('are the URLs the pages request', () => {
    expect(pageData('/')).toEqual([hrefOf(todoApi.list)]);
    expect(pageData('/agreements/42')).toEqual([hrefOf(agreementsApi.get, { params: { id: 42 } })]);
    expect(pageData('/login')).toBeUndefined();
    expect(pageData('/orgs')).toEqual([]);
  });

  it('include the bell’s read, as the bell asks for it', () => {
    expect(withQuery('/api/notifications', bellQuery)).toBe(
      hrefOf(notificationsApi.list, { query: bellQuery }),
    );
  });
});
