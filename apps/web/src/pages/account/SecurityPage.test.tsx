import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionView, SignInView } from '@pairing/shared';
import {
  isLoading,
  json,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
  type StubRequest,
} from '../../test/render.tsx';
import SecurityPage from './SecurityPage.tsx';

const session = (id: number, current: boolean, device: string): SessionView => ({
  id,
  createdAt: '2026-12-01T01:00:00.000Z',
  lastSeenAt: '2026-12-04T02:00:00.000Z',
  ip: current ? '203.0.113.5' : '198.51.100.9',
  device,
  current,
});
const signIn: SignInView = {
  id: 3,
  at: '2026-12-03T10:00:00.000Z',
  ok: false,
  ip: '192.0.2.7',
  device: '',
};

const open = (api: Routes) =>
  renderPage(<SecurityPage />, {
    url: '/account/security',
    path: '/account/security',
    user: testUser('village_admin'),
    api,
  });

describe('SecurityPage', () => {
  it('shows a spinner while the sessions load', async () => {
    const { page } = await open({
      '/api/auth/sessions': pending(),
      '/api/auth/sign-ins': pending(),
    });
    expect(isLoading(page)).toBe(true);
  });

  it("shows the server's error", async () => {
    const { page } = await open({
      '/api/auth/sessions': serverError(),
      '/api/auth/sign-ins': { items: [] },
    });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('marks this device, names a failed sign-in, and ends another device after confirming', async () => {
    const ended: string[] = [];
    const { page } = await open({
      '/api/auth/sessions': {
        items: [
          session(1, true, 'Chrome 120 · Windows 10'),
          session(2, false, 'Mobile Safari 17 · Apple iPhone · iOS 17.0'),
        ],
      },
      '/api/auth/sign-ins': { items: [signIn] },
      '/api/auth/sessions/2': (request: StubRequest) => {
        ended.push(request.method);
        return json({ ok: true })(request);
      },
    });
    expect(await within(page).findByText(text('account.current'))).toBeInTheDocument();
    expect(within(page).getByText(text('account.signInFailed'))).toBeInTheDocument();
    expect(within(page).getByText(text('account.unknownDevice'))).toBeInTheDocument();
    expect(within(page).queryByTestId('end-session-1')).toBeNull();
    fireEvent.click(within(page).getByTestId('end-session-2'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    expect(await screen.findByText(text('account.ended'))).toBeInTheDocument();
    expect(ended).toEqual(['DELETE']);
  });
});
