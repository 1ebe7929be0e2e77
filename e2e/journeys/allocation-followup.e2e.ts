import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoAccount, openBrowser, screenshot, signInAs, type Session } from '../browser.ts';

// 组织分配的跟进 (issue 13 item 4): the city admin publishes the demo round's allocation; the
// village's admin, on a phone, finds the allocated pair in its to-do and notifications; the district
// (金山区) confirms its villages' pairs in one action, and the city sees the progress by district.

/** antd puts a space between the two characters of a two-character button label. */
const label = (text: string) => new RegExp(text.split('').join('\\s*'));
const demoRoundName = '组织分配演示轮次（综合平衡）';
const phone = { width: 390, height: 844 };

let city: Session;
let village: Session;
let district: Session;
beforeAll(async () => {
  city = await openBrowser();
  village = await openBrowser();
  district = await openBrowser();
  await village.page.setViewportSize(phone);
});
afterAll(async () => {
  await city?.close();
  await village?.close();
  await district?.close();
});

type Pair = {
  id: number;
  ruralOrgId: number;
  urbanOrgName: string;
  intentionId: number | null;
  ruralConfirmed: boolean;
  status: string;
};
type Run = { id: number; status: string };

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.context().request.get(url);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

test('the city publishes the allocation, the village is notified of its pair, the district confirms in bulk', async () => {
  const page = city.page;
  await signInAs(page, demoAccount('city_admin'));
  const rounds = await getJson<{ items: Array<{ id: number; name: string; state: string }> }>(
    page,
    '/api/rounds',
  );
  const round = rounds.items.find((r) => r.name === demoRoundName);
  expect(round?.state).toBe('balancing');
  const runsUrl = `/api/rounds/${round!.id}/allocation/runs`;

  // Publish a fresh proposal, unless another journey on this server already published one.
  await page.goto(`/allocation?round=${round!.id}`);
  let published = (await getJson<{ items: Run[] }>(page, runsUrl)).items.find(
    (r) => r.status === 'published',
  );
  if (!published) {
    await page.getByRole('button', { name: '运行分配' }).click();
    await page.getByTestId('alloc-summary').waitFor();
    await page.getByTestId('alloc-search').waitFor();
    await screenshot(page, 'allocation-followup-review');
    await page.getByRole('button', { name: '发布方案' }).click();
    // ~1,500 intentions and twice as many notifications in one transaction: slow on a busy machine.
    const publishing = page.waitForResponse((r) => r.url().endsWith('/publish'), {
      timeout: 180_000,
    });
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: label('确定') })
      .click();
    expect((await publishing).status()).toBe(200);
    await page.getByText(/方案已发布，新增 \d+ 条意向/).waitFor();
    published = (await getJson<{ items: Run[] }>(page, runsUrl)).items.find(
      (r) => r.status === 'published',
    );
  }
  const view = await getJson<{ pairs: Pair[] }>(page, `${runsUrl}/${published!.id}`);

  // The village admin's own pair (its village is a weak village of 金山区, uncovered before).
  await signInAs(village.page, demoAccount('village_admin'));
  const me = await getJson<{ user: { orgId: number } }>(village.page, '/api/auth/me');
  const pair = view.pairs.find((p) => p.ruralOrgId === me.user.orgId && p.status !== 'removed');
  expect(pair, 'a published pair of the demo village').toBeDefined();

  // On the phone, the home page's to-do names the allocated unit, as do the notifications.
  await village.page.goto('/');
  await village.page.locator('[data-testid="todo"]', { hasText: pair!.urbanOrgName }).waitFor();
  await screenshot(village.page, 'allocation-followup-village-todo');
  await village.page.goto('/notifications');
  const notice = village.page.getByText(`组织分配结对待确认：${pair!.urbanOrgName}`);
  await notice.first().waitFor();
  await screenshot(village.page, 'allocation-followup-village-notified');
  await notice.first().click();
  await village.page.waitForURL(/\/intentions\/inbox/);

  // 金山区 confirms every pair awaiting its villages in one action.
  await signInAs(district.page, demoAccount('district_admin', '金山区'));
  await district.page.goto(`/allocation?round=${round!.id}`);
  const bar = district.page.getByTestId('alloc-bulk');
  await bar.waitFor();
  await bar.getByTestId('alloc-bulk-all').click();
  await district.page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: label('确定') })
    .click();
  await district.page.getByText(/已确认 \d+ 个结对/).waitFor();
  await bar.waitFor({ state: 'detached' });
  await screenshot(district.page, 'allocation-followup-district-confirmed');

  const after = await getJson<{ pairs: Pair[] }>(district.page, `${runsUrl}/${published!.id}`);
  const mine = after.pairs.find((p) => p.id === pair!.id);
  expect(mine?.ruralConfirmed).toBe(true);

  // The city follows the confirmation by district: 金山区's village side is all confirmed.
  await page.reload();
  const progress = page.getByTestId('alloc-progress');
  await progress.waitFor();
  const jinshan = progress.locator('tr', { hasText: '金山区' }).first();
  const cells = await jinshan.locator('td').allInnerTexts();
  expect(Number(cells[1])).toBeGreaterThan(0);
  expect(Number(cells[3])).toBe(Number(cells[1]));
  await screenshot(page, 'allocation-followup-progress');
}, 300_000);
