import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoAccount, openBrowser, screenshot, signInAs, type Session } from '../browser.ts';

// 组织分配 (issue 4): the city admin runs the allocation on the demo round in balancing, locks one
// pair, re-runs (the locked pair stays), publishes, and the public board counts the new intentions.

/** antd puts a space between the two characters of a two-character button label. */
const label = (text: string) => new RegExp(text.split('').join('\\s*'));
const demoRoundName = '组织分配演示轮次（综合平衡）';

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

async function boardNumber(card: Locator) {
  return Number((await card.locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
}

/** The run number in the summary line ("方案 #12：…"). */
async function runNumber(page: Page) {
  const text = await page.getByTestId('alloc-summary').innerText();
  return Number(/#(\d+)/.exec(text)![1]);
}

test('the city allocates the uncovered villages, locks a pair, re-runs and publishes', async () => {
  const page = actor.page;
  await signInAs(page, demoAccount('city_admin'));
  const rounds = await page.evaluate(async () => {
    const res = await fetch('/api/rounds');
    return ((await res.json()) as { items: Array<{ id: number; name: string; state: string }> })
      .items;
  });
  const round = rounds.find((r) => r.name === demoRoundName);
  expect(round?.state).toBe('balancing');

  const board = watcher.page;
  await board.goto(`/board/${round!.id}`);
  await board.getByText('实时更新中').waitFor();
  const pendingBefore = await boardNumber(board.getByTestId('board-pending'));

  await page.goto(`/allocation?round=${round!.id}`);
  await page.getByRole('button', { name: '运行分配' }).click();
  await page.getByTestId('alloc-summary').waitFor();
  const firstRun = await runNumber(page);
  const pairs = page.getByTestId('alloc-pairs');
  const firstRow = pairs.locator('tbody tr.ant-table-row').first();
  const village = (await firstRow.locator('td').first().innerText()).split('\n')[0].trim();
  const unit = (await firstRow.locator('td').nth(2).innerText()).split('\n')[0].trim();
  await expect
    .poll(() => firstRow.locator('td').nth(4).innerText(), { timeout: 10_000 })
    .toMatch(/^基准 \+200；/);
  await page.getByTestId('alloc-uncovered').waitFor();
  await screenshot(page, 'allocation-first-run');

  await firstRow.getByRole('button', { name: label('锁定') }).click();
  await firstRow.getByText('已锁定').waitFor();

  await page.getByRole('button', { name: '保留锁定并重新运行' }).click();
  await expect.poll(() => runNumber(page), { timeout: 20_000 }).toBeGreaterThan(firstRun);
  const kept = pairs.locator('tbody tr.ant-table-row', { hasText: village }).first();
  await kept.getByText('已锁定').waitFor();
  expect(await kept.locator('td').nth(2).innerText()).toContain(unit);
  await screenshot(page, 'allocation-rerun');

  await page.getByRole('button', { name: '发布方案' }).click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: label('确定') })
    .click();
  await page.getByText(/方案已发布，新增 \d+ 条意向/).waitFor();
  await page.getByText('已发布', { exact: true }).waitFor();

  // The published pairs are intentions awaiting both sides: the board counts them without reload.
  await expect
    .poll(() => boardNumber(board.getByTestId('board-pending')), { timeout: 5_000 })
    .toBeGreaterThan(pendingBefore);
  await screenshot(board, 'allocation-board-after');
});
