import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { recordActions } from '@pairing/shared';
import { recordView } from '../../test/ledgerFixtures.ts';
import {
  failure,
  fill,
  isLoading,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
  type TestUser,
} from '../../test/render.tsx';
import RecordPage from './RecordPage.tsx';

const open = (api: Routes, user: TestUser = testUser('unit_admin')) =>
  renderPage(<RecordPage />, { url: '/records/11', path: '/records/:id', user, api });

/** The OK button of the open Popconfirm. */
const popconfirmOk = () =>
  waitFor(() => {
    const button = document.querySelector<HTMLElement>('.ant-popconfirm-buttons .ant-btn-primary');
    if (!button) throw new Error('no popconfirm');
    return button;
  });

const none = Object.fromEntries(recordActions.map((a) => [a, false])) as ReturnType<
  typeof recordView
>['abilities'];

describe('RecordPage', () => {
  it('shows a spinner while the record loads', async () => {
    const { page, calls } = await open({ '/api/records/:id': pending() });
    expect(isLoading(page)).toBe(true);
    await waitFor(() => expect(calls('/api/records/11')).toHaveLength(1));
  });

  it('says the record is not there on a 404', async () => {
    const { page } = await open({ '/api/records/:id': failure(404, '未找到', 'not_found') });
    expect(await within(page).findByText(text('record.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ '/api/records/:id': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('shows the content, the people, the photo thumbnails and where the record stands', async () => {
    const { page } = await open({ '/api/records/:id': recordView() });
    const content = await within(page).findByTestId('record-content');
    expect(within(content).getByText('走访了三户困难群众')).toBeInTheDocument();
    expect(within(page).getByTestId('participants')).toHaveTextContent('李红 · 分管领导');
    expect(within(page).getByTestId('participants')).toHaveTextContent('张三');
    const thumb = within(page).getByTestId('evidence').querySelector('img');
    expect(thumb).toHaveAttribute('src', '/api/evidence/900/thumb');
    expect(within(page).getByTestId('record-state')).toHaveTextContent(
      text('record.countsFrom', { date: '2026-05-04' }),
    );
    expect(within(page).queryByTestId('date-mismatch')).toBeNull();
    // The other side's record: no check-in for this caller.
    expect(within(page).queryByTestId('record-checkin')).toBeNull();
  });

  it('flags a photo taken on another day than the record', async () => {
    const r = recordView();
    const { page } = await open({
      '/api/records/:id': recordView({
        photoDateMismatch: true,
        evidence: [{ ...r.evidence[0], dateMismatch: true }],
      }),
    });
    expect(await within(page).findByTestId('date-mismatch')).toHaveTextContent(
      text('record.dateMismatch'),
    );
    expect(within(page).getByTestId('evidence-mismatch-900')).toBeInTheDocument();
  });

  it('shows no actions when the server allows none', async () => {
    const { page } = await open({
      '/api/records/:id': recordView({ abilities: none, state: 'confirmed', counts: true }),
    });
    await within(page).findByTestId('record-content');
    expect(within(page).queryByTestId('record-actions')).toBeNull();
  });

  it('confirms the record and shows it confirmed', async () => {
    const { page, calls } = await open({
      '/api/records/:id': recordView(),
      'POST /api/records/:id/confirm': recordView({
        state: 'confirmed',
        counts: true,
        countsFrom: '2026-05-01',
        confirmedAt: '2026-05-01T03:00:00.000Z',
        abilities: none,
      }),
    });
    fireEvent.click(await within(page).findByTestId('record-confirm'));
    fireEvent.click(await popconfirmOk());
    await waitFor(() => expect(calls('POST /api/records/:id/confirm')).toHaveLength(1));
    expect(await within(page).findAllByTestId('record-state-confirmed')).not.toHaveLength(0);
    expect(within(page).queryByTestId('record-actions')).toBeNull();
  });

  it('objects only with a reason, then shows the objection', async () => {
    const { page, calls } = await open({
      '/api/records/:id': recordView(),
      'POST /api/records/:id/object': recordView({
        state: 'disputed',
        countsFrom: null,
        objection: { reason: '当天没有走访', at: '2026-05-01T03:00:00.000Z', by: '单位管理员' },
        abilities: none,
      }),
    });
    fireEvent.click(await within(page).findByTestId('record-object'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('object-submit'));
    expect(await within(dialog).findByText('请填写异议理由')).toBeInTheDocument();
    expect(calls('POST /api/records/:id/object')).toHaveLength(0);

    fill(within(dialog).getByTestId('object-reason'), '当天没有走访');
    fireEvent.click(within(dialog).getByTestId('object-submit'));
    await waitFor(() => expect(calls('POST /api/records/:id/object')).toHaveLength(1));
    expect(JSON.parse(String(calls('POST /api/records/:id/object')[0].init?.body))).toEqual({
      reason: '当天没有走访',
    });
    expect(await within(page).findByText('当天没有走访')).toBeInTheDocument();
    expect(within(page).getAllByTestId('record-state-disputed')).not.toHaveLength(0);
  });

  it('settles a dispute once a decision is chosen', async () => {
    const disputed = recordView({
      state: 'disputed',
      countsFrom: null,
      objection: { reason: '当天没有走访', at: '2026-05-01T03:00:00.000Z', by: '单位管理员' },
      abilities: { ...none, settle: true },
    });
    const { page, calls } = await open(
      {
        '/api/records/:id': disputed,
        'POST /api/records/:id/settle': {
          ...disputed,
          state: 'rejected',
          settlement: { decision: 'reject', note: '无照片佐证', at: '2026-05-02T03:00:00.000Z' },
          abilities: none,
        },
      },
      testUser('town_admin'),
    );
    fireEvent.click(await within(page).findByTestId('record-settle'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('settle-submit'));
    expect(await within(dialog).findByText('裁定须为计入或不计入')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByText(text('record.decision.reject')));
    fill(within(dialog).getByLabelText(text('record.settleNote')), '无照片佐证');
    fireEvent.click(within(dialog).getByTestId('settle-submit'));
    await waitFor(() => expect(calls('POST /api/records/:id/settle')).toHaveLength(1));
    expect(JSON.parse(String(calls('POST /api/records/:id/settle')[0].init?.body))).toEqual({
      decision: 'reject',
      note: '无照片佐证',
    });
    expect(await within(page).findByText(/无照片佐证/)).toBeInTheDocument();
  });

  it('offers the check-in code on its own pending visit', async () => {
    const { page } = await open({
      '/api/records/:id': recordView({ side: 'urban', abilities: { ...none, attach: true } }),
    });
    expect(await within(page).findByTestId('record-checkin')).toBeInTheDocument();
    expect(within(page).getByTestId('record-checkin').closest('a')).toHaveAttribute(
      'href',
      '/records/11/checkin',
    );
  });

  it('withdraws its own record', async () => {
    const { page, calls } = await open({
      '/api/records/:id': recordView({ side: 'urban', abilities: { ...none, withdraw: true } }),
      'POST /api/records/:id/withdraw': recordView({
        side: 'urban',
        state: 'withdrawn',
        countsFrom: null,
        abilities: none,
      }),
    });
    fireEvent.click(await within(page).findByTestId('record-withdraw'));
    fireEvent.click(await popconfirmOk());
    await waitFor(() => expect(calls('POST /api/records/:id/withdraw')).toHaveLength(1));
    expect(await within(page).findAllByTestId('record-state-withdrawn')).not.toHaveLength(0);
  });

  it("shows the server's refusal of an action", async () => {
    const { page } = await open({
      '/api/records/:id': recordView(),
      'POST /api/records/:id/confirm': failure(409, '该记录已确认、有异议或已撤回，不能再操作'),
    });
    fireEvent.click(await within(page).findByTestId('record-confirm'));
    fireEvent.click(await popconfirmOk());
    expect(await screen.findByText('该记录已确认、有异议或已撤回，不能再操作')).toBeInTheDocument();
  });
});
