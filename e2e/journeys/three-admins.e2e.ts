import { expect, test } from 'vitest';
import {
  demoAccount,
  expectNoHorizontalOverflow,
  phoneViewport,
  screenshot,
  signInAs,
  useBrowser,
} from '../browser.ts';
import { apiAs } from '../pairing-setup.ts';

// 三员分立 (issue 16 item 10): the security administrator raises the minimum password length and
// ends the inspector's session; the inspector's next request is refused; the audit administrator
// finds the changes in the security trail. Each on a phone, under the pages' CSP.

const session = useBrowser();

/** Set the minimum password length on the policy page and see it saved. */
async function setMinLength(page: import('playwright-core').Page, length: number) {
  await page.goto('/security/policy');
  const minLength = page.getByTestId('policy-minPasswordLength');
  await minLength.waitFor();
  await minLength.fill(String(length));
  await page.getByTestId('policy-save').click();
  await page.getByText('策略已保存，立即生效').last().waitFor();
}

test('the security admin sets the policy and ends the inspector’s session', async () => {
  const inspector = await apiAs(demoAccount('inspector'));
  await inspector('GET', '/auth/me');

  const { page } = session();
  await page.setViewportSize(phoneViewport);
  await signInAs(page, demoAccount('security_admin'));
  await page.goto('/security/roles');
  await page.locator('[data-testid^="role-"]').first().waitFor();
  await expectNoHorizontalOverflow(page, 'user roles');
  await screenshot(page, 'security-roles-phone');
  await setMinLength(page, 12);
  await expectNoHorizontalOverflow(page, 'security policy');
  await screenshot(page, 'security-policy-phone');

  await page.goto('/security/sessions');
  const search = page.getByTestId('sessions-search').locator('input');
  await search.fill(demoAccount('inspector').username);
  await search.press('Enter');
  const end = page.locator('[data-testid^="end-any-session-"]');
  await expect.poll(() => end.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await expectNoHorizontalOverflow(page, 'sessions');
  await screenshot(page, 'security-sessions-phone');
  // Every session of the inspector ends; the one this journey signed in among them.
  while ((await end.count()) > 0) {
    const before = await end.count();
    await end.first().click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => end.count(), { timeout: 15_000 }).toBeLessThan(before);
  }
  await expect(inspector('GET', '/auth/me')).rejects.toThrow(/401/);
  // The later journeys choose passwords under the default policy.
  await setMinLength(page, 10);
});

test('the audit admin finds the security admin’s changes in the security trail', async () => {
  const { page } = session();
  await page.setViewportSize(phoneViewport);
  await signInAs(page, demoAccount('audit_admin'));
  await page.goto('/security/trail');
  await page.getByTestId('trail-export').waitFor();
  await expect
    .poll(() => page.locator('body').innerText(), { timeout: 15_000 })
    .toContain(demoAccount('security_admin').username);
  await expectNoHorizontalOverflow(page, 'security trail');
  await screenshot(page, 'security-trail-phone');
});
