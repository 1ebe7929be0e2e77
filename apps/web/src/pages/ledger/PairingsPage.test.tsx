import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { orgDetail } from '../../test/fixtures.ts';
import { pairingSummary } from '../../test/ledgerFixtures.ts';
import {
  findAfterLoading,
  isLoading,
  paged,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
  type TestUser,
} from '../../test/render.tsx';
import PairingsPage from './PairingsPage.tsx';

const open = (api: Routes, url = '/pairings', user: TestUser = testUser('district_admin')) =>
  renderPage(<PairingsPage />, { url, path: '/pairings', user, api });

const phoneMatchMedia = window.matchMedia;
afterEach(() => {
  window.matchMedia = phoneMatchMedia;
});

/** A desktop-wide screen: every `min-width` media query matches. */
function desktop() {
  window.matchMedia = (query: string) => ({
    ...phoneMatchMedia(query),
    matches: query.includes('min-width'),
  });
}

describe('PairingsPage', () => {
  it('shows a spinner while the pairings load', async () => {
    const { page } = await open({ '/api/pairings': pending() });
    expect(isLoading(page)).toBe(true);
  });

  it('says there are no pairings in scope', async () => {
    const { page } = await open({ '/api/pairings': paged() });
    expect(await findAfterLoading(page, text('pairings.empty'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/pairings': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('lists each pairing as a card with its duty badges and open records, opening it on tap', async () => {
    const { page } = await open({ '/api/pairings': paged([pairingSummary()]) });
    const card = await within(page).findByTestId('pairing-41');
    expect(within(card).getByText('市国资委机关')).toBeInTheDocument();
    expect(within(card).getByText(text('org.weakShort'))).toBeInTheDocument();
    expect(within(card).getByText(`${text('entryStatus.missed')} 1`)).toBeInTheDocument();
    expect(within(card).getByText(`${text('entryStatus.met')} 3`)).toBeInTheDocument();
    // Statuses with nothing in them are left out.
    expect(within(card).queryByText(new RegExp(text('entryStatus.late')))).toBeNull();
    expect(within(card).getByText(text('pairings.openRecordsShort', { n: 2 }))).toBeInTheDocument();
    fireEvent.click(card);
    expect(screen.getByTestId('location')).toHaveTextContent('/pairings/41');
  });

  it('asks for the drill-down of a roll-up cell and names its organization', async () => {
    const { page, calls } = await open(
      {
        '/api/pairings': paged(),
        '/api/orgs/:id': { org: orgDetail({ id: 100, name: '金山区', kind: 'district' }) },
      },
      '/pairings?district=100&rule=R-VISIT-LEAD&status=missed',
    );
    await findAfterLoading(page, text('common.noMatch'));
    const query = calls('/api/pairings')[0].url.searchParams;
    expect(query.get('district')).toBe('100');
    expect(query.get('rule')).toBe('R-VISIT-LEAD');
    expect(query.get('status')).toBe('missed');
    // On a phone the filters fold away behind one button.
    fireEvent.click(within(page).getByRole('button', { name: /筛\s*选/ }));
    const chip = await within(page).findByTestId('org-chip-district');
    await waitFor(() => expect(chip).toHaveTextContent('金山区'));
    fireEvent.click(within(chip).getByRole('button'));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/pairings?rule=R-VISIT-LEAD&status=missed',
      ),
    );
  });

  it('shows no organization filter to a unit, which sees only its own pairings', async () => {
    const { page } = await open({ '/api/pairings': paged() }, '/pairings', testUser('unit_admin'));
    await findAfterLoading(page, text('pairings.empty'));
    fireEvent.click(within(page).getByRole('button', { name: /筛\s*选/ }));
    expect(within(page).getByTestId('rule-filter')).toBeInTheDocument();
    expect(within(page).queryByTestId('org-filter')).toBeNull();
  });

  it('lists the pairings in a table with the filters shown on a desktop', async () => {
    desktop();
    const { page } = await open({ '/api/pairings': paged([pairingSummary()]) });
    const table = await within(page).findByTestId('pairings-table');
    await waitFor(() => expect(within(table).getByText('和平村')).toBeInTheDocument());
    expect(within(table).getByText('金山区 · 朱泾镇')).toBeInTheDocument();
    expect(within(page).getByTestId('org-filter')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: text('pairings.term') })).toBeVisible();
  });
});
