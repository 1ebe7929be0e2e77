import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { round } from '../../test/fixtures.ts';
import {
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import AllocationPage from './AllocationPage.tsx';

const balancing = round({ id: 9, state: 'balancing' });

const open = (api: Routes) =>
  renderPage(<AllocationPage />, {
    url: '/allocation',
    user: testUser('city_admin'),
    api: { '/api/rounds': { items: [balancing] }, ...api },
  });

describe('AllocationPage', () => {
  it('shows neither a result nor "no run" while the runs load', async () => {
    const { page, calls } = await open({ '/api/rounds/:id/allocation/runs': pending() });
    await waitFor(() => expect(calls('/api/rounds/9/allocation/runs')).toHaveLength(1));
    // The run button waits for the list's abilities.
    expect(within(page).queryByTestId('alloc-run')).not.toBeInTheDocument();
    expect(within(page).queryByText(text('alloc.noRun'))).not.toBeInTheDocument();
    expect(within(page).queryByTestId('alloc-summary')).not.toBeInTheDocument();
  });

  it('says no round is in balancing', async () => {
    const { page } = await open({ '/api/rounds': { items: [round()] } });
    expect(await within(page).findByText(text('alloc.noRound'))).toBeInTheDocument();
  });

  it('says the round has no run yet, and offers a run as the list allows', async () => {
    const { page } = await open({
      '/api/rounds/:id/allocation/runs': { items: [], abilities: { run: true, configure: true } },
    });
    expect(await within(page).findByTestId('alloc-run')).toBeInTheDocument();
    expect(within(page).getByText(text('alloc.noRun'))).toBeInTheDocument();
  });

  it('offers no run where the list does not allow it', async () => {
    const { page, calls } = await open({
      '/api/rounds/:id/allocation/runs': { items: [], abilities: { run: false, configure: false } },
    });
    await waitFor(() => expect(calls('/api/rounds/9/allocation/runs')).toHaveLength(1));
    expect(await within(page).findByText(text('alloc.noRun'))).toBeInTheDocument();
    expect(within(page).queryByTestId('alloc-run')).not.toBeInTheDocument();
  });

  it("shows the server's error when the latest run fails to load", async () => {
    const { page, calls } = await open({
      '/api/rounds/:id/allocation/runs': {
        items: [{ id: 3 }],
        abilities: { run: true, configure: true },
      },
      '/api/rounds/:id/allocation/runs/:runId': serverError(),
    });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
    await waitFor(() => expect(calls('/api/rounds/9/allocation/runs/3')).toHaveLength(1));
  });
});
