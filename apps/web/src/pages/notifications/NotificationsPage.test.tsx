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
import NotificationsPage from './NotificationsPage.tsx';

const open = (api: Routes, url = '/notifications') =>
  renderPage(<NotificationsPage />, { url, user: testUser('village_admin'), api });

describe('NotificationsPage', () => {
  it('shows a spinner while the messages load', async () => {
    const { page } = await open({ '/api/notifications': pending() });
    expect(isLoading(page)).toBe(true);
  });

  it('says there are no messages; 全部已读 is off with nothing unread', async () => {
    const { page, calls } = await open(
      { '/api/notifications': { items: [], total: 0, unread: 0, page: 1, pageSize: 20 } },
      '/notifications?unread=true',
    );
    expect(await findAfterLoading(page, text('notifications.empty'))).toBeInTheDocument();
    expect(calls('/api/notifications')[0].url.searchParams.get('unread')).toBe('true');
    expect(
      within(page).getByRole('button', { name: text('notifications.markAll') }),
    ).toBeDisabled();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/notifications': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
