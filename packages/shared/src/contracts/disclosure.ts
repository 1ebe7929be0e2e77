// Transparency and money (issue 12 item 8): the village's public disclosure of the funds it
// received (村务公开, R-DISCLOSE), the uses it records against each receipt, the yearly feedback
// letter to the donor, and the enterprise donor's deductible cap (R-TAX-CAP, S1 §11).
import { z } from 'zod';
import { fundChannels, fundForms, fundSources } from './ledger.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';
import { calendarDate, requiredLine, yuanAmount } from './text.ts';

/** A calendar year of the platform's range, in a path or a query. */
export const calendarYear = z.coerce
  .number({ error: '请填写年度' })
  .int('年度须为整数')
  .min(2000, '年度应在 2000 年至 2100 年之间')
  .max(2100, '年度应在 2000 年至 2100 年之间');

/** What the village did with part of a fund it received (`POST /api/records/:id/uses`). */
export const fundUseInput = z.object({
  date: calendarDate,
  amount: yuanAmount.refine((n) => n > 0, '金额须大于 0'),
  purpose: requiredLine('用途', 200),
});
export type FundUseInput = z.infer<typeof fundUseInput>;

export const fundUseView = z.object({
  id: z.number(),
  date: z.string(),
  amount: z.number(),
  purpose: z.string(),
});
export type FundUseView = z.infer<typeof fundUseView>;

export const fundUseActions = ['addUse'] as const;

/** A fund record's uses, what they add up to and what is left. */
export const fundUsesView = z.object({
  recordId: z.number(),
  /** The fund's amount (yuan; goods in kind at their stated value). */
  amount: z.number(),
  used: z.number(),
  balance: z.number(),
  items: z.array(fundUseView),
  abilities: abilities(fundUseActions),
});
export type FundUsesView = z.infer<typeof fundUsesView>;

/**
 * One counted fund as the public sees it: who gave it, for which project, in what form and
 * through which channel, and what it was used for. Nothing about people, no narrative.
 */
const disclosedFund = z.object({
  date: z.string(),
  amount: z.number(),
  form: z.enum(fundForms),
  channel: z.enum(fundChannels),
  source: z.enum(fundSources),
  /** The urban unit, or the district / working committee whose pooled fund it came from. */
  donor: z.string(),
  project: z.string().nullable(),
  purpose: z.string(),
  uses: z.array(fundUseView.omit({ id: true })),
  used: z.number(),
  balance: z.number(),
});
export type DisclosedFund = z.infer<typeof disclosedFund>;

const yearTotals = { received: z.number(), used: z.number(), balance: z.number() };

/** 村务公开: a village's assistance funds by year, newest year first (R-DISCLOSE). */
export const villageDisclosure = z.object({
  village: z.object({ id: z.number(), name: z.string() }),
  town: z.string(),
  district: z.string(),
  /** Funds that count as of this day (China time) are shown. */
  asOf: z.string(),
  years: z.array(z.object({ year: z.number(), ...yearTotals, funds: z.array(disclosedFund) })),
});
export type VillageDisclosure = z.infer<typeof villageDisclosure>;

/** Channels whose donations count toward the deductible cap (S1 §11); direct giving does not. */
export const eligibleChannels = ['charity', 'government'] as const;

/** Cap on deductible donations as a share of the year's total profit (R-TAX-CAP, S1 §11). */
export const taxCapPercent = 12;

/** Bound of an entered annual total profit (yuan); a loss is negative. */
export const profitAmount = z
  .number({ error: '请填写年度利润总额（元）' })
  .int('利润总额以元为单位，须为整数')
  .min(-1_000_000_000_000, '利润总额超出范围')
  .max(1_000_000_000_000, '利润总额超出范围');

export const taxActions = ['setProfit'] as const;

/**
 * An urban unit's donations of a year through each channel against the deductible cap. Only an
 * enterprise has a profit; `profit`, `cap`, `deductible` and `excess` are null for other units,
 * before the profit is entered, and for readers outside the unit's scope (a profit is the
 * unit's business, not the village's).
 */
export const unitTax = z.object({
  unit: z.object({ id: z.number(), name: z.string(), unitType: z.string().nullable() }),
  year: z.number(),
  enterprise: z.boolean(),
  /** The unit's counted funds dated in the year, all its pairings, by channel (yuan). */
  donations: z.object({ direct: z.number(), charity: z.number(), government: z.number() }),
  eligible: z.number(),
  /** The same for the pairing asked about (`GET /api/pairings/:id/tax`); null per unit. */
  pairing: z.object({ id: z.number(), eligible: z.number(), direct: z.number() }).nullable(),
  profitVisible: z.boolean(),
  profit: z.number().nullable(),
  cap: z.number().nullable(),
  deductible: z.number().nullable(),
  excess: z.number().nullable(),
  abilities: abilities(taxActions),
});
export type UnitTax = z.infer<typeof unitTax>;

const yearQuery = z.object({ year: calendarYear });
const tags = ['ledger'];

export const disclosureApi = {
  village: defineRoute({
    method: 'GET',
    path: '/public/villages/:id/disclosure',
    tags,
    summary: '村务公开：帮扶资金收支（无需登录）',
    params: idParams,
    response: { 200: villageDisclosure },
  }),
  uses: defineRoute({
    method: 'GET',
    path: '/records/:id/uses',
    tags,
    summary: '资金记录的使用情况',
    params: idParams,
    response: { 200: fundUsesView },
  }),
  addUse: defineRoute({
    method: 'POST',
    path: '/records/:id/uses',
    tags,
    summary: '村登记资金使用（合计不得超过资金金额）',
    params: idParams,
    body: fundUseInput,
    idempotent: true,
    response: { 201: fundUsesView },
  }),
  donorLetter: defineRoute({
    method: 'GET',
    path: '/pairings/:id/donor-letter',
    tags,
    summary: '致帮扶单位的年度资金使用反馈函（.docx）',
    params: idParams,
    query: yearQuery,
  }),
  setProfit: defineRoute({
    method: 'PUT',
    path: '/orgs/:id/profits/:year',
    tags,
    summary: '企业年度利润总额（用于公益捐赠税前扣除限额）',
    params: z.object({ id, year: calendarYear }),
    body: z.object({ profit: profitAmount }),
    response: { 200: unitTax },
  }),
  pairingTax: defineRoute({
    method: 'GET',
    path: '/pairings/:id/tax',
    tags,
    summary: '结对单位本年度公益捐赠与 12% 扣除限额',
    params: idParams,
    query: yearQuery,
    response: { 200: unitTax },
  }),
  unitTax: defineRoute({
    method: 'GET',
    path: '/units/:id/tax',
    tags,
    summary: '单位本年度公益捐赠与 12% 扣除限额',
    params: idParams,
    query: yearQuery,
    response: { 200: unitTax },
  }),
};
