import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoAccount, openBrowser, screenshot, signInAs, type Session } from '../browser.ts';
import { apiAs, chinaDay, phone, type Api, type Org } from '../pairing-setup.ts';
import type { DemoAccount } from '../server.ts';

// Stage changes that guard (issue 13 item 3): the city moves a round on while work is unfinished.
// The dialog lists it with what will happen, the move needs a tick and a reason, the audit log
// keeps both, and what was unfinished is left closed with the reason shown to the people
// concerned, not waiting for an action no one can take.
//
// The pairs are made through the API, between units of 市国资委党委 and villages of 朱泾镇
// other than the demo accounts' own, by the admins above them, so other journeys keep theirs.

/** Two orgs of `kind` in the caller's scope other than the demo account's own. */
async function twoOrgs(api: Api, kind: string, not: string): Promise<[Org, Org]> {
  const { items } = await api<{ items: Org[] }>('GET', `/orgs?kind=${kind}&pageSize=20`);
  const others = items.filter((o) => o.name !== not);
  if (others.length < 2) throw new Error(`fewer than two ${kind} other than ${not}`);
  return [others[others.length - 1], others[others.length - 2]];
}

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

async function as(account: DemoAccount, size = { width: 1440, height: 900 }) {
  const page = session.page;
  await page.context().clearCookies();
  await page.setViewportSize(size);
  await signInAs(page, account);
  return page;
}

/** Open the stage change of the round, confirm it with `reason`, and wait for the new stage. */
async function moveOn(page: Page, roundId: number, to: string, reason: string) {
  await page.goto(`/rounds/${roundId}`);
  await page.getByTestId('round-advance').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('transition-unfinished').waitFor();
  await dialog.getByTestId('transition-confirm').check();
  await dialog.getByTestId('transition-reason').fill(reason);
  await dialog.getByTestId('transition-submit').click();
  await page.getByText(`本轮已进入「${to}」`).waitFor();
}

test('a stage change with unfinished work: listed, confirmed with a reason, audited, nothing stranded', async () => {
  const city = await apiAs(demoAccount('city_admin'));
  const urban = await apiAs(demoAccount('district_admin', '国资委'));
  const rural = await apiAs(demoAccount('town_admin'));
  const [unitA, unitB] = await twoOrgs(urban, 'urban_unit', demoAccount('unit_admin').orgName);
  const [villageA, villageB] = await twoOrgs(
    rural,
    'village',
    demoAccount('village_admin').orgName,
  );

  // A round whose deadlines lie ahead: one intention still awaits the village, one is accepted.
  const { round } = await city<{ round: { id: number } }>('POST', '/rounds', {
    name: `阶段变更旅程 ${Date.now()}`,
    periodStart: chinaDay(-1),
    periodEnd: chinaDay(3 * 365),
    intentionDeadline: chinaDay(20),
    signingDeadline: chinaDay(40),
  });
  await city('POST', `/rounds/${round.id}/transitions`, { to: 'intentions_open' });
  const waiting = await urban<{ intention: { id: number } }>(
    'POST',
    `/rounds/${round.id}/intentions`,
    { ruralOrgId: villageA.id, urbanOrgId: unitA.id },
  );
  const agreed = await urban<{ intention: { id: number } }>(
    'POST',
    `/rounds/${round.id}/intentions`,
    { ruralOrgId: villageB.id, urbanOrgId: unitB.id },
  );
  const { agreementId } = await rural<{ agreementId: number }>(
    'POST',
    `/intentions/${agreed.intention.id}/accept`,
  );

  // The city opens the stage change: the dialog lists the waiting intention and the open
  // deadline with what will happen to each, and refuses to go on without a tick and a reason.
  const reason = `市委组织部决定提前进入综合平衡（${Date.now()}）`;
  let page = await as(demoAccount('city_admin'));
  await page.goto(`/rounds/${round.id}`);
  await page.getByTestId('round-advance').click();
  const dialog = page.getByRole('dialog');
  const pending = dialog.getByTestId('unfinished-pendingIntentions');
  await pending.getByText('待村（镇）方确认的意向 1 条').waitFor();
  await pending.getByText('将失效').waitFor();
  await dialog.getByTestId('unfinished-intentionDeadlineAhead').getByText('提前截止').waitFor();
  await dialog.getByTestId('unfinished-uncoveredTargets').getByText('转组织分配').waitFor();
  await expect(dialog.getByTestId('transition-submit').isDisabled()).resolves.toBe(true);
  await dialog.getByTestId('transition-confirm').check();
  await expect(dialog.getByTestId('transition-submit').isDisabled()).resolves.toBe(true);
  await dialog.getByTestId('transition-reason').fill(reason);
  await screenshot(page, 'stages-dialog');
  await dialog.getByTestId('transition-submit').click();
  await page.getByText('本轮已进入「综合平衡」').waitFor();

  // The audit log keeps the reason and what was unfinished.
  await page.goto(`/audit?action=round.transition&entityId=${round.id}`);
  const record = page.locator('.ant-table-row').first();
  await record.getByText('推进轮次阶段').waitFor();
  await record.locator('.ant-table-row-expand-icon').click();
  await page.getByText(reason, { exact: false }).first().waitFor();
  await page.getByText('pendingIntentions', { exact: false }).first().waitFor();
  await screenshot(page, 'stages-audit');

  // The town on a phone: the intention is closed as 已失效 with the reason, and offers no action.
  page = await as(demoAccount('town_admin'), phone);
  await page.goto(`/intentions/inbox?round=${round.id}`);
  await page.getByText('已失效', { exact: true }).first().click();
  // On a phone the inbox shows one card per intention.
  const row = page.getByTestId('inbox-table').locator('.responsive-card', { hasText: unitA.name });
  await row.getByTestId('intention-state-lapsed').waitFor();
  await expect(row.getByTestId('intention-reason').innerText()).resolves.toContain(reason);
  await expect(row.getByRole('button').count()).resolves.toBe(0);
  await screenshot(page, 'stages-inbox-lapsed');
  const listed = await urban<{ items: { id: number; state: string; closedReason: string }[] }>(
    'GET',
    `/rounds/${round.id}/intentions`,
  );
  expect(listed.items.find((i) => i.id === waiting.intention.id)).toMatchObject({
    state: 'lapsed',
    closedReason: expect.stringContaining(reason),
  });

  // Into 帮扶实施 before the signing deadline: the unsigned agreement lapses, visibly, and can no
  // longer be signed — by the village on its phone as by anyone.
  page = await as(demoAccount('city_admin'));
  await moveOn(page, round.id, '协议签订', '旅程：进入协议签订');
  await page.goto(`/rounds/${round.id}`);
  await page.getByTestId('round-advance').click();
  await page
    .getByRole('dialog')
    .getByTestId('unfinished-draftAgreements')
    .getByText('双方均未签署的协议 1 份')
    .waitFor();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await moveOn(page, round.id, '帮扶实施', '签订期提前结束');
  page = await as(demoAccount('town_admin'), phone);
  await page.goto(`/agreements/${agreementId}`);
  const notice = page.getByTestId('agreement-lapsed');
  await notice.getByText('签订期提前结束', { exact: false }).waitFor();
  await page.getByTestId('agreement-status').getByText('已失效').waitFor();
  await expect(page.getByTestId('agreement-sign').count()).resolves.toBe(0);
  await screenshot(page, 'stages-agreement-lapsed');
});
