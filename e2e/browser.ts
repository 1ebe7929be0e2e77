import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterEach, beforeEach, expect, inject } from 'vitest';
import { checkAccessibility } from './accessibility.ts';
export { checkAccessibility };
import { repoRoot, type DemoAccount } from './server.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshotDir = join(repoRoot, 'e2e/screenshots');

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Session = {
  page: Page;
  baseUrl: string;
  /** The last API answers, page errors and failed requests, newest last. */
  trail: string[];
  close: () => Promise<void>;
};

/** Sessions not yet closed; a failing journey reports on each of them (failure-report.ts). */
export const openSessions = new Set<Session>();

const trailLength = 40;

/** What the server's Content-Security-Policy refused in each browser (issue 16 item 8). */
const cspViolations = new WeakMap<BrowserContext, string[]>();

/** Record what the browser saw, so that a failing step can be told from the server's answers. */
function watchTrail(context: BrowserContext, trail: string[]) {
  const note = (line: string) => {
    trail.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (trail.length > trailLength) trail.shift();
  };
  context.on('response', async (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/')) return;
    const line = `${response.status()} ${response.request().method()} ${url.pathname}${url.search}`;
    if (response.status() < 400) return note(line);
    const body = await response.text().catch(() => '');
    note(`${line} ${body.slice(0, 300)}`);
  });
  context.on('requestfailed', (request) =>
    note(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  context.on('weberror', (error) => note(`page error: ${error.error().message}`));
  const violations: string[] = [];
  cspViolations.set(context, violations);
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    note(`console: ${message.text().slice(0, 300)}`);
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
}

/** The journey so far ran under the CSP without the browser refusing anything. */
export function expectNoCspViolation(page: Page) {
  expect(cspViolations.get(page.context()) ?? [], `CSP violations at ${page.url()}`).toEqual([]);
}

/** A Chromium with a fresh profile, its page pointed at the server under test. */
export async function openBrowser(): Promise<Session> {
  const baseUrl = inject('baseUrl');
  const profile = mkdtempSync(join(tmpdir(), 'pairing-e2e-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    baseURL: baseUrl,
  });
  context.setDefaultTimeout(20_000);
  const trail: string[] = [];
  watchTrail(context, trail);
  const page = context.pages()[0] ?? (await context.newPage());
  const session: Session = {
    page,
    baseUrl,
    trail,
    close: async () => {
      openSessions.delete(session);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  openSessions.add(session);
  return session;
}

export async function capture(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Capture the page a journey reached and hold it to the accessibility bar (accessibility.ts). */
export async function screenshot(page: Page, name: string) {
  await capture(page, name);
  await checkAccessibility(page, name);
  expectNoCspViolation(page);
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/**
 * Choose `name` in an organization search box: wait for the search's own answer before clicking,
 * since a list re-rendered under the pointer swallows the click, then see the choice shown.
 */
export async function chooseOrg(page: Page, field: Locator, name: string) {
  const answered = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/orgs' && url.searchParams.get('q') === name;
  });
  await field.click();
  await page.keyboard.type(name);
  await answered;
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
  const select = field.locator(
    'xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]',
  );
  await select.filter({ hasText: name }).waitFor();
}

/**
 * Choose `text` in an antd select. A click the list swallows (it was still opening, or re-rendered
 * under the pointer on a loaded machine) leaves the list open over the fields below: it is tried
 * again until the select shows the choice, then the list has closed.
 */
export async function chooseOption(page: Page, field: Locator, text: string) {
  const select = field.locator(
    'xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]',
  );
  const option = page.locator('.ant-select-item-option', { hasText: text }).first();
  for (let attempt = 1; ; attempt++) {
    if (!(await option.isVisible())) await field.click();
    await option.click();
    const shown = await select
      .filter({ hasText: text })
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
    if (attempt === 5) throw new Error(`the select did not take 「${text}」`);
  }
  await option.waitFor({ state: 'hidden' });
}

/** The demo account of `role`, optionally the one whose org name contains `orgName`. */
export function demoAccount(role: string, orgName?: string): DemoAccount {
  const accounts = inject('accounts');
  const account = accounts.find(
    (a) => a.role === role && (!orgName || a.orgName.includes(orgName)),
  );
  if (!account) {
    const known = accounts.map((a) => `${a.role} ${a.username} (${a.orgName})`).join(', ');
    throw new Error(
      `no demo account for ${role}${orgName ? ` in ${orgName}` : ''}; seeded: ${known || 'none'}`,
    );
  }
  return account;
}

/** Sign in and wait for the signed-in layout. */
export async function signInAs(page: Page, account: DemoAccount) {
  await signIn(page, account.username, account.password);
  await page.getByTestId('user-menu').waitFor();
}

/** The total a list page shows in its pagination ("共 N 条"). */
export async function listedTotal(page: Page): Promise<number> {
  const text = await page.locator('.ant-pagination-total-text').first().innerText();
  const match = /(\d+)/.exec(text.replace(/,/g, ''));
  if (!match) throw new Error(`no total in "${text}"`);
  return Number(match[1]);
}

/** A fresh browser per test in this file. */
export function useBrowser(): () => Session {
  let session: Session | undefined;
  beforeEach(async () => {
    session = await openBrowser();
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  return () => {
    if (!session) throw new Error('no browser session');
    return session;
  };
}

/** A phone's screen (an iPhone 12–15), where the village, town and unit admins work. */
export const phoneViewport = { width: 390, height: 844 };

/**
 * The page's width beyond the window's and the elements sticking out on the right (a few, by tag,
 * class and test id), to tell which part of a page makes it scroll sideways.
 */
export async function horizontalOverflow(page: Page) {
  // A script rather than a function: this package's types know no DOM.
  return page.evaluate<{ scrollWidth: number; innerWidth: number; wide: string[] }>(`(() => {
    const width = window.innerWidth;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .filter((element) => !element.closest('[aria-hidden="true"], .ant-drawer-content-wrapper'))
      .slice(0, 5)
      .map((element) => {
        const id = element.dataset.testid ? '[' + element.dataset.testid + ']' : '';
        const right = Math.round(element.getBoundingClientRect().right);
        return element.tagName.toLowerCase() + '.' + [...element.classList].join('.') + id + ' → ' + right;
      });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide };
  })()`);
}

/**
 * The page does not scroll sideways (`scrollWidth ≤ innerWidth`). Soft, so that a journey
 * visiting many pages reports every page that overflows, not only the first.
 */
export async function expectNoHorizontalOverflow(page: Page, where = page.url()) {
  const { scrollWidth, innerWidth, wide } = await horizontalOverflow(page);
  expect
    .soft(
      scrollWidth,
      `${where} is ${scrollWidth} px wide in a ${innerWidth} px window: ${wide.join('; ')}`,
    )
    .toBeLessThanOrEqual(innerWidth);
}

/** A JPEG drawn in the page on a `color` ground (its bytes; the server re-encodes it). */
export async function drawnPhoto(page: Page, color: string, caption: string): Promise<Buffer> {
  // Page code as text: the journeys are type-checked without the DOM's types.
  const base64 = await page.evaluate<string>(`(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const g = canvas.getContext('2d');
    g.fillStyle = ${JSON.stringify(color)};
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#ffffff';
    g.font = '40px sans-serif';
    g.fillText(${JSON.stringify(caption)}, 40, 240);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    let binary = '';
    for (const byte of new Uint8Array(await blob.arrayBuffer())) binary += String.fromCharCode(byte);
    return btoa(binary);
  })()`);
  return Buffer.from(base64, 'base64');
}
