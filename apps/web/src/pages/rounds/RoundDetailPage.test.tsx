import { within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { round } from '../../test/fixtures.ts';
import {
  failure,
  isLoading,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import RoundDetailPage from './RoundDetailPage.tsx';

const open = (api: Routes) =>
  renderPage(<RoundDetailPage />, {
    url: '/rounds/7',
    path: '/rounds/:id',
    user: testUser('city_admin'),
    api: { '/api/rounds/:id/quotas': { items: [] }, ...api },
  });

describe('RoundDetailPage', () => {
  it('shows a spinner while the round loads', async () => {
    const { page, calls } = await open({ '/api/rounds/:id': pending() });
    expect(isLoading(page)).toBe(true);
    await waitFor(() => expect(calls('/api/rounds/7')).toHaveLength(1));
  });

  it('shows the round once loaded', async () => {
    const { page } = await open({ '/api/rounds/:id': { round: round() } });
    expect(await within(page).findAllByText(round().name)).not.toHaveLength(0);
  });

  it('says the round does not exist on a 404', async () => {
    const { page } = await open({ '/api/rounds/:id': failure(404, '未找到', 'not_found') });
    expect(await within(page).findByText(text('rounds.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/rounds/:id': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
