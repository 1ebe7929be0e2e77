import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  checkAccessibility,
  demoAccount,
  openBrowser,
  screenshot,
  signInAs,
  type Session,
} from '../browser.ts';
import type { DemoAccount } from '../server.ts';

// One pairing from choice to signature (issue 3): a unit picks an uncovered weak village, the
// village accepts, both complete and sign the agreement while an anonymous page shows the public
// board updating over SSE, and the signed 协议书 is downloaded and read back.

/** antd puts a space between the two characters of a two-character button label. */
const label = (text: string) => new RegExp(text.split('').join('\\s*'));
const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

let actor: Session;
let watcher: Session;
beforeAll(async () => {
  actor = await openBrowser();
  watcher = await openBrowser();
});
afterAll(async () => {
  await actor?.close();
  await watcher?.close();
});

async function as(account: DemoAccount) {
  await actor.page.context().clearCookies();
  await signInAs(actor.page, account);
  return actor.page;
}

async function confirmPopover(page: Page, button: string) {
  await page
    .locator('.ant-popconfirm')
    .last()
    .getByRole('button', { name: label(button) })
    .click();
}

async function pickDate(page: Page, fieldLabel: string, value: string) {
  const input = page.getByLabel(fieldLabel);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** The number a board card shows (`Statistic` value). */
async function boardNumber(card: Locator) {
  return Number((await card.locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
}

async function coveredOf(page: Page, key: string) {
  const [covered] = (await page.getByTestId(`board-covered-${key}`).innerText()).split('/');
  return Number(covered.trim());
}

/** The stage change: confirmed with a reason when the preview lists unfinished work. */
async function advanceRound(page: Page, roundId: number, to: string) {
  await page.goto(`/rounds/${roundId}`);
  await page.getByTestId('round-advance').click();
  const dialog = page.getByRole('dialog');
  const guarded = dialog.getByTestId('transition-unfinished');
  await Promise.race([guarded.waitFor(), dialog.getByText('没有未完成事项').waitFor()]);
  if (await guarded.isVisible()) {
    await dialog.getByTestId('transition-confirm').check();
    await dialog.getByTestId('transition-reason').fill('旅程：按计划推进');
  }
  await dialog.getByTestId('transition-submit').click();
  await page.getByText(`本轮已进入「${to}」`).waitFor();
}

test('a unit pairs with a weak village, both sign, and the public board follows live', async () => {
  const city = demoAccount('city_admin');
  const unit = demoAccount('unit_admin');
  const village = demoAccount('village_admin');

  // The city opens a round whose deadlines lie ahead of today's clock.
  let page = await as(city);
  await page.goto('/rounds');
  await page.getByRole('button', { name: '新建轮次' }).click();
  const roundName = `浏览器旅程轮次 ${Date.now()}`;
  await page.getByLabel('轮次名称').fill(roundName);
  await pickDate(page, '开始日期', day(-1));
  await pickDate(page, '结束日期', day(3 * 365));
  await pickDate(page, '意向确认截止', day(30));
  await pickDate(page, '协议签订截止', day(60));
  await checkAccessibility(page, 'round-create-dialog');
  await page.getByRole('button', { name: label('创建') }).click();
  await page.waitForURL(/\/rounds\/\d+$/);
  const roundId = Number(/\/rounds\/(\d+)$/.exec(page.url())![1]);
  await advanceRound(page, roundId, '意向申报中');
  await checkAccessibility(page, 'round-detail');

  // An anonymous page watches the board; a marker on window proves it is never reloaded.
  const board = watcher.page;
  await board.goto(`/board/${roundId}`);
  await board.getByTestId('board-title').filter({ hasText: roundName }).waitFor();
  await board.getByText('实时更新中').waitFor();
  await board.evaluate(
    () => ((globalThis as unknown as { journeyMarker: number }).journeyMarker = 1),
  );
  const signedBefore = await boardNumber(board.getByTestId('board-signed'));
  const weakBefore = await coveredOf(board, 'weakVillages');
  const pendingBefore = await boardNumber(board.getByTestId('board-pending'));
  await screenshot(board, 'round-board-before');

  // The unit finds the village among the uncovered weak villages and submits an intention.
  page = await as(unit);
  await page.goto(`/intentions/select?round=${roundId}&weak=true&uncovered=true`);
  await page.getByTestId('select-search').locator('input').fill(village.orgName);
  await page.getByTestId('select-search').locator('input').press('Enter');
  const row = page.locator('.ant-table-row', { hasText: village.orgName }).first();
  await row.getByText('经济薄弱村').waitFor();
  await expect(row.getByText('未结对').isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('capacity').innerText()).resolves.toContain('剩余名额');
  await row.getByRole('button', { name: '提交意向' }).click();
  await confirmPopover(page, '提交意向');
  await page.getByText(`已向「${village.orgName}」提交结对意向`).waitFor();
  await page.getByTestId('my-intentions').getByText('待确认').waitFor();
  await screenshot(page, 'round-select-submitted');
  await expect
    .poll(() => boardNumber(board.getByTestId('board-pending')), { timeout: 5_000 })
    .toBe(pendingBefore + 1);

  // The village accepts; the draft agreement opens from the confirmation.
  page = await as(village);
  await page.goto(`/intentions/inbox?round=${roundId}`);
  const incoming = page
    .getByTestId('inbox-table')
    .locator('.ant-table-row', { hasText: unit.orgName });
  await incoming.getByRole('button', { name: label('接受') }).click();
  await confirmPopover(page, '接受');
  // The dialog opens once the answer is in; checked before then, axe saw it fading in.
  await page.locator('.ant-modal-confirm-title', { hasText: '达成结对意向' }).waitFor();
  await checkAccessibility(page, 'round-inbox-accepted');
  await page.getByRole('button', { name: '去协商协议' }).click();
  await page.waitForURL(/\/agreements\/\d+$/);
  const agreementPath = new URL(page.url()).pathname;
  await expect(page.getByTestId('party-urban').innerText()).resolves.toBe(unit.orgName);
  await expect(page.getByTestId('turn-alert').innerText()).resolves.toContain('对方编辑');
  await expect
    .poll(() => coveredOf(board, 'weakVillages'), { timeout: 5_000 })
    .toBe(weakBefore + 1);

  // Signing opens only in the round's signing phase.
  page = await as(city);
  await advanceRound(page, roundId, '综合平衡');
  await advanceRound(page, roundId, '协议签订');

  // The unit holds the pen: funding, one checkable project; a year below ¥20,000 is refused.
  page = await as(unit);
  await page.goto(agreementPath);
  await page.getByTestId('turn-alert').getByText('我方执笔').waitFor();
  const funds = page.locator('input[data-testid^="funds-"]');
  const years = await funds.evaluateAll((inputs) =>
    inputs.map((i) => Number(i.getAttribute('data-testid')!.slice('funds-'.length))),
  );
  expect(years.length).toBeGreaterThanOrEqual(2);
  const shortYear = years[1];
  for (const year of years)
    await page.getByTestId(`funds-${year}`).fill(year === shortYear ? '15000' : '30000');
  await page.getByTestId('add-project').click();
  const project = page.locator('[data-testid^="project-"]').filter({ hasText: '项目名称' }).last();
  await project.getByLabel('项目名称', { exact: true }).fill('村级光伏发电项目');
  await project.getByLabel('项目目标', { exact: true }).fill('为村集体每年增加稳定收入');
  await project.getByLabel('预算', { exact: true }).fill('50000');
  await project.getByLabel('验收指标', { exact: true }).fill('建成并网光伏装机容量');
  await project.getByLabel('数量', { exact: true }).fill('60');
  await project.getByLabel('单位', { exact: true }).fill('千瓦');
  await page.getByTestId('agreement-save').click();
  await page.getByText('已保存为新版本').last().waitFor();
  await page.getByTestId('agreement-sign').click();
  await confirmPopover(page, '签署');
  const refusal = page.getByTestId('agreement-errors');
  await refusal.waitFor();
  await expect(refusal.innerText()).resolves.toContain(`${shortYear}年帮扶资金不少于`);
  await screenshot(page, 'round-agreement-weak-funds-refused');
  await page.getByTestId(`funds-${shortYear}`).fill('30000');
  await page.getByTestId('agreement-save').click();
  await page.getByText('已保存为新版本').last().waitFor();
  // The issues list goes once the saved version is read back.
  await page.getByTestId('signing-issues').waitFor({ state: 'detached' });
  await page.getByTestId('agreement-hand-over').click();
  await confirmPopover(page, '确定');
  await page.getByText('已交对方编辑').waitFor();

  // The village edits its contact, sees the difference between versions, and signs.
  page = await as(village);
  await page.goto(agreementPath);
  await page.getByTestId('turn-alert').getByText('我方执笔').waitFor();
  await page.locator('#contacts_rural_name').fill('周书记');
  await page.getByTestId('agreement-save').click();
  await page.getByText('已保存为新版本').last().waitFor();
  await page.getByRole('button', { name: '版本与差异' }).click();
  const diff = page.getByTestId('diff-table');
  await diff.getByText('周书记').waitFor();
  await expect(diff.innerText()).resolves.toContain('联系人');
  await screenshot(page, 'round-agreement-diff');
  await page.locator('.ant-drawer-close').click();
  await page.getByTestId('agreement-sign').click();
  await confirmPopover(page, '签署');
  await page.getByText('我方已签署，等待对方签署').waitFor();

  // The unit signs the same version: the agreement is in force and the board counts it.
  page = await as(unit);
  await page.goto(agreementPath);
  await page.getByTestId('agreement-sign').click();
  await confirmPopover(page, '签署');
  // The lasting state, not the 3-second message: a slow answer must not outlast what it checks.
  await page.getByTestId('signed-alert').waitFor({ timeout: 45_000 });
  await expect(page.getByTestId('agreement-status').innerText()).resolves.toBe('已签署');
  await screenshot(page, 'round-agreement-signed');

  await expect
    .poll(() => boardNumber(board.getByTestId('board-signed')), { timeout: 5_000 })
    .toBe(signedBefore + 1);
  await expect(
    board.evaluate(() => (globalThis as unknown as { journeyMarker?: number }).journeyMarker),
  ).resolves.toBe(1);
  await screenshot(board, 'round-board-after');

  // The 协议书 downloads and reads back with both parties and the agreed amounts.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-docx').click(),
  ]);
  const file = readFileSync((await download.path())!);
  const zip = await JSZip.loadAsync(file);
  expect(zip.file('word/document.xml')).not.toBeNull();
  const { value: text } = await mammoth.extractRawText({ buffer: file });
  expect(text).toContain(unit.orgName);
  expect(text).toContain(village.orgName);
  expect(text).toContain('周书记');
  expect(text).toMatch(/30,?000/);
  expect(text).toMatch(
    new RegExp(`${30_000 * years.length}`.replace(/(\d)(?=(\d{3})+$)/g, '$1,?')),
  );
}, 150_000);
