import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { orgDetail } from '../../test/fixtures.ts';
import { rollupRow } from '../../test/ledgerFixtures.ts';
import {
  findAfterLoading,
  isLoading,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Reply,
  type Routes,
} from '../../test/render.tsx';
import RollupPage from './RollupPage.tsx';

const open = (rollup: Reply, url = '/compliance', api: Routes = {}) =>
  renderPage(<RollupPage />, {
    url,
    path: '/compliance',
    user: testUser('city_admin'),
    api: { '/api/compliance/rollup': rollup, ...api },
  });

describe('RollupPage', () => {
  it('shows a spinner while the roll-up loads', async () => {
    const { page } = await open(pending());
    expect(isLoading(page)).toBe(true);
  });

  it('says there is nothing to sum up yet, by district by default', async () => {
    const { page, calls } = await open({ at: '2026-05-01', rows: [] });
    expect(await findAfterLoading(page, text('rollup.empty'))).toBeInTheDocument();
    expect(calls('/api/compliance/rollup')[0].url.searchParams.get('by')).toBe('district');
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('links every count to the pairings it counts, and a district to its towns', async () => {
    const { page } = await open({
      at: '2026-05-01',
      rows: [
        rollupRow(),
        rollupRow({
          rule: 'R-WEAK-FUNDS',
          pairs: { met: 8, due: 0, due_soon: 0, missed: 4, late: 0 },
        }),
      ],
    });
    const cell = await within(page).findByTestId('cell-100-R-VISIT-LEAD-missed');
    expect(cell).toHaveTextContent(`${text('entryStatus.missed')} 2`);
    expect(cell).toHaveAttribute('href', '/pairings?district=100&rule=R-VISIT-LEAD&status=missed');
    expect(within(page).getByTestId('cell-100-R-WEAK-FUNDS-met')).toHaveTextContent('8');
    // No link for a status nobody is in.
    expect(within(page).queryByTestId('cell-100-R-WEAK-FUNDS-due')).toBeNull();
    fireEvent.click(within(page).getAllByTestId('drill-100')[0]);
    expect(screen.getByTestId('location')).toHaveTextContent('/compliance?by=town&within=100');
  });

  it('drills into a district by town, naming it, with town filters on the links', async () => {
    const { page, calls } = await open(
      { at: '2026-05-01', rows: [rollupRow({ group: { id: 200, name: '朱泾镇' } })] },
      '/compliance?by=town&within=100&rule=R-VISIT-LEAD',
      { '/api/orgs/:id': { org: orgDetail({ id: 100, name: '金山区', kind: 'district' }) } },
    );
    const cell = await within(page).findByTestId('cell-200-R-VISIT-LEAD-due');
    expect(cell).toHaveAttribute('href', '/pairings?town=200&rule=R-VISIT-LEAD&status=due');
    const query = calls('/api/compliance/rollup')[0].url.searchParams;
    expect([query.get('by'), query.get('within'), query.get('rule')]).toEqual([
      'town',
      '100',
      'R-VISIT-LEAD',
    ]);
    await waitFor(() => expect(within(page).getByText('金山区')).toBeInTheDocument());
  });
});
