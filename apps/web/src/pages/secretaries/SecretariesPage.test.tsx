import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
} from '../../test/render.tsx';
import { listItem } from './fixtures.ts';
import SecretariesPage from './SecretariesPage.tsx';

const open = (api: Routes, role: 'town_admin' | 'village_admin' = 'town_admin') =>
  renderPage(<SecretariesPage />, {
    url: '/secretaries',
    path: '/secretaries',
    user: testUser(role),
    api,
  });

const listOf = (items = [listItem()]) => ({ ...paged(items), year: 2026 });

describe('SecretariesPage', () => {
  it('shows a spinner while the secretaries load', async () => {
    const { page } = await open({ '/api/secretaries': pending() });
    expect(isLoading(page)).toBe(true);
  });

  it('says there are no secretaries', async () => {
    const { page } = await open({ '/api/secretaries': listOf([]) });
    expect(await findAfterLoading(page, text('secretaries.empty'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/secretaries': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('lists each secretary with the year’s assessment, opening one on tap', async () => {
    const { page, calls } = await open({
      '/api/secretaries': listOf([
        listItem(),
        listItem({
          person: { ...listItem().person, id: 8, name: '李建华' },
          assessment: { id: 3, total: 39_729 },
        }),
      ]),
    });
    const first = await within(page).findByTestId('secretary-7');
    expect(within(first).getByText('张卫东')).toBeInTheDocument();
    expect(within(first).getByText(text('secretaries.notAssessed'))).toBeInTheDocument();
    expect(within(page).getByTestId('secretary-8')).toHaveTextContent('¥39,729');
    expect(calls('/api/secretaries')[0].url.searchParams.get('year')).toMatch(/^\d{4}$/);
    // The town records a term; a village only reads.
    expect(within(page).getByRole('button', { name: /登记任期/ })).toBeInTheDocument();
    fireEvent.click(first);
    expect(screen.getByTestId('location')).toHaveTextContent('/secretaries/7');
  });

  it('offers a village admin no term to record', async () => {
    const { page } = await open({ '/api/secretaries': listOf() }, 'village_admin');
    await within(page).findByTestId('secretary-7');
    expect(within(page).queryByRole('button', { name: /登记任期/ })).toBeNull();
  });
});
