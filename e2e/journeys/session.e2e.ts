import { expect, test } from 'vitest';
import { demoAccount, screenshot, signIn, signInAs, useBrowser } from '../browser.ts';

const session = useBrowser();

test('five wrong passwords pause this browser’s sign-in to the account and the login page says for how long', async () => {
  const { page } = session();
  // An account no other journey signs in with from here, since this source stays paused for it
  // (the security journey signs the inspector in, so it cannot be this one).
  const victim = demoAccount('system_admin');
  const error = page.getByTestId('login-error');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, victim.username, `wrong-${attempt}-password`);
    await error.waitFor();
    if (attempt < 5) await expect(error.innerText()).resolves.toContain('用户名或密码错误');
  }
  await expect(error.innerText()).resolves.toContain('已暂停登录此账号');

  // Even the right password is refused now, with the minutes left.
  await signIn(page, victim.username, victim.password);
  await page.getByText(/已暂停登录此账号，请 \d+ 分钟后再试/).waitFor();
  expect(page.url()).toContain('/login');
  await screenshot(page, 'login-locked');
});

test('the English toggle switches the menu and is remembered', async () => {
  const { page } = session();
  await signInAs(page, demoAccount('city_admin'));
  await page.getByRole('menuitem', { name: '组织名录' }).waitFor();

  await page.getByTestId('lang-switch').getByText('English').click();
  await page.getByRole('menuitem', { name: 'Directory' }).waitFor();
  await page.getByRole('menuitem', { name: 'Audit log' }).waitFor();

  await page.reload();
  await page.getByRole('menuitem', { name: 'Directory' }).waitFor();
  await page.getByText(/^Hello, /).waitFor();
  await screenshot(page, 'english-menu');

  await page.getByTestId('lang-switch').getByText('中文').click();
  await page.getByRole('menuitem', { name: '组织名录' }).waitFor();
});

test('a session ended on the server sends the user back to login with a message', async () => {
  const { page } = session();
  await signInAs(page, demoAccount('city_admin'));
  await page.goto('/users');
  await page.getByRole('button', { name: '新建用户' }).waitFor();

  // The same cookie, signed out behind the page's back: what an idle timeout looks like to it.
  const response = await page.context().request.post('/api/auth/logout', { data: {} });
  expect(response.status()).toBe(200);

  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByTestId('login-expired').waitFor();
  expect(new URL(page.url()).searchParams.get('from')).toBe('/audit');
  await screenshot(page, 'session-expired');
});
