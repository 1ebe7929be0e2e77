import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { demoAccount, openBrowser, screenshot, signInAs, type Session } from '../browser.ts';
import { apiAs, chinaDay, phone, type Org } from '../pairing-setup.ts';
import { idNumberCheckChar } from '@pairing/shared';

// Mobile Party members (issue 14 item 4; R-MOBILE-EIGHT, R-MOBILE-QUERY): a member of the demo
// village flows out to an urban community under another town; that town, on a phone, sees only
// the notice (name and certificate number), queries the home village back, the village answers,
// and the town receives him and then sees his file.

let home: Session;
let inflow: Session;
beforeAll(async () => {
  home = await openBrowser();
  inflow = await openBrowser();
});
afterAll(async () => {
  await home?.close();
  await inflow?.close();
});

test('a member flows out of a village, is queried back and received by a community', async () => {
  const villageAccount = demoAccount('village_admin');
  const village = await apiAs(villageAccount);
  const me = await village<{ user: { orgId: number; orgName: string } }>('GET', '/auth/me');
  // The receiving side: a town admin of another town than the village's, and a community of it.
  const towns = inject('accounts').filter((a) => a.role === 'town_admin');
  let receiver: { account: (typeof towns)[number]; community: Org } | undefined;
  for (const account of towns) {
    const api = await apiAs(account);
    const { items } = await api<{ items: Org[] }>('GET', '/orgs?kind=community&pageSize=1');
    const mine = await api<{ items: Org[] }>('GET', `/orgs?kind=village&pageSize=100`);
    if (items[0] && !mine.items.some((v) => v.id === me.user.orgId))
      receiver = { account, community: items[0] };
  }
  if (!receiver) throw new Error('no town with a community apart from the village’s');

  // The registry registers the member (its create route), the village makes him mobile and sends
  // him: training and the agreement on the day he leaves.
  const suffix = Date.now() % 100_000;
  const name = `流动${suffix}`;
  const { person } = await village<{ person: { id: number } }>(
    'POST',
    `/orgs/${me.user.orgId}/people`,
    {
      kind: 'member',
      name,
      gender: 'male',
      idNumber: idNumberFor(suffix),
      phone: '13800138000',
      tags: ['mobileOut'],
    },
  );
  const certificate = `LD-E2E-${suffix}`;
  const { member } = await village<{ member: { id: number } }>('POST', '/mobile', {
    personId: person.id,
    certificateNumber: certificate,
    reason: 'work',
    destination: receiver.community.name,
  });
  const today = chinaDay();
  await village('POST', `/mobile/${member.id}/send`, {
    inflowOrgId: receiver.community.id,
    destination: receiver.community.name,
    leaveDate: today,
    trainedOn: today,
    agreementSignedOn: today,
  });

  // The receiving town on a phone: the notice only, and its file is not found yet.
  const page = inflow.page;
  await page.setViewportSize(phone);
  await signInAs(page, receiver.account);
  await page.goto('/mobile?tab=incoming');
  const notice = page.getByTestId(`mobile-notice-${member.id}`);
  await notice.waitFor();
  expect(await notice.innerText()).toContain(certificate);
  expect(await notice.innerText()).toContain(name);
  const town = await apiAs(receiver.account);
  await expect(town('GET', `/mobile/${member.id}`)).rejects.toThrow(/404/);

  // It queries the village back.
  await page.getByTestId(`mobile-query-${member.id}`).click();
  await page.getByTestId('mobile-question').fill('请介绍该党员在村里的表现');
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await notice.getByText('请介绍该党员在村里的表现').waitFor();
  await screenshot(page, 'mobile-incoming-queried-phone');

  // The village answers in its own browser.
  const homePage = home.page;
  await homePage.setViewportSize(phone);
  await signInAs(homePage, villageAccount);
  await homePage.goto(`/mobile/${member.id}`);
  const open = homePage.locator('[data-testid^="mobile-answer-open-"]').first();
  await open.click();
  await homePage.locator('[data-testid^="mobile-answer-text-"]').first().fill('该党员表现良好');
  await homePage.locator('[data-testid^="mobile-answer-send-"]').first().click();
  await homePage
    .locator('[data-testid^="mobile-answer-"]')
    .filter({ hasText: '该党员表现良好' })
    .waitFor();

  // The town reads the answer, receives him, and now sees his file with the year's 八个一.
  await page.reload();
  await notice.getByText('该党员表现良好').waitFor();
  await page.getByTestId(`mobile-receive-${member.id}`).click();
  await notice.waitFor({ state: 'detached' });
  await page.goto(`/mobile/${member.id}`);
  await page.getByTestId('mobile-duties').waitFor();
  expect(await page.locator('body').innerText()).toContain(name);
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  expect(width).toBeLessThanOrEqual(phone.width);
  await screenshot(page, 'mobile-file-phone');
}, 180_000);

/** A valid fictitious ID number (region 110101, born 1960–1999), distinct per `n`. */
function idNumberFor(n: number) {
  const body = `110101${1960 + (n % 40)}0101${String(Math.floor(n / 40) % 1000).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}
