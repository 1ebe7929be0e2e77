import { within } from '@testing-library/react';
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

const open = (api: Routes) =>
  renderPage(<UncoveredPage />, {
    url: '/rounds/7/uncovered',
    path: '/rounds/:id/uncovered',
    user: testUser('town_admin'),
    api,
  });

describe('UncoveredPage', () => {
  it("shows a spinner while the round's uncovered orgs load", async () => {
    const { page, calls } = await open({ '/api/rounds/:id/uncovered': pending() });
    expect(isLoading(page)).toBe(true);
    expect(calls('/api/rounds/7/uncovered')).toHaveLength(1);
  });

  it('says everything is covered when nothing is left', async () => {
    const { page } = await open({ '/api/rounds/:id/uncovered': { items: [] } });
    expect(await findAfterLoading(page, text('board.allCovered'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/rounds/:id/uncovered': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
