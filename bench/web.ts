// `npm run bench:web`: the first load on a village phone (issue 15). A fresh demo server, Debian
// Chromium at 390×844 throttled through the DevTools protocol to "slow 4G" (150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up), empty cache: the login page, the village admin's home after
// sign-in, one agreement page; then, once the first visit's service worker has installed and
// precached the shell, the same again with that cache and worker (signed out in between). For each page: the time until its content shows and no request
// has been in flight for 500 ms, and the bytes on the wire (the service worker's own downloads
// included, since a precache competes with the page for the link). Ends with one RESULT line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { startServer, type DemoAccount } from '../e2e/server.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const slow4g = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const quietMs = 500;
/** BENCH_WEB_TRACE=1 prints each request as it ends, with its time from the bench's start. */
const trace = process.env.BENCH_WEB_TRACE === '1';
const benchStart = Date.now();

type Measure = { readyMs: number; kib: number; overflowPx: number };

/** Requests in flight and bytes received, over the page and the service worker alike. */
class Wire {
  inFlight = 0;
  lastChange = Date.now();
  bytes = 0;

  constructor(context: BrowserContext, cdp: CDPSession) {
    context.on('request', () => this.change(+1));
    context.on('requestfinished', async (request) => {
      this.change(-1);
      if (trace) {
        const at = Date.now() - benchStart;
        const who = request.serviceWorker() ? 'worker' : 'page';
        console.log(`${at} ms ${who} ${request.method()} ${new URL(request.url()).pathname}`);
      }
      // The page's own requests are counted from the protocol below; the worker's here.
      if (!request.serviceWorker()) return;
      const sizes = await request.sizes().catch(() => null);
      if (sizes) this.bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    context.on('requestfailed', () => this.change(-1));
    cdp.on('Network.loadingFinished', (event) => {
      this.bytes += event.encodedDataLength;
    });
  }

  private change(delta: number) {
    this.inFlight += delta;
    this.lastChange = Date.now();
  }

  /** Resolves with the moment the network went quiet, once it has stayed quiet for 500 ms. */
  async quiet(): Promise<number> {
    for (;;) {
      const idleFor = Date.now() - this.lastChange;
      if (this.inFlight <= 0 && idleFor >= quietMs) return this.lastChange;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function overflow(page: Page): Promise<number> {
  const [scrollWidth, innerWidth] = (await page.evaluate(
    '[document.documentElement.scrollWidth, window.innerWidth]',
  )) as [number, number];
  return Math.max(0, scrollWidth - innerWidth);
}

/**
 * In every document the page opens: the wall-clock time of the last click, and of the first
 * moment each watched selector matched. Taken in the page, since the driver's click takes a few
 * hundred milliseconds before the page sees it and its waiting polls every few hundred.
 */
const pageClock = `
  window.__seen = {};
  document.addEventListener('click', () => { window.__clickAt = performance.timeOrigin + performance.now(); }, true);
  const watched = ${JSON.stringify(['input[type=password]', '[data-testid=todo]', '[data-testid=agreement-title]'])};
  new MutationObserver(() => {
    for (const selector of watched)
      if (!window.__seen[selector] && document.querySelector(selector))
        window.__seen[selector] = performance.timeOrigin + performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Run `start` and wait for `content` and a quiet network; the time from the start (a navigation
 * when it is asked for, or the click as the page saw it) to both.
 */
async function measure(
  page: Page,
  wire: Wire,
  start: () => Promise<unknown>,
  content: string,
): Promise<Measure> {
  const bytesBefore = wire.bytes;
  const asked = Date.now();
  await start();
  await page.locator(content).first().waitFor({ timeout: 60_000 });
  const [clickAt, shownAt] = (await page.evaluate(
    `[window.__clickAt, window.__seen[${JSON.stringify(content)}]]`,
  )) as [number | undefined, number];
  const started = clickAt !== undefined && clickAt >= asked ? clickAt : asked;
  const quietAt = await wire.quiet();
  if (trace) {
    const at = (t: number) => Math.round(t - benchStart);
    console.log(`${at(started)} ms start, ${at(shownAt)} ms ${content} shown`);
  }
  return {
    readyMs: Math.round(Math.max(shownAt, quietAt) - started),
    kib: Math.round((wire.bytes - bytesBefore) / 1024),
    overflowPx: await overflow(page),
  };
}

async function visit(page: Page, wire: Wire, account: DemoAccount, agreementId: number) {
  const login = await measure(page, wire, () => page.goto('/login'), 'input[type=password]');
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  // Found before the clock starts: resolving a role query walks the accessibility tree, which is
  // the test driver's time, not the page's.
  const signIn = await page.getByRole('button', { name: /登\s*录/ }).elementHandle();
  const home = await measure(page, wire, () => signIn!.click(), '[data-testid=todo]');
  const agreement = await measure(
    page,
    wire,
    () => page.goto(`/agreements/${agreementId}`),
    '[data-testid=agreement-title]',
  );
  return { login, home, agreement };
}

const server = await startServer();
const profile = mkdtempSync(join(tmpdir(), 'pairing-bench-web-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  viewport: { width: 390, height: 844 },
  locale: 'zh-CN',
  baseURL: server.baseUrl,
});
await context.addInitScript(pageClock);
try {
  const account = server.accounts.find((a) => a.role === 'village_admin');
  if (!account) throw new Error('no demo village admin');
  const agreementId = await firstAgreement(context, account);

  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', slow4g);
  const wire = new Wire(context, cdp);

  const cold = await visit(page, wire, account, agreementId);
  // A second visit comes after the first one's reading time, in which the service worker installed
  // and precached the shell (registerWorker.ts): wait for it to control the page and finish.
  await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)');
  await page.waitForFunction('navigator.serviceWorker.controller !== null', null, {
    timeout: 120_000,
  });
  await wire.quiet();
  await context.clearCookies();
  const warm = await visit(page, wire, account, agreementId);

  const row = (name: string, m: Measure) =>
    console.log(
      `${name.padEnd(16)} ready ${String(m.readyMs).padStart(6)} ms  ` +
        `${String(m.kib).padStart(5)} KiB  overflow ${m.overflowPx} px`,
    );
  for (const [name, m] of Object.entries(cold)) row(`cold ${name}`, m);
  for (const [name, m] of Object.entries(warm)) row(`warm ${name}`, m);
  const overflowPx = Math.max(
    ...[cold, warm].flatMap((v) => Object.values(v).map((m) => m.overflowPx)),
  );
  console.log(
    `RESULT login_ready_ms=${cold.login.readyMs} login_kib=${cold.login.kib} ` +
      `home_ready_ms=${cold.home.readyMs} home_kib=${cold.home.kib} ` +
      `agreement_ready_ms=${cold.agreement.readyMs} agreement_kib=${cold.agreement.kib} ` +
      `warm_login_ready_ms=${warm.login.readyMs} warm_home_ready_ms=${warm.home.readyMs} ` +
      `warm_agreement_ready_ms=${warm.agreement.readyMs} overflow_px=${overflowPx}`,
  );
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.stop();
}

/** An agreement the village admin may open, found through the API before anything is timed. */
async function firstAgreement(context: BrowserContext, account: DemoAccount): Promise<number> {
  const api = context.request;
  const headers = { 'x-requested-with': 'pairing' };
  const signIn = await api.post('/api/auth/login', {
    data: { username: account.username, password: account.password },
    headers,
  });
  if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()} ${await signIn.text()}`);
  const list = await api.get('/api/agreements?pageSize=1', { headers });
  const { items } = (await list.json()) as { items: { id: number }[] };
  if (!items.length) throw new Error('the demo village has no agreement');
  await context.clearCookies();
  return items[0].id;
}
