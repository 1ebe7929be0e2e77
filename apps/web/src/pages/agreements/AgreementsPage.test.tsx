import { within } from '@testing-library/react';
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
import AgreementsPage from './AgreementsPage.tsx';

const open = (api: Routes, url = '/agreements') =>
  renderPage(<AgreementsPage />, { url, user: testUser('city_admin'), api });

describe('AgreementsPage', () => {
  it('shows a spinner while the agreements load', async () => {
    const { page } = await open({ '/api/agreements': pending() });
    expect(isLoading(page)).toBe(true);
  });

  it('says there are no agreements, asking for the status of the URL', async () => {
    const { page, calls } = await open({ '/api/agreements': paged() }, '/agreements?status=signed');
    expect(await findAfterLoading(page, text('agreements.empty'))).toBeInTheDocument();
    expect(calls('/api/agreements')[0].url.searchParams.get('status')).toBe('signed');
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/agreements': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
