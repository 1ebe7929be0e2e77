import type { IncomingIntention } from '@pairing/shared';
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
import { wideScreen } from '../../test/screens.ts';
import InboxPage from './InboxPage.tsx';

const intention: IncomingIntention = {
  id: 5,
  roundId: 7,
  urbanOrgId: 100,
  ruralOrgId: 31,
  state: 'pending',
  source: 'selection',
  submittedAt: '2026-03-02T01:00:00.000Z',
  decidedAt: null,
  urbanConfirmedAt: null,
  ruralConfirmedAt: null,
  urbanOrgName: '上海市农业农村委员会',
  ruralOrgName: '民主村村委会',
  weakVillage: true,
  abilities: { accept: true, decline: true, confirm: false, withdraw: false },
  unit: {
    unitType: '机关',
    yearlyBudget: 500_000,
    capacity: 3,
    parentName: '市级机关工委',
    parentKind: 'working_committee',
    resources: [{ category: '技术', note: '农技专家每月驻村两天', amount: 20_000 }],
  },
};

const open = (intentions: Reply, api: Routes = {}) =>
  renderPage(<InboxPage />, {
    url: '/intentions/inbox',
    user: testUser('village_admin'),
    api: {
      '/api/rounds': { items: [round()] },
      '/api/rounds/:id/renewals': { items: [] },
      '/api/rounds/:id/intentions/incoming': intentions,
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
    const [call] = calls('/api/rounds/:id/intentions/incoming');
    expect(call.url.pathname).toBe('/api/rounds/7/intentions/incoming');
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

  it('shows the unit’s kind, budget, committee and resources beside the intention', async () => {
    const { page } = await open({ items: [intention] });
    const unit = await within(page).findByTestId('unit-5');
    for (const shown of [
      '机关',
      text('choose.amount', { amount: '500,000' }),
      text('choose.committee'),
      '市级机关工委',
      '农技专家每月驻村两天',
      text('choose.amount', { amount: '20,000' }),
    ])
      expect(unit).toHaveTextContent(shown);
    expect(unit.closest('.ant-card')).not.toBeNull();
    expect(within(page).getByTestId('accept-5')).toBeInTheDocument();
  });

  it('says what the unit has not given, in a table on a wide screen', async () => {
    wideScreen();
    const bare = {
      ...intention,
      unit: { ...intention.unit, unitType: null, yearlyBudget: null, resources: [] },
    };
    const { page } = await open({ items: [bare] });
    const unit = await within(page).findByTestId('unit-5');
    expect(unit).toHaveTextContent(text('choose.notGiven'));
    expect(unit).toHaveTextContent(text('choose.noResources'));
    expect(unit.closest('.ant-table')).not.toBeNull();
  });
});
