import { fireEvent, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PublicCheckinView } from '@pairing/shared';
import {
  buttonName,
  failure,
  fill,
  isLoading,
  json,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  text,
  type Routes,
} from '../../../test/render.tsx';
import PublicCheckinPage from './PublicCheckinPage.tsx';

const token = 'tok_ABCdef0123456789-abcdefghijklmnopqrstuvw';
const path = `/api/public/checkins/${token}`;

const event: PublicCheckinView = {
  type: 'activity',
  date: '2026-03-10',
  place: '村委会会议室',
  category: 'party_lesson',
  categoryLabel: null,
  urbanName: '上海市农业农村委员会',
  ruralName: '民主村村委会',
  roster: [
    { id: 11, name: '张三' },
    { id: 12, name: '李四' },
  ],
  expiresAt: '2026-03-10T08:00:00.000Z',
};

// A public page: nobody is signed in.
const open = (api: Routes) =>
  renderPage(<PublicCheckinPage />, { url: `/checkin/${token}`, path: '/checkin/:token', api });

const sent = (calls: ReturnType<Awaited<ReturnType<typeof open>>['calls']>) =>
  calls.filter((c) => c.method === 'POST').map((c) => JSON.parse(String(c.init?.body)));

describe('PublicCheckinPage', () => {
  it('shows a spinner while the event loads', async () => {
    const { page, calls } = await open({ [`GET ${path}`]: pending() });
    expect(isLoading(page)).toBe(true);
    await waitFor(() => expect(calls(path)).toHaveLength(1));
  });

  it('says the code is unknown or expired on a 404', async () => {
    const { page } = await open({ [`GET ${path}`]: failure(404, '签到码无效', 'not_found') });
    expect(await within(page).findByText(text('checkin.notFound'))).toBeInTheDocument();
    expect(within(page).getByText(text('checkin.notFoundHint'))).toBeInTheDocument();
  });

  it('says check-in has closed on a 409', async () => {
    const { page } = await open({
      [`GET ${path}`]: failure(409, '签到已结束', 'checkin_closed'),
    });
    expect(await within(page).findByText(text('checkin.closed'))).toBeInTheDocument();
  });

  it("shows the server's error", async () => {
    const { page } = await open({ [`GET ${path}`]: serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
    expect(isLoading(page)).toBe(false);
  });

  it('shows the event and the roster names, then checks in the person picked after confirming', async () => {
    const { page, calls } = await open({
      [`GET ${path}`]: event,
      [`POST ${path}`]: { rosterId: 12, name: '李四', already: false },
    });
    expect(await within(page).findByText(text('checkin.category.party_lesson'))).toBeVisible();
    expect(within(page).getByText('村委会会议室')).toBeInTheDocument();
    expect(within(page).getByText(/上海市农业农村委员会 — 民主村村委会/)).toBeInTheDocument();

    // Nothing picked: the form asks for a choice and sends nothing.
    await userEvent.click(
      within(page).getByRole('button', { name: buttonName(text('checkin.next')) }),
    );
    expect(await within(page).findByText(text('checkin.pickRequired'))).toBeInTheDocument();

    await userEvent.click(within(page).getByRole('radio', { name: '李四' }));
    await userEvent.click(
      within(page).getByRole('button', { name: buttonName(text('checkin.next')) }),
    );
    expect(await within(page).findByTestId('checkin-confirm-name')).toHaveTextContent(
      text('checkin.confirmAs', { name: '李四' }),
    );
    expect(sent(calls(path))).toEqual([]);

    await userEvent.click(
      within(page).getByRole('button', { name: buttonName(text('checkin.confirm')) }),
    );
    expect(await within(page).findByText(text('checkin.success'))).toBeInTheDocument();
    expect(within(page).getByText(text('checkin.successHint', { name: '李四' }))).toBeVisible();
    expect(sent(calls(path))).toEqual([{ rosterId: 12 }]);
    const post = calls(path).find((c) => c.method === 'POST')!;
    expect(new Headers(post.init?.headers).get('content-type')).toBe('application/json');
  });

  it('checks in a typed name, goes back on a refusal, and says when already checked in', async () => {
    let answer = failure(422, '输入有误', 'validation_failed', {
      name: '姓名含有不可见的控制字符',
    });
    const { page, calls } = await open({
      [`GET ${path}`]: event,
      [`POST ${path}`]: (request) => answer(request),
    });
    await userEvent.click(
      await within(page).findByRole('radio', { name: text('checkin.notOnRoster') }),
    );
    fill(await within(page).findByLabelText(text('checkin.name')), '  王五 ');
    fireEvent.click(within(page).getByRole('button', { name: buttonName(text('checkin.next')) }));
    expect(await within(page).findByTestId('checkin-confirm-name')).toHaveTextContent('王五');

    await userEvent.click(
      within(page).getByRole('button', { name: buttonName(text('checkin.confirm')) }),
    );
    expect(await within(page).findByText('姓名含有不可见的控制字符')).toBeInTheDocument();
    // Back at the choice, with the typed name kept.
    expect(within(page).getByLabelText(text('checkin.name'))).toHaveValue('  王五 ');

    answer = json({ rosterId: null, name: '王五', already: true });
    fireEvent.click(within(page).getByRole('button', { name: buttonName(text('checkin.next')) }));
    await userEvent.click(
      await within(page).findByRole('button', { name: buttonName(text('checkin.confirm')) }),
    );
    expect(await within(page).findByText(text('checkin.already'))).toBeInTheDocument();
    await waitFor(() => expect(sent(calls(path))).toEqual([{ name: '王五' }, { name: '王五' }]));
  });
});
