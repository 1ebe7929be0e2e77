import { expect, test } from 'vitest';
import { checkAccessibility, demoAccount, screenshot, signInAs, useBrowser } from '../browser.ts';

const session = useBrowser();

test('a district admin finds a weak village by search, opens its detail, comes back and clears the filter', async () => {
  const { page } = session();
  const admin = demoAccount('district_admin', '金山区');
  await signInAs(page, admin);

  // Pick a real weak village of the admin's district through the same API the page uses.
  const response = await page
    .context()
    .request.get('/api/orgs', { params: { kind: 'village', weak: 'true', pageSize: '1' } });
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: Array<{ id: number; name: string }> };
  expect(items.length).toBe(1);
  const village = items[0];

  await page.getByRole('menuitem', { name: '组织名录' }).click();
  await page.waitForURL('**/orgs');
  const search = page.getByPlaceholder('搜索名称或代码');
  await search.fill(village.name);
  await search.press('Enter');

  const row = page.locator('.ant-table-row', { hasText: village.name }).first();
  await row.waitFor();
  await expect(row.getByText('经济薄弱村').isVisible()).resolves.toBe(true);
  await checkAccessibility(page, 'directory-search');
  await row.click();

  await page.waitForURL(`**/orgs/${village.id}`);
  await expect(page.getByTestId('org-name').innerText()).resolves.toBe(village.name);
  await expect(page.getByTestId('weak-tag').innerText()).resolves.toContain('经济薄弱村');
  const breadcrumb = await page.getByTestId('org-breadcrumb').innerText();
  expect(breadcrumb).toContain('金山区');
  expect(breadcrumb).toContain(village.name);
  await screenshot(page, 'directory-weak-village-detail');

  // Back to the list: the search is kept in the URL and in the box; 清除筛选 empties both.
  await page.goBack();
  await page.waitForURL('**/orgs?*');
  await expect(search.inputValue()).resolves.toBe(village.name);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.waitForURL((url) => !url.search.includes('q='));
  await expect.poll(() => search.inputValue()).toBe('');
  await page.locator('.ant-table-row').nth(1).waitFor();
});
