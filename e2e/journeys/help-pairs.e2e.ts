import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import {
  demoAccount,
  drawnPhoto,
  expectNoHorizontalOverflow,
  openBrowser,
  screenshot,
  signInAs,
  type Session,
} from '../browser.ts';
import { apiAs, phone, type Api } from '../pairing-setup.ts';
import type { DemoAccount } from '../server.ts';
import { idNumberCheckChar } from '@pairing/shared';

// "1+2" on phones (R-ONE-PLUS-TWO, issue 14 item 2): the village proposes a poor Party member and
// a poor resident of its own (registered through the people registry), the unit assigns one of
// its in-service cadres, and the cadre, signed in with his own member account, records a piece of
// help with a photo from the camera. All three on a 390 px screen that must not scroll sideways.

type Org = { id: number; name: string };
type Pairing = { id: number; urbanOrg: Org; ruralOrg: Org };
type Person = { person: { id: number; name: string } };

let village: Session;
let unit: Session;
let cadre: Session;
beforeAll(async () => {
  village = await openBrowser();
  unit = await openBrowser();
  cadre = await openBrowser();
  for (const s of [village, unit, cadre]) await s.page.setViewportSize(phone);
});
afterAll(async () => {
  await village?.close();
  await unit?.close();
  await cadre?.close();
});

/** A valid, fictitious and (per run) fresh identity number (GB 11643 check character). */
function idNumber(): string {
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const body = `110101${1960 + Math.floor(Math.random() * 40)}03${day}${serial}`;
  return body + idNumberCheckChar(body);
}

async function register(api: Api, orgId: number, person: Record<string, unknown>) {
  const { person: created } = await api<Person>('POST', `/orgs/${orgId}/people`, {
    gender: 'male',
    idNumber: idNumber(),
    phone: null,
    ...person,
  });
  return created;
}

/** Choose the person named `name` in a candidate select, once the server's search answered. */
async function choosePerson(page: Page, testId: string, name: string) {
  const answered = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname.endsWith('/help-candidates') && url.searchParams.get('q') === name;
  });
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  await answered;
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
}

/** A member account at the unit, its one-time password changed to a known one from here. */
async function memberAccount(unitOrg: Org): Promise<{ account: DemoAccount; userId: number }> {
  const city = await apiAs(demoAccount('city_admin'));
  const username = `cadre.${Date.now()}`;
  const created = await city<{ user: { id: number }; initialPassword: string }>('POST', '/users', {
    username,
    displayName: '结对干部',
    role: 'member',
    orgId: unitOrg.id,
  });
  const password = 'Journey@2026cadre';
  const login = await fetch(`${inject('baseUrl')}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: created.initialPassword }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const changed = await fetch(`${inject('baseUrl')}/api/auth/password`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ oldPassword: created.initialPassword, newPassword: password }),
  });
  expect(changed.status, await changed.text()).toBe(200);
  return {
    account: { role: 'member', username, password, orgName: unitOrg.name },
    userId: created.user.id,
  };
}

test('the village proposes, the unit assigns a cadre, the cadre records help with a photo on a phone', async () => {
  const villageAccount = demoAccount('village_admin');
  const unitAccount = demoAccount('unit_admin');
  const rural = await apiAs(villageAccount);
  const urban = await apiAs(unitAccount);
  const { items } = await urban<{ items: Pairing[] }>('GET', '/pairings?pageSize=100');
  const pairing = items.find((p) => p.ruralOrg.name === villageAccount.orgName);
  if (!pairing) throw new Error('the demo unit has no pairing with the demo village');

  const stamp = String(Date.now()).slice(-5);
  const member = await register(rural, pairing.ruralOrg.id, {
    kind: 'member',
    name: `困难党员${stamp}`,
    tags: ['poorMember'],
  });
  const resident = await register(rural, pairing.ruralOrg.id, {
    kind: 'resident',
    name: `困难群众${stamp}`,
    tags: ['poorResident'],
  });
  const cadrePerson = await register(urban, pairing.urbanOrg.id, {
    kind: 'member',
    name: `在职干部${stamp}`,
    tags: ['inServiceCadre'],
  });
  const { account: cadreAccount, userId } = await memberAccount(pairing.urbanOrg);
  await urban('PUT', `/people/${cadrePerson.id}/account`, { userId });

  // The village proposes its two people.
  const v = village.page;
  await signInAs(v, villageAccount);
  await v.goto(`/help-pairs?pairing=${pairing.id}`);
  await v.getByTestId('help-propose').click();
  await choosePerson(v, 'candidate-member', member.name);
  await choosePerson(v, 'candidate-resident', resident.name);
  await v.getByTestId('propose-save').click();
  await v.getByText(`${member.name}（`).first().waitFor();
  await expectNoHorizontalOverflow(v, 'help-pairs (village)');
  await screenshot(v, 'help-pairs-proposed');

  const { items: pairs } = await urban<{ items: Array<{ id: number; member: { id: number } }> }>(
    'GET',
    `/help-pairs?pairingId=${pairing.id}&state=proposed&pageSize=100`,
  );
  const pair = pairs.find((p) => p.member.id === member.id);
  if (!pair) throw new Error('the proposal did not reach the unit');

  // The unit assigns its cadre.
  const u = unit.page;
  await signInAs(u, unitAccount);
  await u.goto(`/help-pairs/${pair.id}`);
  await u.getByTestId('help-assign').click();
  await choosePerson(u, 'candidate-cadre', cadrePerson.name);
  await u.getByTestId('assign-save').click();
  await u.getByTestId('help-pair-cadre').getByText(cadrePerson.name, { exact: false }).waitFor();
  await expectNoHorizontalOverflow(u, 'help pair (unit)');

  // The cadre records help with a photo from his phone's camera.
  const c = cadre.page;
  await signInAs(c, cadreAccount);
  await c.goto('/help-pairs');
  await c.getByTestId(`open-help-pair-${pair.id}`).click();
  await c.getByTestId('help-record').click();
  await c.getByLabel('帮扶内容').fill('到大棚讲解番茄病虫害防治，联系农资店赊购农药');
  await c.getByTestId('help-camera-input').setInputFiles([
    {
      name: 'help.jpg',
      mimeType: 'image/jpeg',
      buffer: await drawnPhoto(c, '#389e0d', '田头指导'),
    },
  ]);
  await expect.poll(() => c.getByTestId('help-chosen-photos').locator('img').count()).toBe(1);
  await c.getByTestId('record-save').click();
  await c.getByTestId('help-photo').first().waitFor();
  await expectNoHorizontalOverflow(c, 'help pair (cadre)');
  await screenshot(c, 'help-pairs-recorded');

  const detail = await urban<{ helpRecords: Array<{ recordedAs: string; photos: unknown[] }> }>(
    'GET',
    `/help-pairs/${pair.id}`,
  );
  expect(detail.helpRecords).toHaveLength(1);
  expect(detail.helpRecords[0]).toMatchObject({ recordedAs: 'cadre' });
  expect(detail.helpRecords[0].photos).toHaveLength(1);
});
