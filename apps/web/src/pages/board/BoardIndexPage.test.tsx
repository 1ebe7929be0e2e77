import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { round } from '../../test/fixtures.ts';
import {
  isLoading,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  text,
  type Reply,
} from '../../test/render.tsx';
import BoardIndexPage from './BoardIndexPage.tsx';

// A public page: nobody is signed in.
const open = (rounds: Reply) =>
  renderPage(<BoardIndexPage />, { url: '/board', api: { '/api/public/rounds': rounds } });

describe('BoardIndexPage', () => {
  it('shows a spinner while the public rounds load', async () => {
    const { page } = await open(pending());
    expect(isLoading(page)).toBe(true);
  });

  it('says there is no round', async () => {
    const { page } = await open({ items: [] });
    expect(await within(page).findByText(text('rounds.none'))).toBeInTheDocument();
  });

  it('opens the one round under way directly, and lists several', async () => {
    const one = await open({ items: [round({ id: 7 }), round({ id: 3, state: 'closed' })] });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/board/7'));
    one.unmount();
    const two = await open({
      items: [round({ id: 7, name: '第二轮' }), round({ id: 8, name: '第三轮' })],
    });
    expect(await within(two.page).findByText('第三轮')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/board$/);
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
