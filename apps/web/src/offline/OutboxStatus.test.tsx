import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, renderPage, testUser, text, type Routes } from '../test/render.tsx';
import OutboxStatus from './OutboxStatus.tsx';
import { addEntry } from './store.ts';
import { outboxEntry, photoBytes, resetOutboxDb } from './testing.ts';

let online = true;

const open = (api: Routes = {}) =>
  renderPage(<OutboxStatus />, { user: testUser('unit_admin', { userId: 1 }), api });

beforeEach(async () => {
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  await resetOutboxDb();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('OutboxStatus', () => {
  it('shows nothing online with an empty outbox', async () => {
    const { page } = await open();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(within(page).queryByTestId('outbox-status')?.textContent ?? null).toBeNull();
  });

  it('says offline and how many records wait, and sends them when the network returns', async () => {
    online = false;
    await addEntry(outboxEntry({ key: 'rec-1' }), [photoBytes()]);
    await addEntry(outboxEntry({ key: 'rec-2', userId: 1, files: [] }), []);
    const { page, calls } = await open({
      'POST /api/pairings/:id/records': json({ id: 41 }, 201),
      'POST /api/records/:id/evidence': json({ id: 1 }, 201),
    });

    const status = await within(page).findByTestId('outbox-status');
    // A phone (jsdom matches no media query): the count shows, the words are the label.
    await waitFor(() =>
      expect(status).toHaveAccessibleName(
        `${text('outbox.offline')} · ${text('outbox.status.queued', { count: 2 })}`,
      ),
    );
    expect(status).toHaveTextContent(/^2$/);
    expect(calls('POST /api/pairings/:id/records')).toHaveLength(0);

    online = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(within(page).queryByTestId('outbox-status')).toBeNull());
    expect(calls('POST /api/pairings/:id/records')).toHaveLength(2);
  });

  it('names refused records and leads to the outbox', async () => {
    await addEntry(outboxEntry({ state: 'failed', error: '无权操作' }), [photoBytes()]);
    const { page } = await open();

    const status = await within(page).findByTestId('outbox-status');
    await waitFor(() =>
      expect(status).toHaveAccessibleName(text('outbox.status.failed', { count: 1 })),
    );
    expect(status).toHaveTextContent(/^1$/);
    fireEvent.click(status);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/outbox'));
  });

  it("does not count another user's records", async () => {
    online = false;
    await addEntry(outboxEntry({ userId: 2 }), [photoBytes()]);
    const { page } = await open();

    const status = await within(page).findByTestId('outbox-status');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(status).toHaveAccessibleName(text('outbox.offline'));
    expect(status).toHaveTextContent(/^$/);
  });
});
