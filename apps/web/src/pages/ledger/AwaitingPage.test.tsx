import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { recordActions } from '@pairing/shared';
import { recordView } from '../../test/ledgerFixtures.ts';
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
  type Reply,
} from '../../test/render.tsx';
import AwaitingPage from './AwaitingPage.tsx';

const open = (awaiting: Reply, extra = {}) =>
  renderPage(<AwaitingPage />, {
    url: '/records/awaiting',
    user: testUser('village_admin'),
    api: { '/api/records/awaiting': awaiting, ...extra },
  });

const none = Object.fromEntries(recordActions.map((a) => [a, false])) as ReturnType<
  typeof recordView
>['abilities'];

describe('AwaitingPage', () => {
  it('shows a spinner while the list loads', async () => {
    const { page } = await open(pending());
    expect(isLoading(page)).toBe(true);
  });

  it('says nothing waits', async () => {
    const { page } = await open(paged());
    expect(await findAfterLoading(page, text('awaiting.empty'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open(serverError());
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('confirms a record in one tap and asks for the list again', async () => {
    const disputed = recordView({
      id: 12,
      state: 'disputed',
      abilities: { ...none, settle: true },
    });
    const { page, calls } = await open(paged([recordView(), disputed]), {
      'POST /api/records/:id/confirm': recordView({ state: 'confirmed', abilities: none }),
    });
    const row = await within(page).findByTestId('record-11');
    expect(
      within(row).getByText(text('awaiting.from', { side: text('ledgerSide.rural'), id: 41 }), {
        exact: false,
      }),
    ).toBeInTheDocument();
    // A dispute is settled on the record's own page, after reading it.
    const other = within(page).getByTestId('record-12');
    expect(within(other).queryByTestId('quick-confirm-12')).toBeNull();
    expect(within(other).getByRole('link')).toHaveAttribute('href', '/records/12');

    fireEvent.click(within(row).getByTestId('quick-confirm-11'));
    const ok = await waitFor(() => {
      const button = document.querySelector<HTMLElement>(
        '.ant-popconfirm-buttons .ant-btn-primary',
      );
      if (!button) throw new Error('no popconfirm');
      return button;
    });
    fireEvent.click(ok);
    await waitFor(() => expect(calls('POST /api/records/:id/confirm')).toHaveLength(1));
    expect(calls('POST /api/records/:id/confirm')[0].url.pathname).toBe('/api/records/11/confirm');
    await waitFor(() => expect(calls('/api/records/awaiting')).toHaveLength(2));
  });
});
