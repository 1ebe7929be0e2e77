import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { round } from '../../test/fixtures.ts';
import {
  findAfterLoading,
  isLoading,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  tableIn,
  testUser,
  text,
  type Reply,
  type Routes,
} from '../../test/render.tsx';
import InboxPage from './InboxPage.tsx';

const open = (intentions: Reply, api: Routes = {}) =>
  renderPage(<InboxPage />, {
    url: '/intentions/inbox',
    user: testUser('village_admin'),
    api: {
      '/api/rounds': { items: [round()] },
      '/api/rounds/:id/renewals': { items: [] },
      '/api/rounds/:id/intentions': intentions,
      ...api,
    },
  });

describe('InboxPage', () => {
  it('shows a spinner while the intentions load', async () => {
    const { page } = await open(pending());
    const table = await within(page).findByTestId('inbox-table');
    expect(isLoading(tableIn(page, 'inbox-table'))).toBe(true);
    expect(table).toBeInTheDocument();
  });

  it('says nothing waits, asking for the pending ones of the current round', async () => {
    const { page, calls } = await open({ items: [] });
    await within(page).findByTestId('inbox-table');
    expect(
      await findAfterLoading(tableIn(page, 'inbox-table'), text('inbox.empty')),
    ).toBeInTheDocument();
    const [call] = calls('/api/rounds/:id/intentions');
    expect(call.url.pathname).toBe('/api/rounds/7/intentions');
    expect(call.url.searchParams.get('state')).toBe('pending');
  });

  it('says there is no round when none exists', async () => {
    const { page } = await open({ items: [] }, { '/api/rounds': { items: [] } });
    expect(await within(page).findByText(text('rounds.none'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
