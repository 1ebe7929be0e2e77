import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pairingView } from '../../test/ledgerFixtures.ts';
import {
  failure,
  fill,
  isLoading,
  json,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import { submitRecord } from '../../offline/outbox.ts';
import { chinaToday, quarterOf } from './dates.ts';
import RecordFormPage from './RecordFormPage.tsx';

vi.mock('../../offline/outbox.ts', () => ({ submitRecord: vi.fn() }));
const submit = vi.mocked(submitRecord);

const open = (type: string, api: Routes = {}) =>
  renderPage(<RecordFormPage />, {
    url: `/pairings/41/records/new?type=${type}`,
    path: '/pairings/:id/records/new',
    user: testUser('unit_admin'),
    api: { '/api/pairings/:id': pairingView(), ...api },
  });

const submitButton = (page: HTMLElement) => within(page).getByTestId('record-submit');

beforeEach(() => {
  submit.mockReset();
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined }),
  );
});

describe('RecordFormPage', () => {
  it('shows a spinner while the pairing loads', async () => {
    const { page } = await open('visit', { '/api/pairings/:id': pending() });
    expect(isLoading(page)).toBe(true);
  });

  it('says the pairing is not there on a 404', async () => {
    const { page } = await open('visit', {
      '/api/pairings/:id': failure(404, '未找到', 'not_found'),
    });
    expect(await within(page).findByText(text('pairing.notFound'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open('visit', { '/api/pairings/:id': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });

  it('says so when the caller may not record for this pairing', async () => {
    const p = pairingView();
    const { page } = await open('visit', {
      '/api/pairings/:id': pairingView({ abilities: { ...p.abilities, record: false } }),
    });
    expect(await within(page).findByText(text('record.mayNotRecord'))).toBeInTheDocument();
  });

  it("shows the contract's Chinese messages on an incomplete fund and sends nothing", async () => {
    const { page } = await open('fund');
    fireEvent.click(await within(page).findByTestId('record-submit'));
    expect(await within(page).findByText('请填写金额（元）')).toBeInTheDocument();
    expect(await within(page).findByText('请填写用途')).toBeInTheDocument();
    expect(within(page).getByTestId('record-problem')).toHaveTextContent(
      text('record.fixErrors', { n: 2 }),
    );
    expect(submit).not.toHaveBeenCalled();
  });

  it('asks for the project of a progress record and its percentage', async () => {
    const { page } = await open('progress');
    fireEvent.click(await within(page).findByTestId('record-submit'));
    expect(await within(page).findByText(text('record.missing.projectIndex'))).toBeInTheDocument();
    expect(await within(page).findByText(text('record.missing.percent'))).toBeInTheDocument();
    expect(await within(page).findByText('请填写进度节点')).toBeInTheDocument();
  });

  it('asks for the name of an activity of another category', async () => {
    const { page } = await open('activity');
    fireEvent.mouseDown(
      within(await within(page).findByTestId('category-select')).getByRole('combobox'),
    );
    fireEvent.click(await screen.findByTitle(text('recordCategory.other')));
    await within(page).findByLabelText(text('record.categoryLabel'));
    fireEvent.click(submitButton(page));
    expect(await within(page).findByText(text('record.categoryLabelRequired'))).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends a visit with the roster members ticked, others named and the photos chosen', async () => {
    submit.mockResolvedValue({ status: 'sent', recordId: 77 });
    const { page } = await open('visit');
    // Only those serving on the day are offered: 赵强 left in 2025.
    fireEvent.click(await within(page).findByLabelText(/李红/));
    expect(within(page).queryByLabelText(/赵强/)).toBeNull();
    const others = within(within(page).getByTestId('others')).getByRole('combobox');
    fireEvent.change(others, { target: { value: '张三，李四，' } });
    fill(within(page).getByLabelText(text('record.place')), '村委会');
    const photo = new File(['jpeg'], 'visit.jpg', { type: 'image/jpeg' });
    const input = within(page).getByTestId('file-input');
    expect(input).toHaveAttribute('accept', 'image/*,application/pdf');
    fireEvent.change(input, { target: { files: [photo] } });
    expect(
      within(within(page).getByTestId('chosen-files')).getByAltText('visit.jpg'),
    ).toBeInTheDocument();

    fireEvent.click(submitButton(page));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    const [args] = submit.mock.calls[0];
    expect(args.pairingId).toBe(41);
    expect(args.input).toEqual({
      type: 'visit',
      date: chinaToday() < '2027-06-30' ? chinaToday() : '2027-06-30',
      place: '村委会',
      narrative: '',
      people: { rosterIds: [2], others: ['张三', '李四'] },
      department: false,
    });
    expect(args.files).toEqual([photo]);
    expect(args.idempotencyKey).toMatch(/^record-/);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/records/77'));
  });

  it('keeps the same idempotency key when a failed submission is retried', async () => {
    submit.mockRejectedValueOnce(new Error('无法连接服务器'));
    submit.mockResolvedValueOnce({ status: 'queued' });
    const { page } = await open('visit');
    fireEvent.click(await within(page).findByTestId('record-submit'));
    expect(await within(page).findByText('无法连接服务器')).toBeInTheDocument();
    fireEvent.click(submitButton(page));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    expect(submit.mock.calls[1][0].idempotencyKey).toBe(submit.mock.calls[0][0].idempotencyKey);
    // Kept on the phone: back to the pairing's records.
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/pairings/41?tab=records'),
    );
  });

  it("puts the server's field messages on the form", async () => {
    const { ApiError } = await import('../../api/client.ts');
    submit.mockRejectedValue(
      new ApiError(422, 'invalid', '记录有误', { date: '日期不在帮扶期限内' }),
    );
    const { page } = await open('visit');
    fireEvent.click(await within(page).findByTestId('record-submit'));
    expect(await within(page).findByText('日期不在帮扶期限内')).toBeInTheDocument();
    expect(within(page).getByTestId('record-problem')).toHaveTextContent('记录有误');
    // The server keeps a refusal under its key: the corrected record goes with a new one.
    fireEvent.click(submitButton(page));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    expect(submit.mock.calls[1][0].idempotencyKey).not.toBe(submit.mock.calls[0][0].idempotencyKey);
  });

  it("prefills a quarterly report from the quarter's records, then sends it as edited", async () => {
    submit.mockResolvedValue({ status: 'sent', recordId: 78 });
    const { page, calls } = await open('report', {
      '/api/pairings/:id/report-draft': (request) =>
        json({ quarter: request.url.searchParams.get('quarter'), body: '本季度走访 2 次。' })(
          request,
        ),
    });
    const body = await within(page).findByTestId('report-body');
    await waitFor(() => expect(body).toHaveValue('本季度走访 2 次。'));
    const quarter = calls('/api/pairings/:id/report-draft')[0].url.searchParams.get('quarter');
    // The last quarter that has ended.
    expect(quarter! < quarterOf(chinaToday())).toBe(true);
    fill(body, '本季度走访 2 次，捐赠 1 万元。');
    fireEvent.click(submitButton(page));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0][0].input).toMatchObject({
      type: 'report',
      quarter,
      body: '本季度走访 2 次，捐赠 1 万元。',
    });
  });
});
