import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pairingActions } from '@pairing/shared';
import { pairingView, recordView } from '../../test/ledgerFixtures.ts';
import {
  failure,
  fill,
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
import PairingPage from './PairingPage.tsx';

const open = (api: Routes, url = '/pairings/41') =>
  renderPage(<PairingPage />, {
    url,
    path: '/pairings/:id',
    user: testUser('unit_admin'),
    api,
  });

const readOnly = Object.fromEntries(pairingActions.map((a) => [a, false])) as ReturnType<
  typeof pairingView
>['abilities'];

describe('PairingPage', () => {
  it('shows a spinner while the pairing loads', async () => {
    const { page, calls } = await open({ '/api/pairings/:id': pending() });
    expect(isLoading(page)).toBe(true);
    await waitFor(() => expect(calls('/api/pairings/41')).toHaveLength(1));
  });

  it('says the pairing is not there on a 404', async () => {
    const { page } = await open({ '/api/pairings/:id': failure(404, '未找到', 'not_found') });
    expect(await within(page).findByText(text('pairing.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/pairings/:id': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('shows each rule with its periods, amounts in yuan, persons by name and links to the records counted', async () => {
    const { page } = await open({ '/api/pairings/:id': pairingView() });
    const compliance = await within(page).findByTestId('compliance');
    expect(within(page).getByTestId('pairing-urban')).toHaveTextContent('市国资委机关');
    // The rule with a missed period opens by itself.
    expect(
      within(compliance).getByText(
        text('pairing.actualOfRequired', { actual: '¥5,000', required: '¥20,000' }),
      ),
    ).toBeInTheDocument();
    fireEvent.click(within(compliance).getByText(text('ledgerRule.R-VISIT-LEAD')));
    fireEvent.click(within(compliance).getByText(text('ledgerRule.R-VISIT-PRINCIPAL')));
    expect(await within(compliance).findByText(/王建国（主要领导）/)).toBeInTheDocument();
    const link = within(compliance).getByTestId('evidence-12');
    expect(link).toHaveAttribute('href', '/records/12');
    expect(
      within(compliance).getByText(text('pairing.dueBy', { date: '2026-12-31' })),
    ).toBeInTheDocument();
  });

  it('says when compliance has not been computed yet', async () => {
    const { page } = await open({ '/api/pairings/:id': pairingView({ status: null }) });
    expect(await within(page).findByText(text('pairing.noStatus'))).toBeInTheDocument();
  });

  it('lists the records with their state, asking for the filter in the URL', async () => {
    const { page, calls } = await open(
      {
        '/api/pairings/:id': pairingView(),
        '/api/pairings/:id/records': paged([
          recordView(),
          recordView({ id: 12, state: 'disputed' }),
        ]),
      },
      '/pairings/41?tab=records&state=pending',
    );
    const list = await within(page).findByTestId('record-list');
    await waitFor(() => expect(within(list).getByTestId('record-11')).toBeInTheDocument());
    expect(within(list).getByTestId('record-state-disputed')).toHaveTextContent(
      text('recordState.disputed'),
    );
    expect(within(list).getAllByText(/和平村 · 村管理员/)).toHaveLength(2);
    expect(calls('/api/pairings/:id/records')[0].url.searchParams.get('state')).toBe('pending');
    fireEvent.click(within(list).getByTestId('record-12'));
    expect(screen.getByTestId('location')).toHaveTextContent('/records/12');
  });

  it('says there are no records yet', async () => {
    const { page } = await open(
      { '/api/pairings/:id': pairingView(), '/api/pairings/:id/records': paged() },
      '/pairings/41?tab=records',
    );
    expect(await findAfterLoading(page, text('record.empty'))).toBeInTheDocument();
  });

  it('offers 记一笔 and the roster only to those the server lets', async () => {
    const { page } = await open(
      { '/api/pairings/:id': pairingView({ abilities: readOnly }) },
      '/pairings/41?tab=roster',
    );
    await within(page).findByTestId('roster');
    expect(within(page).queryByTestId('new-record')).toBeNull();
    expect(within(page).queryByTestId('roster-add')).toBeNull();
    expect(within(page).queryByText(text('roster.end'))).toBeNull();
  });

  it("adds a roster member, showing the contract's messages first", async () => {
    const { page, calls } = await open(
      {
        '/api/pairings/:id': pairingView(),
        'POST /api/pairings/:id/roster': {
          id: 4,
          name: '孙丽',
          post: '副书记',
          role: 'team',
          from: '2024-07-01',
          to: null,
        },
      },
      '/pairings/41?tab=roster',
    );
    fireEvent.click(await within(page).findByTestId('roster-add'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('请填写姓名')).toBeInTheDocument();
    expect(within(dialog).getByText('请选择角色')).toBeInTheDocument();
    expect(calls('POST /api/pairings/:id/roster')).toHaveLength(0);

    fill(within(dialog).getByLabelText(text('roster.name')), '孙丽');
    fill(within(dialog).getByLabelText(text('roster.post')), '副书记');
    fireEvent.mouseDown(within(dialog).getByLabelText(text('roster.role')));
    fireEvent.click(await screen.findByTitle(text('rosterRole.team')));
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls('POST /api/pairings/:id/roster')).toHaveLength(1));
    const [request] = calls('POST /api/pairings/:id/roster');
    expect(JSON.parse(String(request.init?.body))).toEqual({
      name: '孙丽',
      post: '副书记',
      role: 'team',
      from: '2024-07-01',
      to: null,
    });
    expect((request.init?.headers as Record<string, string>)['idempotency-key']).toMatch(
      /^roster-/,
    );
    // The page reloads the pairing to show the new roster.
    await waitFor(() => expect(calls('/api/pairings/41').length).toBeGreaterThan(1));
  });

  it('ends a tenure on the day chosen, keeping the entry', async () => {
    const { page, calls } = await open(
      {
        '/api/pairings/:id': pairingView(),
        'POST /api/pairings/:id/roster/:entryId/end': {
          id: 2,
          name: '李红',
          post: '副主任',
          role: 'lead',
          from: '2024-07-01',
          to: '2026-05-01',
        },
      },
      '/pairings/41?tab=roster',
    );
    const entry = await within(page).findByTestId('roster-2');
    fireEvent.click(within(entry).getByRole('button', { name: /离\s*任/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /离\s*任/ }));
    await waitFor(() =>
      expect(calls('POST /api/pairings/:id/roster/:entryId/end')).toHaveLength(1),
    );
    const [request] = calls('POST /api/pairings/:id/roster/:entryId/end');
    expect(request.url.pathname).toBe('/api/pairings/41/roster/2/end');
    expect(JSON.parse(String(request.init?.body)).to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lets the unit rename the responsible department', async () => {
    const { page, calls } = await open({
      '/api/pairings/:id': pairingView(),
      'PUT /api/pairings/:id/department': { responsibleDepartment: '党群工作部' },
    });
    const department = await within(page).findByTestId('pairing-department');
    fireEvent.click(
      within(department.parentElement!).getByRole('button', { name: text('common.edit') }),
    );
    const box = await within(page).findByRole('textbox');
    fill(box, '党群工作部');
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 });
    fireEvent.keyUp(box, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(calls('PUT /api/pairings/:id/department')).toHaveLength(1));
    expect(JSON.parse(String(calls('PUT /api/pairings/:id/department')[0].init?.body))).toEqual({
      responsibleDepartment: '党群工作部',
    });
  });
});
