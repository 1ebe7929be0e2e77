import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import AuditPage from '../pages/audit/AuditPage.tsx';
import { failure, renderPage, testUser } from '../test/render.tsx';

// What the auth provider does with the client's session handlers, seen from a signed-in page.
describe('session handling', () => {
  it('a 401 on a page sends the user to the login page, saying the session expired', async () => {
    await renderPage(<AuditPage />, {
      url: '/audit?entity=user',
      user: testUser('city_admin'),
      api: { '/api/audit': failure(401, '登录已过期', 'unauthorized') },
    });
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        `/login?expired=1&from=${encodeURIComponent('/audit?entity=user')}`,
      ),
    );
  });

  it('a pending password change sends the user to the change-password page', async () => {
    await renderPage(<AuditPage />, {
      url: '/audit',
      user: testUser('city_admin'),
      api: { '/api/audit': failure(403, '请先修改密码', 'password_change_required') },
    });
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/change-password$/),
    );
  });
});
