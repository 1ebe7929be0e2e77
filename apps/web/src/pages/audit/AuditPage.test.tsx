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
import AuditPage from './AuditPage.tsx';

const open = (api: Routes, url = '/audit') =>
  renderPage(<AuditPage />, { url, user: testUser('city_admin'), api });

describe('AuditPage', () => {
  it('shows a spinner while the log loads', async () => {
    const { page } = await open({ '/api/audit': pending() });
    expect(isLoading(page)).toBe(true);
  });

  it('says the log is empty, asking for the page of the URL', async () => {
    const { page, calls } = await open({ '/api/audit': paged() }, '/audit?page=2&pageSize=50');
    expect(await findAfterLoading(page, text('audit.empty'))).toBeInTheDocument();
    expect(Object.fromEntries(calls('/api/audit')[0].url.searchParams)).toEqual({
      page: '2',
      pageSize: '50',
    });
  });

  it('says nothing matches when a filter is set, and sends the filter', async () => {
    const { page, calls } = await open({ '/api/audit': paged() }, '/audit?action=user.create');
    expect(await findAfterLoading(page, text('common.noMatch'))).toBeInTheDocument();
    expect(calls('/api/audit')[0].url.searchParams.get('action')).toBe('user.create');
    expect(within(page).getByText(text('common.clearFilters'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/audit': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
