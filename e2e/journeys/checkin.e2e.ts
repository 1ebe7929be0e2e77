import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoAccount, openBrowser, screenshot, signInAs, type Session } from '../browser.ts';
import { apiAs, chinaDay, phone, signedPairing, type Org } from '../pairing-setup.ts';

// Check-in by QR code (issue 12 item 6), on phones: the organizer of an activity shows its QR
// code, two roster members open its link, pick themselves and confirm, and the record's people
// then list both.

type Prepared = { recordId: number; roster: string[]; unit: Org; village: Org };

/** A signed pairing, its roster of two, and an activity entered today. */
async function preparePairing(): Promise<Prepared> {
  const { pairingId, unit, village, urban } = await signedPairing({
    roundName: '扫码签到旅程',
    pick: 'first',
    yearlyFund: 30_000,
    project: {
      title: '村级活动室改造',
      target: '改造村党员活动室',
      budget: 60_000,
      indicator: { description: '活动室建成并通过验收', quantity: 120, unit: '平方米' },
    },
  });
  const today = chinaDay();
  const roster = ['王建国', '李明'];
  await urban('POST', `/pairings/${pairingId}/roster`, {
    name: roster[0],
    post: '党委书记',
    role: 'principal',
    from: today,
  });
  await urban('POST', `/pairings/${pairingId}/roster`, {
    name: roster[1],
    post: '副主任',
    role: 'team',
    from: today,
  });
  const record = await urban<{ id: number }>('POST', `/pairings/${pairingId}/records`, {
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
