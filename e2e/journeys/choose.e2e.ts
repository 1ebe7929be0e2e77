import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoAccount, openBrowser, screenshot, signInAs, type Session } from '../browser.ts';
import { apiAs, chinaDay, phone } from '../pairing-setup.ts';

// Enough to choose on (issue 13 item 5): on a phone, a unit reads a village's needs in full and
// filters by district; anyone opens the public 名录 (S1 §8) from the board, without signing in,
// and finds the village there with its need categories but not their private descriptions.

let actor: Session;
let anonymous: Session;
beforeAll(async () => {
  actor = await openBrowser();
  anonymous = await openBrowser();
});
afterAll(async () => {
  await actor?.close();
  await anonymous?.close();
});

/**
 * Pick `name` in the district filter and wait for the list's answer to that filter, so the
 * search typed next starts from the page that knows the district.
 */
async function pickDistrict(page: Page, list: string, name: string) {
  const answered = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname.endsWith(list) &&
      new URL(response.url()).searchParams.has('district'),
  );
  await page.getByTestId('filter-district').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
  await answered;
}

/** Search `name` and wait until the address holds both the search and the district. */
async function search(page: Page, box: string, name: string) {
  const input = page.getByTestId(box).locator('input');
  await input.fill(name);
  await input.press('Enter');
  await page.waitForURL(
    (url) => url.searchParams.get('q') === name && url.searchParams.has('district'),
  );
}

type Target = { id: number; name: string; districtName: string; townName: string };

/** Nothing is wider than the phone: no sideways scrolling. */
async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  expect(width).toBeLessThanOrEqual(phone.width);
}

test('a unit chooses on a village’s needs in full, and anyone reads the public 名录', async () => {
  const note = `村集体果园需建冷库一座（旅程 ${Date.now()}）`;

  // The city opens a round of its own, so the journey does not depend on the demo round's stage.
  const city = await apiAs(demoAccount('city_admin'));
  const year = Number(chinaDay().slice(0, 4));
  const { round } = await city<{ round: { id: number } }>('POST', '/rounds', {
    name: `名录旅程 ${Date.now()}`,
    periodStart: chinaDay(),
    periodEnd: `${year + 3}-07-31`,
    intentionDeadline: `${year + 1}-04-30`,
    signingDeadline: `${year + 1}-07-01`,
  });
  await city('POST', `/rounds/${round.id}/transitions`, { to: 'intentions_open' });

  // The village publishes its 需求清单 with a description only signed-in users may read.
  const village = await apiAs(demoAccount('village_admin'));
  const { user } = await village<{ user: { orgId: number; orgName: string } }>('GET', '/auth/me');
  await village('PUT', `/rounds/${round.id}/orgs/${user.orgId}/needs`, {
    items: [{ category: '产业发展', note, amount: 80_000 }],
  });
  const { items } = await village<{ items: Target[] }>(
    'GET',
    `/public/rounds/${round.id}/directory?q=${encodeURIComponent(user.orgName)}`,
  );
  const target = items.find((i) => i.id === user.orgId);
  if (!target) throw new Error(`${user.orgName} is not in the round's directory`);

  // The unit, on a phone: the district filter narrows the list; the card shows the need in full.
  const page = actor.page;
  await signInAs(page, demoAccount('unit_admin'));
  await page.setViewportSize(phone);
  await page.goto(`/intentions/select?round=${round.id}`);
  await pickDistrict(page, '/targets', target.districtName);
  await search(page, 'select-search', target.name);
  await expect.poll(() => page.getByTestId('directory-table').locator('.ant-card').count()).toBe(1);
  const card = page
    .getByTestId('directory-table')
    .locator('.ant-card', { hasText: target.name })
    .first();
  await card.getByText(note).waitFor();
  await expect(card.innerText()).resolves.toContain('80,000 元');
  await expect(card.innerText()).resolves.toContain(`${target.districtName} · ${target.townName}`);
  await noSidewaysScroll(page);
  await screenshot(page, 'choose-unit-needs-phone');

  // Anyone, on a phone: the board links the 名录; the village is there, the description is not.
  const open = anonymous.page;
  await open.setViewportSize(phone);
  await open.goto(`/board/${round.id}`);
  await open.getByTestId('board-directory-link').click();
  await open.waitForURL(`**/board/${round.id}/directory`);
  await pickDistrict(open, '/directory', target.districtName);
  await search(open, 'public-directory-search', target.name);
  await expect
    .poll(() => open.getByTestId('public-directory').locator('.ant-card').count())
    .toBe(1);
  const entry = open
    .getByTestId('public-directory')
    .locator('.ant-card', { hasText: target.name })
    .first();
  await entry.getByText('产业发展').waitFor();
  await expect(entry.innerText()).resolves.toContain('尚未结对');
  await expect(open.getByText(note).count()).resolves.toBe(0);
  await noSidewaysScroll(open);
  await screenshot(open, 'choose-public-directory-phone');
});
