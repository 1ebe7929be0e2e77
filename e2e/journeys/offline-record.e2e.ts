import { request, type APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import {
  checkAccessibility,
  demoAccount,
  drawnPhoto,
  openBrowser,
  screenshot,
  signInAs,
  type Session,
} from '../browser.ts';
import type { DemoAccount } from '../server.ts';

// 手机离线记录 (issue 12 items 3, 4, 10): on a phone (390×844) the unit admin records a visit with
// two photos while offline; it waits in the outbox; back online it reaches the server once (one
// record, two files); the village admin confirms it, and the pairing's R-VISIT-LEAD period of
// this year turns met.
//
// The pairing: the demo accounts' own while its year's lead visits are incomplete, else a demo
// pairing whose period is due (its sides' accounts `unit.<org id>` and `village.<code>`, README).
// Visits with the responsible department are recorded and confirmed through the API until one
// more meets the year's minimum.

type Period = { from: string; to: string; required: number; actual: number; status: string };
type Compliance = { rules: Array<{ rule: string; periods: Period[] }> };
type Org = { id: number; name: string };
type Pairing = { id: number; urbanOrg: Org; ruralOrg: Org };
type LedgerRecord = {
  id: number;
  state: string;
  content: { type: string; narrative?: string; department?: boolean };
  evidence: unknown[];
};

/** antd puts a space between the two characters of a two-character button label. */
const label = (text: string) => new RegExp(text.split('').join('\\s*'));
const phone = { width: 390, height: 844 };
const chinaToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

let unit: Session;
let village: Session;
beforeAll(async () => {
  unit = await openBrowser();
  village = await openBrowser();
  await unit.page.setViewportSize(phone);
  await village.page.setViewportSize(phone);
});
afterAll(async () => {
  await unit?.close();
  await village?.close();
});

const contexts: APIRequestContext[] = [];
afterAll(async () => {
  for (const context of contexts) await context.dispose();
});

/** The API as `account`, signed in from here (its own cookies). */
async function apiAs(account: DemoAccount): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: inject('baseUrl') });
  contexts.push(context);
  const login = await context.post('/api/auth/login', {
    data: { username: account.username, password: account.password },
  });
  expect(login.status(), `${account.username}: ${await login.text()}`).toBe(200);
  return context;
}

async function getJson<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(path);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** This year's R-VISIT-LEAD period (the one holding today). */
async function visitLeadPeriod(api: APIRequestContext, pairingId: number, today: string) {
  const status = await getJson<Compliance>(api, `/api/pairings/${pairingId}/compliance`);
  const rule = status.rules.find((r) => r.rule === 'R-VISIT-LEAD');
  const period = rule?.periods.find((p) => p.from <= today && today <= p.to);
  if (!period) throw new Error(`no R-VISIT-LEAD period holds ${today}: ${JSON.stringify(rule)}`);
  return period;
}

type Chosen = { pairingId: number; unit: DemoAccount; village: DemoAccount };

/** The pairing of the journey and its two sides' accounts (see the comment at the top). */
async function choosePairing(today: string): Promise<Chosen> {
  const unit = demoAccount('unit_admin');
  const village = demoAccount('village_admin');
  const own = await getJson<{ items: Pairing[] }>(await apiAs(unit), '/api/pairings?pageSize=100');
  const showcase = own.items.find((p) => p.ruralOrg.name === village.orgName);
  if (showcase) {
    const period = await visitLeadPeriod(await apiAs(unit), showcase.id, today);
    if (period.actual < period.required) return { pairingId: showcase.id, unit, village };
  }
  const city = await apiAs(demoAccount('city_admin'));
  for (const status of ['due_soon', 'due']) {
    const { items } = await getJson<{ items: Pairing[] }>(
      city,
      `/api/pairings?rule=R-VISIT-LEAD&status=${status}&pageSize=1`,
    );
    if (!items.length) continue;
    const [pairing] = items;
    const { org } = await getJson<{ org: { code: string } }>(
      city,
      `/api/orgs/${pairing.ruralOrg.id}`,
    );
    const account = (role: string, username: string, orgName: string): DemoAccount => ({
      role,
      username,
      password: unit.password,
      orgName,
    });
    return {
      pairingId: pairing.id,
      unit: account('unit_admin', `unit.${pairing.urbanOrg.id}`, pairing.urbanOrg.name),
      village: account('village_admin', `village.${org.code}`, pairing.ruralOrg.name),
    };
  }
  throw new Error('no demo pairing has an R-VISIT-LEAD period due this year');
}

/** The pairing's visits whose narrative is `narrative`. */
async function visitsNarrated(api: APIRequestContext, pairingId: number, narrative: string) {
  const page = await getJson<{ items: LedgerRecord[] }>(
    api,
    `/api/pairings/${pairingId}/records?type=visit&pageSize=100`,
  );
  return page.items.filter((r) => r.content.narrative === narrative);
}

/** A visit with the responsible department, recorded by the unit and confirmed by the village. */
async function confirmedVisit(
  urban: APIRequestContext,
  rural: APIRequestContext,
  pairingId: number,
  date: string,
  n: number,
) {
  const created = await urban.post(`/api/pairings/${pairingId}/records`, {
    headers: { 'Idempotency-Key': `journey-offline-topup-${Date.now()}-${n}` },
    data: {
      type: 'visit',
      date,
      place: '村委会',
      narrative: `分管领导带队走访（旅程补足 ${n}）`,
      people: { rosterIds: [], others: [] },
      department: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as LedgerRecord;
  const confirmed = await rural.post(`/api/records/${id}/confirm`, { data: {} });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
}

test('a visit recorded offline on a phone is sent once when back online, confirmed, and meets R-VISIT-LEAD', async () => {
  const today = chinaToday();
  const chosen = await choosePairing(today);
  const pairingId = chosen.pairingId;
  const urban = await apiAs(chosen.unit);
  const rural = await apiAs(chosen.village);
  let period = await visitLeadPeriod(urban, pairingId, today);
  for (let n = 1; period.actual < period.required - 1; n++) {
    await confirmedVisit(urban, rural, pairingId, today, n);
    period = await visitLeadPeriod(urban, pairingId, today);
  }
  expect(period.actual).toBe(period.required - 1);
  await signInAs(unit.page, chosen.unit);
  await signInAs(village.page, chosen.village);

  // The installed app's worker controls the page, so the app keeps working without a network.
  const page = unit.page;
  await page.goto(`/pairings/${pairingId}/records/new?type=visit`);
  await page.getByTestId('record-form').waitFor();
  // The worker installs some seconds after a signed-in page opened (offline/registerWorker.ts).
  await expect
    .poll(() => page.evaluate<boolean>('navigator.serviceWorker.controller !== null'), {
      timeout: 40_000,
    })
    .toBe(true);
  expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe(
    '/manifest.webmanifest',
  );
  const photos = [
    await drawnPhoto(page, '#cf1322', '走访照片 1'),
    await drawnPhoto(page, '#cf1322', '走访照片 2'),
  ];
  await checkAccessibility(page, 'offline-record-form');

  await page.context().setOffline(true);
  const narrative = `离线记录的走访 ${Date.now()}`;
  await page.getByLabel('地点').fill('村委会');
  await page.getByRole('switch', { name: '负责部门参加' }).click();
  await page.getByLabel('情况记述').fill(narrative);
  await page.getByTestId('file-input').setInputFiles([
    { name: 'visit-1.jpg', mimeType: 'image/jpeg', buffer: photos[0] },
    { name: 'visit-2.jpg', mimeType: 'image/jpeg', buffer: photos[1] },
  ]);
  await expect.poll(() => page.getByTestId('chosen-files').locator('img').count()).toBe(2);
  await page.getByTestId('record-submit').click();
  await page.getByText('暂时无法连接，记录已保存在本机，联网后自动提交').waitFor();
  const status = page.getByTestId('outbox-status');
  // On a phone the header shows the count; the words are the button's label.
  await expect.poll(() => status.getAttribute('aria-label')).toBe('离线 · 1 条记录待发送');
  expect(await status.innerText()).toBe('1');
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth')).toBe(phone.width);

  // The outbox page opens offline (its code comes from the worker's cache) and lists the visit.
  await status.click();
  await page.waitForURL('**/outbox');
  const entry = page.getByTestId('outbox-entry');
  await entry.getByText('待发送').waitFor();
  await entry.getByText(`走访 · ${today} · 村委会`).waitFor();
  await screenshot(page, 'offline-record-queued');
  expect(await visitsNarrated(rural, pairingId, narrative)).toEqual([]);

  // Back online: the outbox sends it by itself, once.
  await page.context().setOffline(false);
  await page.getByText('没有待发送的记录').waitFor({ timeout: 30_000 });
  await expect.poll(() => status.count()).toBe(0);
  await page.reload();
  await page.getByText('没有待发送的记录').waitFor();
  const sent = await visitsNarrated(rural, pairingId, narrative);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ state: 'pending', content: { type: 'visit', department: true } });
  expect(sent[0].evidence).toHaveLength(2);

  // The village confirms it on its phone; the year's R-VISIT-LEAD is met.
  const villagePage = village.page;
  await villagePage.goto(`/records/${sent[0].id}`);
  await villagePage.getByTestId('record-confirm').click();
  await villagePage
    .locator('.ant-popconfirm')
    .getByRole('button', { name: label('确认') })
    .click();
  await villagePage.getByText('已确认').first().waitFor();
  await screenshot(villagePage, 'offline-record-confirmed');

  const after = await visitLeadPeriod(rural, pairingId, today);
  expect(after).toMatchObject({
    required: period.required,
    actual: period.required,
    status: 'met',
  });
  expect(await visitsNarrated(rural, pairingId, narrative)).toHaveLength(1);
});
