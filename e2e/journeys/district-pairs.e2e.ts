import { expect, test } from 'vitest';
import { checkAccessibility, demoAccount, screenshot, signInAs, useBrowser } from '../browser.ts';

const session = useBrowser();

type Pair = { urbanDistrictId: number; ruralDistrictId: number };

test('the city admin adds a district pair and still sees it after a reload', async () => {
  const { page } = session();
  await signInAs(page, demoAccount('city_admin'));

  // The journeys share one server: remember the table to put it back afterwards.
  const request = page.context().request;
  const before = (await (await request.get('/api/district-pairs')).json()) as { items: Pair[] };
  try {
    await page.getByRole('menuitem', { name: '对口帮扶关系' }).click();
    await page.waitForURL('**/district-pairs');
    const huangpu = page.locator('.ant-table-row', { hasText: '黄浦区' });
    await huangpu.waitFor();
    expect(await huangpu.innerText()).toContain('中心城区');
    expect(await huangpu.innerText()).not.toContain('奉贤区');

    await page.getByTestId('district-pairs-edit').click();
    await page.getByTestId('pairs-add').click();
    const row = page.getByTestId('pair-row').last();
    await row.getByTestId('pair-urban').click();
    await page.keyboard.type('黄浦区');
    await page.keyboard.press('Enter');
    await row.getByTestId('pair-rural').click();
    await page.keyboard.type('奉贤区');
    await page.keyboard.press('Enter');
    // Checked once the list has closed: antd's open list has no accessible name of its own.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await checkAccessibility(page, 'district-pairs-editor');
    await page.getByTestId('pairs-save').click();
    await page.getByText('已保存').waitFor();

    await page.reload();
    await huangpu.waitFor();
    const text = await huangpu.innerText();
    expect(text).toContain('奉贤区');
    expect(text).toContain('金山区');
    await screenshot(page, 'district-pairs-edited');
  } finally {
    const pairs = before.items.map(({ urbanDistrictId, ruralDistrictId }) => ({
      urbanDistrictId,
      ruralDistrictId,
    }));
    expect((await request.put('/api/district-pairs', { data: { pairs } })).status()).toBe(200);
  }
});
