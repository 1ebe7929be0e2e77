import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { demoAccount, openBrowser, screenshot, signInAs, type Session } from '../browser.ts';
import type { DemoAccount } from '../server.ts';

// Transparency and money (issue 12 item 8): a unit's fund reaches a village and is confirmed, the
// village records what it was spent on, anyone reads the village's 村务公开 page on a phone, and
// the yearly letter to the donor downloads and reads back with the fund, the use and the balance.
//
// The pairing is made for this journey through the API, between a unit of 市国资委党委 and a
// village of 朱泾镇 that are not the demo accounts' own (nor the first ones other journeys pick),
// by the admins above them (相对集中 for the unit, the town for the village).

const phone = { width: 390, height: 844 };

/** Today in China time, and a day some years on. */
const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

type Api = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<T>;

/** The API as a demo account, signed in from here (not from a browser). */
async function apiAs(account: DemoAccount): Promise<Api> {
  const baseUrl = inject('baseUrl');
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        cookie,
        'idempotency-key': `journey-${randomBytes(8).toString('hex')}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as never;
  };
}

type Org = { id: number; name: string };

/** The last org of `kind` on the caller's first page, other than the demo account's own. */
async function lastOrg(api: Api, kind: string, not: string): Promise<Org> {
  const { items } = await api<{ items: Org[] }>('GET', `/orgs?kind=${kind}&pageSize=10`);
  const org = items.filter((o) => o.name !== not).pop();
  if (!org) throw new Error(`no ${kind} other than ${not}`);
  return org;
}

type Prepared = { pairingId: number; unit: Org; village: Org; urban: Api; rural: Api };

/** A pairing signed by both sides whose term starts today, with one checkable project. */
async function preparePairing(): Promise<Prepared> {
  const city = await apiAs(demoAccount('city_admin'));
  const urban = await apiAs(demoAccount('district_admin', '国资委'));
  const rural = await apiAs(demoAccount('town_admin'));
  const today = chinaDay();
  const unit = await lastOrg(urban, 'urban_unit', demoAccount('unit_admin').orgName);
  const village = await lastOrg(rural, 'village', demoAccount('village_admin').orgName);

  const { round } = await city<{ round: { id: number } }>('POST', '/rounds', {
    name: `村务公开旅程 ${Date.now()}`,
    periodStart: today,
    periodEnd: chinaDay(3 * 365),
    intentionDeadline: today,
    signingDeadline: today,
    termEnd: chinaDay(3 * 365),
  });
  // The demo city has uncovered villages, so every later stage change needs a confirmed reason.
  const advance = (to: string) =>
    city('POST', `/rounds/${round.id}/transitions`, { to, confirm: true, reason: '测试推进' });
  await advance('intentions_open');
  const submitted = await urban<{ intention: { id: number } }>(
    'POST',
    `/rounds/${round.id}/intentions`,
    { ruralOrgId: village.id, urbanOrgId: unit.id },
  );
  const { agreementId } = await rural<{ agreementId: number }>(
    'POST',
    `/intentions/${submitted.intention.id}/accept`,
  );
  await advance('balancing');
  await advance('signing');

  type Agreement = {
    version: number;
    content: { yearlyFunds: { year: number; amount: number }[]; projects: unknown[] };
  };
  const draft = await urban<Agreement>('GET', `/agreements/${agreementId}`);
  const saved = await urban<Agreement>('PUT', `/agreements/${agreementId}`, {
    version: draft.version,
    content: {
      ...draft.content,
      yearlyFunds: draft.content.yearlyFunds.map((f) => ({ ...f, amount: 50_000 })),
      projects: [
        {
          title: '村道路灯安装',
          target: '主干道安装太阳能路灯',
          budget: 50_000,
          year: Number(today.slice(0, 4)),
          indicator: { description: '路灯安装完成并通过验收', quantity: 40, unit: '盏' },
        },
      ],
    },
  });
  await urban('POST', `/agreements/${agreementId}/sign`, { version: saved.version });
  await rural('POST', `/agreements/${agreementId}/sign`, { version: saved.version });
  return { pairingId: agreementId, unit, village, urban, rural };
}

let reader: Session;
let village: Session;
beforeAll(async () => {
  reader = await openBrowser();
  village = await openBrowser();
});
afterAll(async () => {
  await reader?.close();
  await village?.close();
});

test("the village's public page shows a fund and its use; the donor letter reads back", async () => {
  const p = await preparePairing();
  const today = chinaDay();
  const year = Number(today.slice(0, 4));

  // The unit records the fund it gave through a charity; the village confirms receipt, so it
  // counts today, and records what part of it was spent on.
  const fund = await p.urban<{ id: number }>('POST', `/pairings/${p.pairingId}/records`, {
    type: 'fund',
    date: today,
    form: 'cash',
    amount: 50_000,
    source: 'unit',
    purpose: '村道路灯安装资金',
    projectIndex: 0,
    channel: 'charity',
    receiptNo: 'E2E-0001',
    narrative: '王书记带队送来资金，联系电话 13800001111',
  });
  await p.rural('POST', `/records/${fund.id}/confirm`);
  const uses = await p.rural<{ balance: number }>('POST', `/records/${fund.id}/uses`, {
    date: today,
    amount: 12_000,
    purpose: '采购太阳能路灯',
  });
  expect(uses.balance).toBe(38_000);

  // Anyone, on a phone, without signing in.
  const page = reader.page;
  await page.setViewportSize(phone);
  await page.goto(`/public/villages/${p.village.id}/disclosure`);
  await page.getByTestId('disclosure-village').filter({ hasText: p.village.name }).waitFor();
  const card = page.getByTestId(`disclosure-year-${year}`);
  const shown = card.getByTestId('disclosure-fund').filter({ hasText: '村道路灯安装资金' });
  await shown.waitFor();
  const text = await shown.innerText();
  expect(text).toContain(p.unit.name);
  expect(text).toContain('¥50,000');
  expect(text).toContain('村道路灯安装');
  expect(text).toContain('公益组织');
  expect(text).toContain('¥38,000');
  await expect(shown.getByTestId('disclosure-use').innerText()).resolves.toBe(
    `${today} 采购太阳能路灯 ¥12,000`,
  );
  const whole = await page.locator('body').innerText();
  for (const personal of ['王书记', '13800001111', 'E2E-0001'])
    expect(whole).not.toContain(personal);
  // Nothing is wider than the phone.
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  expect(width).toBeLessThanOrEqual(phone.width);
  await screenshot(page, 'disclosure-public-phone');

  // The village side downloads the yearly letter to its donor in the browser and reads it back.
  const signed = village.page;
  await signInAs(signed, demoAccount('town_admin'));
  const href = `/api/pairings/${p.pairingId}/donor-letter?year=${year}`;
  const [download] = await Promise.all([
    signed.waitForEvent('download'),
    // Navigating to a file starts its download instead of a page.
    signed.goto(href).catch(() => undefined),
  ]);
  expect(download.suggestedFilename()).toMatch(/反馈函\.docx$/);
  const file = readFileSync((await download.path())!);
  expect((await JSZip.loadAsync(file)).file('word/document.xml')).not.toBeNull();
  const { value: letter } = await mammoth.extractRawText({ buffer: file });
  for (const expected of [
    '结对帮扶资金使用情况反馈函',
    `${p.unit.name}：`,
    '村道路灯安装资金',
    '50,000',
    '采购太阳能路灯',
    '12,000',
    '结余38,000元',
    '衷心感谢贵单位',
    p.village.name,
  ])
    expect(letter).toContain(expected);
}, 120_000);
