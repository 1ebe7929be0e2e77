import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  buttonName,
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
import { LoginPage } from './LoginPage.tsx';

const open = (api: Routes, url = '/login?from=%2Faudit') =>
  renderPage(<LoginPage />, { url, path: '/login', api });

async function signIn(page: HTMLElement) {
  fill(within(page).getByLabelText(text('login.username')), ' admin ');
  fill(within(page).getByLabelText(text('login.password')), 'secret123');
  await userEvent.click(
    within(page).getByRole('button', { name: buttonName(text('login.submit')) }),
  );
}

describe('LoginPage', () => {
  it('says why when the session expired', async () => {
    const { page } = await open({}, '/login?expired=1&from=%2Faudit');
    expect(within(page).getByTestId('login-expired')).toHaveTextContent(text('login.expired'));
  });

  it('is busy while signing in, and sends the trimmed user name', async () => {
    const { page, calls } = await open({ 'POST /api/auth/login': pending() });
    const button = within(page).getByRole('button', { name: buttonName(text('login.submit')) });
    await signIn(page);
    await waitFor(() => expect(button).toHaveClass('ant-btn-loading'));
    const body = JSON.parse(String(calls('POST /api/auth/login')[0].init?.body));
    expect(body).toEqual({ username: 'admin', password: 'secret123' });
  });

  it('shows a wrong password as the server says it, and stays on the page', async () => {
    const { page } = await open({
      'POST /api/auth/login': failure(401, '用户名或密码错误', 'invalid_credentials'),
    });
    await signIn(page);
    expect(await within(page).findByTestId('login-error')).toHaveTextContent('用户名或密码错误');
    expect(within(page).getByLabelText(text('login.password'))).toHaveValue('');
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
  });

  it("shows the server's error", async () => {
    const { page } = await open({ 'POST /api/auth/login': serverError() });
    await signIn(page);
    expect(await within(page).findByTestId('login-error')).toHaveTextContent(serverErrorMessage);
  });

  it('goes back where the user came from once signed in', async () => {
    const { page } = await open({ 'POST /api/auth/login': { user: testUser('city_admin') } });
    await signIn(page);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/audit$/));
  });
});
