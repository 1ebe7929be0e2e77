import { expect, test } from 'vitest';
import {
  demoAccount,
  expectNoHorizontalOverflow,
  phoneViewport,
  screenshot,
  signInAs,
  useBrowser,
} from '../browser.ts';

// Village secretaries (R-SECRETARY-PAY) on a phone: the 朱泾镇 town admin opens 村书记考核, taps a
// secretary not yet assessed this year, fills the 双百分 form and sees the server's pay preview
// follow it (¥50 a point, 10% of the income created), saves, and finds the year in the history;
// the city admin opens the pay parameters with the documents' values. Nothing scrolls sideways.

const session = useBrowser();

/** The total the preview shows, in whole yuan. */
async function previewTotal(page: import('playwright-core').Page) {
  const text = await page.getByTestId('pay-total').innerText();
  return Number(text.replace(/[¥,]/g, ''));
}

test('a town assesses its village secretary on a phone, with the pay computed live', async () => {
  const { page } = session();
  await page.setViewportSize(phoneViewport);
  await signInAs(page, demoAccount('town_admin', '朱泾镇'));
  await page.goto('/secretaries?status=serving');
  const table = page.getByTestId('secretaries-table');
  const card = table.locator('.responsive-card-link', { hasText: '未考核' }).first();
  await card.waitFor();
  await expectNoHorizontalOverflow(page, 'secretaries list');
  await screenshot(page, 'secretaries-list-phone');
  await card.click();
  await page.waitForURL(/\/secretaries\/\d+$/);
  await page.getByTestId('terms').waitFor();
  await expectNoHorizontalOverflow(page, 'secretary');
  await screenshot(page, 'secretary-phone');

  await page.getByRole('button', { name: '年度考核' }).click();
  await page.waitForURL(/\/assess$/);
  const preview = page.getByTestId('pay-breakdown');
  await preview.waitFor();
  const base = await previewTotal(page);

  // +6 points on the Party-building sheet and ¥100,000 created: +300 and +10,000.
  await page.getByTestId('add-line').click();
  const line = page.getByTestId('points-line').first();
  await line.getByLabel('分值').fill('6');
  await line.getByLabel('理由').fill('党员活动室规范化建设达标');
  await page.getByLabel('村创收金额（元）').fill('100000');
  await expect.poll(() => previewTotal(page), { timeout: 10_000 }).toBe(base + 300 + 10_000);
  await expectNoHorizontalOverflow(page, 'assessment form');
  await screenshot(page, 'secretary-assess-phone');

  await page.getByTestId('save-assessment').click();
  await page.waitForURL(/\/secretaries\/\d+$/);
  const history = page.getByTestId('assessments');
  await history.waitFor();
  expect(await history.innerText()).toContain(`¥${(base + 10_300).toLocaleString('zh-CN')}`);
});

test('the city reads and may set the pay parameters', async () => {
  const { page } = session();
  await page.setViewportSize(phoneViewport);
  await signInAs(page, demoAccount('city_admin'));
  await page.goto('/secretaries/parameters');
  const parameters = page.getByTestId('parameters');
  await parameters.waitFor();
  expect(await parameters.innerText()).toContain('每分增减金额（元）');
  await page.getByTestId('parameters-form').waitFor();
  await expectNoHorizontalOverflow(page, 'parameters');
  await screenshot(page, 'secretaries-parameters-phone');
});
