import { within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  failure,
  isLoading,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  text,
  type Routes,
} from '../../test/render.tsx';
import CommitmentPage from './CommitmentPage.tsx';

// A public page: nobody is signed in.
const open = (api: Routes) =>
  renderPage(<CommitmentPage />, {
    url: '/commitments/12',
    path: '/commitments/:agreementId',
    api,
  });

describe('CommitmentPage', () => {
  it('shows a spinner while the commitment loads', async () => {
    const { page, calls } = await open({ '/api/public/agreements/:id/commitment': pending() });
    expect(isLoading(page)).toBe(true);
    await waitFor(() => expect(calls('/api/public/agreements/12/commitment')).toHaveLength(1));
  });

  it('says the agreement is not public on a 404', async () => {
    const { page } = await open({
      '/api/public/agreements/:id/commitment': failure(404, '未找到', 'not_found'),
    });
    expect(await within(page).findByText(text('commitment.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/public/agreements/:id/commitment': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
    expect(isLoading(page)).toBe(false);
  });
});
