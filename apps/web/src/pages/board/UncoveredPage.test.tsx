import { within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  findAfterLoading,
  isLoading,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import UncoveredPage from './UncoveredPage.tsx';

const open = (api: Routes, url = '/rounds/7/uncovered') =>
  renderPage(<UncoveredPage />, {
    url,
    path: '/rounds/:id/uncovered',
    user: testUser('town_admin'),
    api: { '/api/orgs': { items: [], total: 0, page: 1, pageSize: 20 }, ...api },
  });

describe('UncoveredPage', () => {
  it("shows a spinner while the round's uncovered orgs load", async () => {
    const { page, calls } = await open({ '/api/rounds/:id/uncovered': pending() });
    expect(isLoading(page)).toBe(true);
    await waitFor(() => expect(calls('/api/rounds/7/uncovered')).toHaveLength(1));
    // Nothing is known to be covered until the answer is in.
    expect(within(page).queryByText(text('board.allCovered'))).not.toBeInTheDocument();
  });

  it('says everything is covered when nothing is left', async () => {
    const { page } = await open({ '/api/rounds/:id/uncovered': { items: [] } });
    expect(await findAfterLoading(page, text('board.allCovered'))).toBeInTheDocument();
  });

  it("shows the server's error, not that everything is covered", async () => {
    const { page } = await open({ '/api/rounds/:id/uncovered': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
    expect(within(page).queryByText(text('board.allCovered'))).not.toBeInTheDocument();
  });

  it('asks with the filters of the URL and exports with the same filters', async () => {
    const { page, calls } = await open(
      { '/api/rounds/:id/uncovered': { items: [] } },
      '/rounds/7/uncovered?district=5&town=6&weak=true',
    );
    expect(await findAfterLoading(page, text('common.noMatch'))).toBeInTheDocument();
    const asked = Object.fromEntries(calls('/api/rounds/:id/uncovered')[0].url.searchParams);
    expect(asked).toEqual({ district: '5', town: '6', weak: 'true' });
    const href = within(page).getByTestId('uncovered-export').getAttribute('href')!;
    const exported = new URL(href, 'http://localhost');
    expect(exported.pathname).toBe('/api/rounds/7/uncovered.xlsx');
    expect(Object.fromEntries(exported.searchParams)).toEqual(asked);
  });
});
