import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { demoAccount, screenshot, signInAs, useBrowser } from '../browser.ts';

// The home page's to-do list (issue 13 item 2) on a phone: the demo village and unit see what
// awaits them, with deadlines, and each item opens the page where the work is done.

const phone = { width: 390, height: 844 };

/** An item of `GET /api/todo` (packages/shared's TodoItem), as far as the journey reads it. */
type TodoItem = { kind: string; title: string; deadline: string | null; link: string };
const session = useBrowser();

/** Nothing on the page is wider than the phone. */
async function expectNoHorizontalOverflow(page: Page) {
  const widths = await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]');
  const [scrollWidth, innerWidth] = widths as [number, number];
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Sign in on a phone and read the to-do list the home page was answered. */
async function homeOnPhone(role: string): Promise<{ page: Page; items: TodoItem[] }> {
  const { page } = session();
  await page.setViewportSize(phone);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/todo');
  await signInAs(page, demoAccount(role));
  const response = await answered;
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: TodoItem[] };
  expect(items.length).toBeGreaterThan(0);
  const list = page.getByTestId('todo');
  await list.waitFor();
  expect(await list.locator('li').count()).toBe(items.length);
  // The soonest deadline comes first, with its days left.
  const first = list.locator('li').first();
  expect(await first.innerText()).toContain(items[0].title);
  if (items[0].deadline) expect(await first.innerText()).toContain(items[0].deadline);
  await expectNoHorizontalOverflow(page);
  return { page, items };
}

/** Open an item's page from the list and see the app arrive there. */
async function openItem(page: Page, item: TodoItem) {
  await page.getByTestId(`todo-${item.kind}`).first().getByTestId('todo-link').click();
  await page.waitForURL((url) => url.pathname === item.link);
}

test('the village admin sees the records awaiting its confirmation and opens them', async () => {
  const { page, items } = await homeOnPhone('village_admin');
  const records = items.find((i) => i.kind === 'recordsToConfirm');
  expect(records, JSON.stringify(items)).toBeDefined();
  expect(records!.link).toMatch(/^\/records\//);
  await screenshot(page, 'home-village-phone');
  await openItem(page, records!);
  if (records!.link === '/records/awaiting') await page.getByTestId('awaiting-list').waitFor();
  else await page.getByText('记录').first().waitFor();
  await expectNoHorizontalOverflow(page);
});

test('the unit admin sees its agreement or records to handle and opens the page', async () => {
  const { page, items } = await homeOnPhone('unit_admin');
  const item =
    items.find((i) => i.kind === 'agreementPen' || i.kind === 'signatureDue') ??
    items.find((i) => i.kind === 'recordsToConfirm');
  expect(item, JSON.stringify(items)).toBeDefined();
  await screenshot(page, 'home-unit-phone');
  await openItem(page, item!);
  if (item!.link.startsWith('/agreements/')) await page.getByText('结对协议').first().waitFor();
  await expectNoHorizontalOverflow(page);
});
