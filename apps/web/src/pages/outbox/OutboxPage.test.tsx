import { fireEvent, screen, within, waitFor } from '@testing-library/react';
import { deleteDB, openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addEntry } from '../../offline/store.ts';
import { outboxEntry, photoBytes, resetOutboxDb } from '../../offline/testing.ts';
import {
  buttonName,
  failure,
  findAfterLoading,
  isLoading,
  json,
  renderPage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import OutboxPage from './OutboxPage.tsx';

const open = (api: Routes = {}) =>
  renderPage(<OutboxPage />, { url: '/outbox', user: testUser('unit_admin'), api });

beforeEach(async () => {
  await resetOutboxDb();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('OutboxPage', () => {
  it('shows a spinner while the device storage opens', async () => {
    // Another tab holds the database while it is being deleted: opening it waits for both.
    const holder = await openDB('pairing-outbox', 1);
    const deleting = deleteDB('pairing-outbox');
    const { page } = await open();
    expect(isLoading(page)).toBe(true);
    holder.close();
    await deleting;
    expect(await findAfterLoading(page, text('outbox.empty'))).toBeInTheDocument();
  });

  it('says when nothing waits', async () => {
    const { page } = await open();
    expect(await findAfterLoading(page, text('outbox.empty'))).toBeInTheDocument();
  });

  it('says when the device storage cannot be read', async () => {
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new Error('存储已被禁用');
      },
    });
    const { page } = await open();
    expect(
      await within(page).findByText(text('outbox.loadFailed', { message: '存储已被禁用' })),
    ).toBeInTheDocument();
  });

  it('lists queued and refused records with what went wrong', async () => {
    await addEntry(
      outboxEntry({ key: 'rec-a', error: '无法连接服务器', attempts: 2, triedAt: Date.now() }),
      [photoBytes()],
    );
    await addEntry(
      outboxEntry({
        key: 'rec-b',
        createdAt: Date.now(),
        recordId: 31,
        state: 'failed',
        error: '文件类型不支持',
        files: [
          { name: 'a.jpg', type: 'image/jpeg', size: 4, sent: true },
          { name: 'b.pdf', type: 'application/pdf', size: 4, sent: false },
        ],
      }),
      [photoBytes(), photoBytes()],
    );
    const { page } = await open();

    const items = await within(page).findAllByTestId('outbox-entry');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText(text('outbox.state.queued'))).toBeInTheDocument();
    expect(within(items[0]).getByText('走访 · 2026-03-02 · 村委会')).toBeInTheDocument();
    expect(within(items[0]).getByText('无法连接服务器')).toBeInTheDocument();
    expect(
      within(items[0]).queryByRole('button', { name: buttonName(text('outbox.retry')) }),
    ).toBeNull();
    expect(within(items[1]).getByText(text('outbox.state.failed'))).toBeInTheDocument();
    expect(within(items[1]).getByText(/附件 2 个，已上传 1 个/)).toBeInTheDocument();
    expect(within(items[1]).getByText('文件类型不支持')).toBeInTheDocument();
  });

  it('retries a refused record and drops it once the server took it', async () => {
    await addEntry(outboxEntry({ state: 'failed', error: '无权操作' }), [photoBytes()]);
    const { page, calls } = await open({
      'POST /api/pairings/:id/records': json({ id: 41 }, 201),
      'POST /api/records/:id/evidence': json({ id: 1 }, 201),
    });
    const item = await within(page).findByTestId('outbox-entry');

    fireEvent.click(within(item).getByRole('button', { name: buttonName(text('outbox.retry')) }));

    expect(await findAfterLoading(page, text('outbox.empty'))).toBeInTheDocument();
    await waitFor(() => expect(calls('POST /api/pairings/:id/records')).toHaveLength(1));
    expect(calls('POST /api/records/:id/evidence')[0].url.pathname).toBe(
      '/api/records/41/evidence',
    );
  });

  it('keeps a record that is refused again, with the new reason', async () => {
    await addEntry(outboxEntry({ state: 'failed', error: '无权操作' }), [photoBytes()]);
    const { page } = await open({
      'POST /api/pairings/:id/records': failure(404, '结对不存在', 'not_found'),
    });
    const item = await within(page).findByTestId('outbox-entry');

    fireEvent.click(within(item).getByRole('button', { name: buttonName(text('outbox.retry')) }));

    expect(await within(page).findByText('结对不存在')).toBeInTheDocument();
  });

  it('discards a record after the user confirms', async () => {
    await addEntry(outboxEntry({ recordId: 12 }), [photoBytes()]);
    const { page } = await open();
    const item = await within(page).findByTestId('outbox-entry');

    fireEvent.click(within(item).getByRole('button', { name: buttonName(text('outbox.discard')) }));
    expect(await screen.findByText(text('outbox.discardCreatedConfirm'))).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: buttonName('确定') }));

    expect(await findAfterLoading(page, text('outbox.empty'))).toBeInTheDocument();
  });
});
