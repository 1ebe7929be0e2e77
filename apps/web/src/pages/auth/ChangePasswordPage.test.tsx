import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  failure,
  fill,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import { ChangePasswordPage } from './ChangePasswordPage.tsx';

const open = (api: Routes) =>
  renderPage(<ChangePasswordPage />, {
    url: '/change-password',
    user: testUser('village_admin', { mustChangePassword: true }),
    allowPasswordChange: true,
    api,
  });

async function change(page: HTMLElement) {
  fill(within(page).getByLabelText(text('password.old')), 'old12345');
  fill(within(page).getByLabelText(text('password.new')), 'new12345');
  fill(within(page).getByLabelText(text('password.confirm')), 'new12345');
  await userEvent.click(within(page).getByRole('button', { name: text('password.submit') }));
}

describe('ChangePasswordPage', () => {
  it('explains the first sign-in and is busy while saving', async () => {
    const { page, calls } = await open({ 'POST /api/auth/password': pending() });
    expect(within(page).getByText(text('password.firstLogin'))).toBeInTheDocument();
    await change(page);
    const button = within(page).getByRole('button', { name: new RegExp(text('password.submit')) });
    await waitFor(() => expect(button).toHaveClass('ant-btn-loading'));
    expect(JSON.parse(String(calls('POST /api/auth/password')[0].init?.body))).toEqual({
      oldPassword: 'old12345',
      newPassword: 'new12345',
    });
  });

  it("puts the server's field message on the field and shows the overall one", async () => {
    const { page } = await open({
      'POST /api/auth/password': failure(400, '请检查填写的内容', 'validation', {
        oldPassword: '原密码不正确',
      }),
    });
    await change(page);
    expect(await within(page).findByText('原密码不正确')).toBeInTheDocument();
    expect(within(page).getByText('请检查填写的内容')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/change-password');
  });

  it("shows the server's error", async () => {
    const { page } = await open({ 'POST /api/auth/password': serverError() });
    await change(page);
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
