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

  it('puts the renewal card first, closed once the round has moved on, with the reason', async () => {
    const renewal = {
      renewalId: 3,
      previousIntentionId: 11,
      urbanOrgId: 1,
      urbanOrgName: '市农委',
      ruralOrgId: 2,
      ruralOrgName: '民主村',
      urbanConfirmedAt: '2026-03-02T01:00:00.000Z',
      ruralConfirmedAt: null,
      declinedAt: '2026-03-03T01:00:00.000Z',
      closedReason: '轮次进入「综合平衡」时未完成，已失效：统一部署',
      intentionId: null,
      abilities: { confirm: false, decline: false },
    };
    const lapsed = {
      id: 5,
      roundId: 7,
      urbanOrgId: 1,
      ruralOrgId: 2,
      state: 'lapsed',
      source: 'selection',
      submittedAt: '2026-03-02T01:00:00.000Z',
      decidedAt: '2026-03-03T01:00:00.000Z',
      urbanConfirmedAt: null,
      ruralConfirmedAt: null,
      urbanOrgName: '市农委',
      ruralOrgName: '民主村',
      weakVillage: false,
      closedReason: '轮次进入「综合平衡」时未完成，已失效：统一部署',
      abilities: { accept: false, decline: false, confirm: false, withdraw: false },
    };
    const { page } = await open(
      { items: [lapsed] },
      {
        '/api/rounds': { items: [round({ state: 'balancing', previousRoundId: 6 })] },
        '/api/rounds/:id/renewals': { items: [renewal] },
      },
    );
    const card = await within(page).findByTestId('renewals-card');
    const inbox = await within(page).findByTestId('inbox-table');
    // The card comes before the (long) inbox table in the page.
    expect(card.compareDocumentPosition(inbox) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(await within(card).findByText(text('renewals.closed'))).toBeInTheDocument();
    expect(within(card).getByText(renewal.closedReason)).toBeInTheDocument();
    expect(within(page).getByText(text('inbox.closed'))).toBeInTheDocument();
    expect(await within(inbox).findByTestId('intention-state-lapsed')).toBeInTheDocument();
    expect(within(inbox).getByTestId('intention-reason')).toHaveTextContent('统一部署');
    expect(within(inbox).queryByRole('button')).toBeNull();
  });
});
