import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { demoAccount, openBrowser, screenshot, signInAs, type Session } from '../browser.ts';
import type { DemoAccount } from '../server.ts';

// Check-in by QR code (issue 12 item 6), on phones: the organizer of an activity shows its QR
// code, two roster members open its link, pick themselves and confirm, and the record's people
// then list both.
//
// The pairing is made for this journey through the API, between a unit of 市国资委党委 and a
// village of 朱泾镇 other than the demo accounts' own, by the admins above them (相对集中 for the
// unit, the town for the village), so the demo unit and village stay as other journeys expect.

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

/** An org of `kind` in the caller's scope other than the demo account's own. */
async function anotherOrg(api: Api, kind: string, not: string): Promise<Org> {
  const { items } = await api<{ items: Org[] }>('GET', `/orgs?kind=${kind}&pageSize=10`);
  const org = items.find((o) => o.name !== not);
  if (!org) throw new Error(`no ${kind} other than ${not}`);
  return org;
}

type Prepared = { recordId: number; roster: string[]; unit: Org; village: Org };

/** A pairing signed by both sides, its roster of two, and an activity entered today. */
async function preparePairing(): Promise<Prepared> {
  const city = await apiAs(demoAccount('city_admin'));
  const urban = await apiAs(demoAccount('district_admin', '国资委'));
  const rural = await apiAs(demoAccount('town_admin'));
  const today = chinaDay();
  const unit = await anotherOrg(urban, 'urban_unit', demoAccount('unit_admin').orgName);
  const village = await anotherOrg(rural, 'village', demoAccount('village_admin').orgName);

  // A round whose term starts today (the signing deadline), so an activity of today lies in it.
  const { round } = await city<{ round: { id: number } }>('POST', '/rounds', {
    name: `扫码签到旅程 ${Date.now()}`,
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
  const accepted = await rural<{ agreementId: number }>(
    'POST',
    `/intentions/${submitted.intention.id}/accept`,
  );
  await advance('balancing');
  await advance('signing');

  const agreementId = accepted.agreementId;
  type Agreement = {
    version: number;
    content: { yearlyFunds: { year: number; amount: number }[]; projects: unknown[] };
  };
  const draft = await urban<Agreement>('GET', `/agreements/${agreementId}`);
  const year = Number(today.slice(0, 4));
  const saved = await urban<Agreement>('PUT', `/agreements/${agreementId}`, {
    version: draft.version,
    content: {
      ...draft.content,
      yearlyFunds: draft.content.yearlyFunds.map((f) => ({ ...f, amount: 30_000 })),
      projects: [
        {
          title: '村级活动室改造',
          target: '改造村党员活动室',
          budget: 60_000,
          year,
          indicator: { description: '活动室建成并通过验收', quantity: 120, unit: '平方米' },
        },
      ],
    },
  });
  await urban('POST', `/agreements/${agreementId}/sign`, { version: saved.version });
  await rural('POST', `/agreements/${agreementId}/sign`, { version: saved.version });

  const roster = ['王建国', '李明'];
  await urban('POST', `/pairings/${agreementId}/roster`, {
    name: roster[0],
    post: '党委书记',
    role: 'principal',
    from: today,
  });
  await urban('POST', `/pairings/${agreementId}/roster`, {
    name: roster[1],
    post: '副主任',
    role: 'team',
    from: today,
  });
  const record = await urban<{ id: number }>('POST', `/pairings/${agreementId}/records`, {
    type: 'activity',
    date: today,
    place: `${village.name}党员活动室`,
    narrative: '结对双方联合上党课',
    people: { rosterIds: [], others: [] },
    category: 'party_lesson',
  });
  return { recordId: record.id, roster, unit, village };
}

/** A participant's phone: opens the link, picks `name` from the roster, confirms. */
async function checkInOnPhone(page: Page, link: string, name: string) {
  await page.setViewportSize(phone);
  await page.goto(link);
  await page.getByTestId('checkin-event').filter({ hasText: '党课' }).waitFor();
  await page.getByRole('radio', { name }).check();
  await page.getByRole('button', { name: /下\s*一\s*步/ }).click();
  await page.getByTestId('checkin-confirm-name').filter({ hasText: name }).waitFor();
  await page.getByRole('button', { name: /确\s*认\s*签\s*到/ }).click();
  await page.getByText('签到成功').waitFor();
}

let organizer: Session;
const participants: Session[] = [];
beforeAll(async () => {
  organizer = await openBrowser();
});
afterAll(async () => {
  await organizer?.close();
  for (const p of participants) await p.close();
});

test('two roster members check in to an activity by its QR link on their phones', async () => {
  const prepared = await preparePairing();
  const account = demoAccount('district_admin', '国资委');

  // The organizer opens the activity's check-in on a phone and shows the QR code.
  const page = organizer.page;
  await page.setViewportSize(phone);
  await signInAs(page, account);
  await page.goto(`/records/${prepared.recordId}/checkin`);
  await page.getByTestId('checkin-open').click();
  const qr = page.getByTestId('checkin-qr');
  await qr.waitFor();
  const link = (await qr.getAttribute('data-value'))!;
  expect(link).toMatch(/\/checkin\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId('checkin-valid-until').innerText()).resolves.toMatch(/有效至/);
  await screenshot(page, 'checkin-organizer-qr');

  // Two roster members scan it on their own phones, without signing in.
  for (const name of prepared.roster) {
    const participant = await openBrowser();
    participants.push(participant);
    await checkInOnPhone(participant.page, link, name);
    await screenshot(participant.page, `checkin-participant-${participants.length}`);
  }

  // The organizer's list picks both up on its next poll.
  const list = page.getByTestId('checkin-list');
  for (const name of prepared.roster) await list.getByText(name).waitFor({ timeout: 10_000 });
  await expect(list.innerText()).resolves.toContain('已签到 2 人');
  await screenshot(page, 'checkin-organizer-list');

  // The record's people are the two, as the roster names them.
  const api = await apiAs(account);
  const record = await api<{ participants: { rosterId: number | null; name: string }[] }>(
    'GET',
    `/records/${prepared.recordId}`,
  );
  expect(record.participants.map((p) => p.name).sort()).toEqual([...prepared.roster].sort());
  expect(record.participants.every((p) => p.rosterId !== null)).toBe(true);
}, 120_000);
