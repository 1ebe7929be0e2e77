import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import BoardIndexPage from '../pages/board/BoardIndexPage.tsx';
import { renderPage, testUser, text } from '../test/render.tsx';

const openBoard = (api = {}) =>
  renderPage(<BoardIndexPage />, {
    url: '/board',
    api: { '/api/public/rounds': { items: [] }, ...api },
  });

// An anonymous visitor of a public page is not asked who is signed in: that 401 was logged in the
// console of every board viewer.
describe('who is signed in, on the public pages', () => {
  it('is not asked by a browser that never signed in', async () => {
    const { page, calls } = await openBoard();
    expect(await within(page).findByText(text('rounds.none'))).toBeInTheDocument();
    expect(calls('/api/auth/me')).toHaveLength(0);
  });

  it('is asked by a browser that signed in before, and forgotten on a 401', async () => {
    localStorage.setItem('pairing.signedIn', '1');
    const { page, calls } = await openBoard();
    expect(await within(page).findByText(text('rounds.none'))).toBeInTheDocument();
    expect(calls('/api/auth/me')).toHaveLength(1);
    expect(localStorage.getItem('pairing.signedIn')).toBeNull();
  });

  it('is remembered once a page of the app has read the signed-in user', async () => {
    await renderPage(<div>app</div>, { url: '/audit', user: testUser('city_admin') });
    expect(localStorage.getItem('pairing.signedIn')).toBe('1');
  });
});
