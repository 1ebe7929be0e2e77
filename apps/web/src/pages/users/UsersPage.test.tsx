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
import UsersPage from './UsersPage.tsx';

const open = (api: Routes, url = '/users') =>
  renderPage(<UsersPage />, { url, user: testUser('city_admin'), api });

describe('UsersPage', () => {
  it('shows a spinner while the accounts load', async () => {
    const { page } = await open({ '/api/users': pending() });
    expect(isLoading(page)).toBe(true);
  });

  it('says there are no accounts yet, or none matching the search', async () => {
    const empty = await open({ '/api/users': paged() });
    expect(await findAfterLoading(empty.page, text('users.empty'))).toBeInTheDocument();
    empty.unmount();
    const searched = await open({ '/api/users': paged() }, '/users?q=%E5%BC%A0');
    expect(await findAfterLoading(searched.page, text('common.noMatch'))).toBeInTheDocument();
    expect(searched.calls('/api/users')[0].url.searchParams.get('q')).toBe('张');
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/users': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
