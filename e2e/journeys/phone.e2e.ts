import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  demoAccount,
  expectNoHorizontalOverflow,
  phoneViewport,
  screenshot,
  signInAs,
  useBrowser,
} from '../browser.ts';

// 手机优先 (issue 13 item 1): on a 390×844 phone the village, town and unit admins open every page
// of their menu, and one page behind each list (a round, an organization, an agreement, a
// pairing with each of its tabs, a record, a village secretary, a person); none scrolls sideways. Each page's screenshot goes to e2e/screenshots.

const browser = useBrowser();

/** Until no spinner or skeleton is left and the lazy page has painted. */
async function settle(page: Page) {
  await page.locator('.app-content').first().waitFor();
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), {
      timeout: 20_000,
    })
    .toBe(0);
  await page.waitForTimeout(300);
}

/** The labels of the menu, read from its drawer (closed again). */
async function menuLabels(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: '菜单' }).click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.locator('.ant-menu-item').first().waitFor();
  const labels = await drawer.locator('.ant-menu-item .ant-menu-title-content').allInnerTexts();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' }).catch(() => undefined);
  return labels;
}

/** Open a menu entry the way a thumb does: the menu button, then the entry in the drawer. */
async function openFromMenu(page: Page, label: string) {
  await page.getByRole('button', { name: '菜单' }).click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.locator('.ant-menu-item', { hasText: label }).first().click();
  await expect.poll(() => drawer.count()).toBe(0);
  await settle(page);
}

/** Check and photograph the page on screen. */
async function check(page: Page, shot: string) {
  await expectNoHorizontalOverflow(page, shot);
  await screenshot(page, `phone-${shot}`);
}

/** Tap the first card of the list on screen when it has one; whether it did. */
async function openFirstCard(page: Page, list: string, url: RegExp): Promise<boolean> {
  const card = page.locator(`[data-testid="${list}"] .responsive-card-link`).first();
  if (!(await card.count())) return false;
  await card.click();
  await page.waitForURL(url);
  await settle(page);
  return true;
}

const accounts = [
  { shot: 'village', role: 'village_admin' },
  { shot: 'town-fengjing', role: 'town_admin', org: '枫泾镇' },
  { shot: 'town-zhujing', role: 'town_admin', org: '朱泾镇' },
  { shot: 'unit', role: 'unit_admin' },
];

describe.each(accounts)('on a phone, $shot', ({ shot, role, org }) => {
  test('every page of the menu and one behind each list fits the width', async () => {
    const { page } = browser();
    await page.setViewportSize(phoneViewport);
    await signInAs(page, demoAccount(role, org));
    await settle(page);

    // The header keeps to one line: the org's name does not wrap a character per line.
    const header = await page.locator('.app-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(64);

    const labels = await menuLabels(page);
    expect(labels.length).toBeGreaterThan(3);
    for (const [index, label] of labels.entries()) {
      await openFromMenu(page, label);
      await check(page, `${shot}-${String(index).padStart(2, '0')}-${label}`);
    }

    await page.goto('/rounds');
    await settle(page);
    if (await openFirstCard(page, 'rounds-table', /\/rounds\/\d+$/)) {
      await check(page, `${shot}-round`);
    }

    await page.goto('/orgs');
    await settle(page);
    expect(await openFirstCard(page, 'directory-table', /\/orgs\/\d+$/)).toBe(true);
    await check(page, `${shot}-org`);

    await page.goto('/agreements');
    await settle(page);
    if (await openFirstCard(page, 'agreements-table', /\/agreements\/\d+$/)) {
      await check(page, `${shot}-agreement`);
    }

    await page.goto('/pairings');
    await settle(page);
    if (await openFirstCard(page, 'pairings-table', /\/pairings\/\d+$/)) {
      // Each of the pairing's tabs, the records last, then one record.
      for (const tab of ['履约', '班子名单', '项目与承诺', '1+2', '资金与档案', '记录']) {
        await page.getByRole('tab', { name: tab }).click();
        await settle(page);
        await check(page, `${shot}-pairing-${tab}`);
      }
      expect(await openFirstCard(page, 'record-list', /\/records\/\d+$/)).toBe(true);
      await check(page, `${shot}-record`);
    }

    if (role !== 'unit_admin') {
      await page.goto('/secretaries');
      await settle(page);
      if (await openFirstCard(page, 'secretaries-table', /\/secretaries\/\d+$/)) {
        await check(page, `${shot}-secretary`);
      }
    }

    // The care archive (困难帮扶): the open-case form, and a case when the list holds one.
    await page.goto('/care/new');
    await settle(page);
    await check(page, `${shot}-care-new`);
    await page.goto('/care');
    await settle(page);
    if (await openFirstCard(page, 'care-table', /\/care\/\d+$/)) {
      await check(page, `${shot}-care-case`);
    }

    // Account security (issue 16 item 12): this device among the sessions, the sign-ins.
    await page.goto('/account/security');
    await settle(page);
    await page.getByTestId('sessions').waitFor();
    await check(page, `${shot}-security`);

    // The people registry (issue 14): one person's page, reached by the name in the list.
    await page.goto('/people');
    await settle(page);
    const person = page.locator('[data-testid="people-list"] a[href^="/people/"]').first();
    if (await person.count()) {
      await person.click();
      await page.waitForURL(/\/people\/\d+$/);
      await settle(page);
      await check(page, `${shot}-person`);
    }

    if (role !== 'town_admin') {
      await page.goto('/outbox');
      await settle(page);
      await check(page, `${shot}-outbox`);
    }
  }, 600_000);
});
