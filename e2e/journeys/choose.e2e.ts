import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoAccount, openBrowser, screenshot, signInAs, type Session } from '../browser.ts';
import type { DemoAccount } from '../server.ts';

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

const phone = { width: 390, height: 844 };

async function as(account: DemoAccount) {
  await actor.page.context().clearCookies();
  await signInAs(actor.page, account);
  return actor.page;
}

async function api(page: Page, method: 'GET' | 'POST' | 'PUT', url: string, data?: object) {
  const response = await page.context().request.fetch(url, { method, data });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

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

async function noSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test('a unit chooses on a village’s needs in full, and anyone reads the public 名录', async () => {
  const note = `村集体果园需建冷库一座（旅程 ${Date.now()}）`;

  // The city opens a round of its own, so the journey does not depend on the demo round's stage.
  let page = await as(demoAccount('city_admin'));
  const { round } = await api(page, 'POST', '/api/rounds', {
    name: `名录旅程 ${Date.now()}`,
    periodStart: new Date().toISOString().slice(0, 10),
    periodEnd: `${new Date().getFullYear() + 3}-07-31`,
    intentionDeadline: `${new Date().getFullYear() + 1}-04-30`,
    signingDeadline: `${new Date().getFullYear() + 1}-07-01`,
  });
  await api(page, 'POST', `/api/rounds/${round.id}/transitions`, { to: 'intentions_open' });

  // The village publishes its 需求清单 (R-QUOTA's directory lists it).
  const villageAccount = demoAccount('village_admin');
  page = await as(villageAccount);
  const { user } = await api(page, 'GET', '/api/auth/me');
  await api(page, 'PUT', `/api/rounds/${round.id}/orgs/${user.orgId}/needs`, {
    items: [{ category: '产业发展', note, amount: 80_000 }],
  });
  const found = await api(
    page,
    'GET',
    `/api/public/rounds/${round.id}/directory?q=${encodeURIComponent(user.orgName)}`,
  );
  const village = (
    found.items as Array<{ id: number; name: string; districtName: string; townName: string }>
  ).find((i) => i.id === user.orgId);
  expect(village).toBeDefined();

  // The unit, on a phone: the district filter narrows the list; the card shows the need in full.
  page = await as(demoAccount('unit_admin'));
  await page.setViewportSize(phone);
  await page.goto(`/intentions/select?round=${round.id}`);
  await pickDistrict(page, '/targets', village!.districtName);
  await search(page, 'select-search', village!.name);
  await expect.poll(() => page.getByTestId('directory-table').locator('.ant-card').count()).toBe(1);
  const card = page
    .getByTestId('directory-table')
    .locator('.ant-card', { hasText: village!.name })
    .first();
  await card.getByText(note).waitFor();
  await expect(card.innerText()).resolves.toContain('80,000 元');
  await expect(card.innerText()).resolves.toContain(
    `${village!.districtName} · ${village!.townName}`,
  );
  await screenshot(page, 'choose-unit-needs-phone');

  // Anyone, on a phone: the board links the 名录; the village is there, the description is not.
  const open = anonymous.page;
  await open.setViewportSize(phone);
  await open.goto(`/board/${round.id}`);
  await open.getByTestId('board-directory-link').click();
  await open.waitForURL(`**/board/${round.id}/directory`);
  await pickDistrict(open, '/directory', village!.districtName);
  await search(open, 'public-directory-search', village!.name);
  await expect
    .poll(() => open.getByTestId('public-directory').locator('.ant-card').count())
    .toBe(1);
  const entry = open
    .getByTestId('public-directory')
    .locator('.ant-card', { hasText: village!.name })
    .first();
  await entry.getByText('产业发展').waitFor();
  await expect(entry.innerText()).resolves.toContain('尚未结对');
  await expect(open.getByText(note).count()).resolves.toBe(0);
  await noSidewaysScroll(open);
  await screenshot(open, 'choose-public-directory-phone');
});
