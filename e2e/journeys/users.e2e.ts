import { expect, test } from 'vitest';
import {
  checkAccessibility,
  chooseOption,
  chooseOrg,
  demoAccount,
  screenshot,
  signIn,
  signInAs,
  useBrowser,
} from '../browser.ts';

const session = useBrowser();

test('an admin creates a user who must change the one-time password at first sign-in', async () => {
  const { page } = session();
  await signInAs(page, demoAccount('district_admin', '金山区'));
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();

  const username = `town${Date.now().toString(36)}`;
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('新街镇管理员');
  // Before a select opens: antd's open list (a listbox) carries no name of its own.
  await checkAccessibility(page, 'users-create-dialog');
  await chooseOption(page, dialog.getByLabel('角色'), '街镇管理员');
  await chooseOrg(page, dialog.getByLabel('所属组织'), '朱泾镇');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();

  const password = (await page.getByTestId('initial-password').innerText()).trim();
  expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{8,}$/);
  await page.getByRole('button', { name: '我已记下' }).click();
  await page.locator('.ant-table-row', { hasText: username }).getByText('待改密').waitFor();
  await checkAccessibility(page, 'users-list');

  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await signIn(page, username, password);
  await page.waitForURL('**/change-password');
  await page.getByText('首次登录，请先修改初始密码').waitFor();

  await page.getByLabel('原密码').fill(password);
  await page.getByLabel('新密码', { exact: true }).fill('short');
  await page.getByLabel('确认新密码').fill('short');
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.getByText('至少 8 位，须同时包含字母和数字').first().waitFor();
  await checkAccessibility(page, 'change-password-refused');

  await page.getByLabel('新密码', { exact: true }).fill('Jinshan2026');
  await page.getByLabel('确认新密码').fill('Jinshan2026');
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.getByText('您好，新街镇管理员').waitFor();
  await screenshot(page, 'first-login-password-changed');
});
