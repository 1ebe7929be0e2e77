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
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import RoundsPage from './RoundsPage.tsx';

const open = (api: Routes, role: 'city_admin' | 'inspector' = 'city_admin') =>
  renderPage(<RoundsPage />, { url: '/rounds', user: testUser(role), api });

describe('RoundsPage', () => {
  it('shows a spinner while the rounds load', async () => {
    const { page } = await open({ '/api/rounds': pending() });
    expect(isLoading(page)).toBe(true);
  });

  it('says there are no rounds and offers 新建轮次 to the city admin', async () => {
    const { page } = await open({ '/api/rounds': { items: [] } });
    expect(await findAfterLoading(page, text('rounds.empty'))).toBeInTheDocument();
    expect(within(page).getByText(text('rounds.create'))).toBeInTheDocument();
  });

  it('lists the rounds, without 新建轮次 for an inspector', async () => {
    const { page } = await open({ '/api/rounds': { items: [round()] } }, 'inspector');
    expect(await findAfterLoading(page, round().name)).toBeInTheDocument();
    expect(within(page).queryByText(text('rounds.create'))).not.toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/rounds': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
