import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  isLoading,
  paged,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import HomePage from './HomePage.tsx';

const open = (api: Routes) =>
  renderPage(<HomePage />, { url: '/', user: testUser('city_admin'), api });

describe('HomePage', () => {
  it('greets the user and shows skeletons while the counts load', async () => {
    const { page } = await open({ '/api/orgs': pending() });
    expect(within(page).getByText(text('home.welcome', { name: '测试用户' }))).toBeInTheDocument();
    expect(isLoading(page)).toBe(true);
  });

  it('counts each kind with one-row pages and shows zeros for an empty scope', async () => {
    const { page, calls } = await open({ '/api/orgs': paged([], 0) });
    await waitFor(() => expect(isLoading(page)).toBe(false));
    const queries = calls('/api/orgs').map((c) => Object.fromEntries(c.url.searchParams));
    expect(queries).toHaveLength(7);
    expect(queries.every((q) => q.pageSize === '1')).toBe(true);
    expect(queries).toContainEqual({ kind: 'village', weak: 'true', page: '1', pageSize: '1' });
    expect(page.querySelectorAll('.ant-statistic-content-value')).toHaveLength(4);
    for (const value of page.querySelectorAll('.ant-statistic-content-value')) {
      expect(value).toHaveTextContent('0');
    }
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/orgs': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
