import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoAccount, openBrowser, screenshot, signInAs, type Session } from '../browser.ts';
import { chinaDay, phone, signedPairing } from '../pairing-setup.ts';

// Transparency and money (issue 12 item 8): a unit's fund reaches a village and is confirmed, the
// village records what it was spent on, anyone reads the village's 村务公开 page on a phone, and
// the yearly letter to the donor downloads and reads back with the fund, the use and the balance.

/** A signed pairing whose term starts today, with one checkable project. */
const preparePairing = () =>
  signedPairing({
    roundName: '村务公开旅程',
    pick: 'last',
    yearlyFund: 50_000,
    project: {
      title: '村道路灯安装',
      target: '主干道安装太阳能路灯',
      budget: 50_000,
      indicator: { description: '路灯安装完成并通过验收', quantity: 40, unit: '盏' },
    },
  });

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
