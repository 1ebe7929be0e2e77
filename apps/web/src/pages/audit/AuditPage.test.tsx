import { fireEvent, within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { auditActions, auditEntities, type AuditRecord } from '@pairing/shared';
import { en } from '../../i18n/en.ts';
import { zhCN, type MessageKey } from '../../i18n/zh-CN.ts';
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
  type Responder,
  type Routes,
} from '../../test/render.tsx';
import AuditPage from './AuditPage.tsx';
import { wideScreen } from '../../test/screens.ts';

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

const record = (over: Partial<AuditRecord>): AuditRecord => ({
  id: 1,
  at: '2026-03-01T02:00:00.000Z',
  actorId: 1,
  actorName: 'city',
  action: 'round.transition',
  entity: 'round',
  entityId: '7',
  before: null,
  after: null,
  ip: null,
  batchId: null,
  items: 0,
  ...over,
});

describe('the audit log in words', () => {
  it('has words in both languages for every action and object the server records', () => {
    const keys = [
      ...auditActions.map((a) => `action.${a}`),
      ...auditEntities.map((e) => `entity.${e}`),
    ] as MessageKey[];
    for (const key of keys) {
      expect(zhCN[key], key).toMatch(/\p{Script=Han}/u);
      expect(en[key], key).toMatch(/^[A-Z]/);
    }
  });

  it('names the action and the object, linking the object to its page', async () => {
    const { page } = await open({ '/api/audit': paged([record({})]) });
    expect(await findAfterLoading(page, text('action.round.transition'))).toBeInTheDocument();
    expect(within(page).queryByText('round.transition')).not.toBeInTheDocument();
    const link = within(page).getByRole('link', {
      name: text('audit.object', { entity: text('entity.round'), id: 7 }),
    });
    expect(link).toHaveAttribute('href', '/rounds/7');
  });

  it('shows a publish as one entry with its count, its items on expanding', async () => {
    // The table's expand icon; a phone's card opens the same part with its 详情 button.
    wideScreen();
    const publish = record({
      id: 40,
      action: 'allocation.published',
      entity: 'allocation_run',
      entityId: '3',
      items: 2,
    });
    const items = [41, 42].map((id) =>
      record({
        id,
        action: 'intention.submitted',
        entity: 'intention',
        entityId: String(id + 100),
        batchId: 40,
      }),
    );
    const answer: Responder = ({ url }) =>
      new Response(
        JSON.stringify(url.searchParams.get('batch') === '40' ? paged(items) : paged([publish])),
        { headers: { 'content-type': 'application/json' } },
      );
    const { page, calls } = await open({ '/api/audit': answer });
    expect(await findAfterLoading(page, text('action.allocation.published'))).toBeInTheDocument();
    expect(within(page).getByTestId('audit-count')).toHaveTextContent(
      text('audit.items', { count: 2 }),
    );
    fireEvent.click(page.querySelector('.ant-table-row-expand-icon')!);
    const list = await within(page).findByTestId('audit-items');
    expect(
      await within(list).findByText(
        text('audit.object', { entity: text('entity.intention'), id: 141 }),
      ),
    ).toBeInTheDocument();
    expect(within(list).getByText(text('audit.itemsTitle', { count: 2 }))).toBeInTheDocument();
    expect(calls('/api/audit').some((c) => c.url.searchParams.get('batch') === '40')).toBe(true);
  });

  it('shows a bulk confirmation that lists its intentions in one record the same way', async () => {
    // The table's expand icon; a phone's card opens the same part with its 详情 button.
    wideScreen();
    const bulk = record({
      action: 'intention.bulkConfirmed',
      entity: 'round',
      after: { count: 3, ids: [5, 6, 7] },
    });
    const { page, calls } = await open({ '/api/audit': paged([bulk]) });
    expect(
      await findAfterLoading(page, text('action.intention.bulkConfirmed')),
    ).toBeInTheDocument();
    expect(within(page).getByTestId('audit-count')).toHaveTextContent(
      text('audit.items', { count: 3 }),
    );
    fireEvent.click(page.querySelector('.ant-table-row-expand-icon')!);
    const list = await within(page).findByTestId('audit-items');
    expect(
      within(list).getByText(text('audit.object', { entity: text('entity.intention'), id: 6 })),
    ).toBeInTheDocument();
    await waitFor(() => expect(calls('/api/audit')).toHaveLength(1));
  });
});
