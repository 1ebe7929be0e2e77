import { expect, test } from 'vitest';
import {
  checkAccessibility,
  demoAccount,
  listedTotal,
  screenshot,
  useBrowser,
  signInAs,
} from '../browser.ts';
import { fillTemplate } from '../workbook.ts';

const session = useBrowser();

const goodRows = 4;
// Sheet row of the bad one: header is row 1, the good rows are 2–5, so it is row 6.
const badSheetRow = goodRows + 2;

test('a city admin imports units with one bad row, sees the report and nothing changes', async () => {
  const { page } = session();
  await signInAs(page, demoAccount('city_admin'));

  await page.goto('/orgs?kind=urban_unit');
  await page.locator('.ant-table-row').first().waitFor();
  const unitsBefore = await listedTotal(page);

  const template = await page.context().request.get('/api/imports/units/template.xlsx');
  expect(template.status()).toBe(200);
  const stamp = Date.now().toString(36);
  const workbook = await fillTemplate(await template.body(), (example) => [
    ...Array.from({ length: goodRows }, (_, i) => ({
      ...example,
      编号: null,
      单位名称: `浏览器测试单位${stamp}-${i + 1}`,
    })),
    { ...example, 编号: null, 单位名称: `浏览器测试单位${stamp}-坏`, 联系电话: '12345' },
  ]);

  await page.getByRole('menuitem', { name: '数据导入' }).click();
  await page.getByTestId('import-kind').getByText('城市单位').click();
  await page.locator('input[type=file]').setInputFiles({
    name: '城市单位.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: workbook,
  });

  const report = page.getByTestId('import-failed');
  await report.waitFor({ timeout: 60_000 });
  await expect(report.innerText()).resolves.toContain('本次未导入任何数据');
  // Exactly the bad row is reported, naming its row and column; the good rows passed.
  const reported = await page
    .getByTestId('import-errors')
    .locator('.ant-table-row')
    .allInnerTexts();
  expect(reported).toHaveLength(1);
  expect(reported[0]).toMatch(new RegExp(`^${badSheetRow}\\s+联系电话`));
  await screenshot(page, 'import-error-report');

  await page.getByRole('menuitem', { name: '组织名录' }).click();
  await page.goto('/orgs?kind=urban_unit');
  await page.locator('.ant-table-row').first().waitFor();
  expect(await listedTotal(page)).toBe(unitsBefore);
  await page.goto(`/orgs?q=${encodeURIComponent(`浏览器测试单位${stamp}`)}`);
  await page.getByText('没有符合条件的组织').waitFor();
  await checkAccessibility(page, 'directory-no-match');
});
