// "1+2" cadre pairing (R-ONE-PLUS-TWO, S5 §1, §2.3): in a pairing, each participating cadre of
// the unit pairs with one poor Party member and one poor resident of the village. The village
// proposes the two, the unit assigns its cadre, writes the plan (脱困致富方案) and concludes with
// the outcome; the cadre, and either side, records the help given with photos.
import { z } from 'zod';
import { pageQuery, paged } from './page.ts';
import { personSummary } from './people.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';
import { calendarDate, line, paragraph, requiredLine, yuanAmount } from './text.ts';

/** proposed (village named the two) → assigned (a cadre took them) → concluded; or withdrawn. */
export const helpPairStates = ['proposed', 'assigned', 'concluded', 'withdrawn'] as const;
export type HelpPairState = (typeof helpPairStates)[number];

/** The help S5 §2.3 names: 三农 policy, practical technology, market information, funds, sales. */
export const helpKinds = ['policy', 'technology', 'market', 'funds', 'sales'] as const;
export type HelpKind = (typeof helpKinds)[number];

/** Kinds that carry an amount in yuan (发展资金, 农产品销售). */
export const helpKindsWithAmount: readonly HelpKind[] = ['funds', 'sales'];

export const helpPairActions = [
  'assign',
  'plan',
  'record',
  'conclude',
  'withdraw',
] as const satisfies readonly string[];
export type HelpPairAction = (typeof helpPairActions)[number];

/** One target of a plan: what, how much (optional), by when, and whether it was reached. */
export const helpTarget = z.object({
  text: requiredLine('目标内容', 200),
  value: z
    .number({ error: '目标数值须为数字' })
    .min(0, '目标数值不能为负数')
    .max(1_000_000_000, '目标数值过大')
    .nullable()
    .default(null),
  unit: line('计量单位', 20).default(''),
  due: calendarDate,
  met: z.boolean().default(false),
});
export type HelpTarget = z.infer<typeof helpTarget>;

/** 脱困致富方案: measures, targets with numbers and dates, and the plan's period. */
export const helpPlanInput = z
  .object({
    measures: z
      .array(requiredLine('帮扶措施', 200), { error: '请填写帮扶措施' })
      .min(1, '至少填写一项帮扶措施')
      .max(20, '帮扶措施最多 20 项'),
    targets: z
      .array(helpTarget, { error: '请填写目标' })
      .min(1, '至少填写一项目标')
      .max(20, '目标最多 20 项'),
    startDate: calendarDate,
    endDate: calendarDate,
  })
  .refine((p) => p.endDate >= p.startDate, {
    message: '结束日期不能早于开始日期',
    path: ['endDate'],
  });
export type HelpPlanInput = z.input<typeof helpPlanInput>;
export type HelpPlan = z.output<typeof helpPlanInput>;

export const helpProposalInput = z.object({
  memberId: id,
  residentId: id,
  note: line('提名说明', 500).default(''),
});
export type HelpProposalInput = z.input<typeof helpProposalInput>;
export type HelpProposal = z.output<typeof helpProposalInput>;

export const helpRecordInput = z
  .object({
    kind: z.enum(helpKinds, { message: '请选择帮扶类别' }),
    date: calendarDate,
    text: paragraph('帮扶内容', 2000).refine((s) => s.length > 0, '请填写帮扶内容'),
    amount: yuanAmount.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    const needs = helpKindsWithAmount.includes(r.kind);
    if (needs && r.amount === null)
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: '资金、销售类帮扶须填写金额（元）',
      });
    if (!needs && r.amount !== null)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: '只有资金、销售类帮扶填写金额' });
  });
export type HelpRecordInput = z.input<typeof helpRecordInput>;
export type HelpRecordFields = z.output<typeof helpRecordInput>;

/** Income in whole yuan a year, 0 … 100,000,000. */
const yearlyIncome = (label: string) =>
  z
    .number({ error: `请填写${label}（元/年）` })
    .int(`${label}以元为单位，须为整数`)
    .min(0, `${label}不能为负数`)
    .max(100_000_000, `${label}过大`);

/** The outcome a pair ends with (R-INCOME: income before and after, out of difficulty or not). */
export const helpOutcomeInput = z.object({
  incomeBefore: yearlyIncome('帮扶前收入'),
  incomeAfter: yearlyIncome('帮扶后收入'),
  outOfDifficulty: z.boolean({ error: '请选择是否脱困' }),
  concludedOn: calendarDate,
  summary: paragraph('帮扶总结', 2000).default(''),
});
export type HelpOutcomeInput = z.input<typeof helpOutcomeInput>;
export type HelpOutcome = z.output<typeof helpOutcomeInput>;

export const helpWithdrawInput = z.object({
  reason: requiredLine('撤销理由', 200),
});

export const helpPhoto = z.object({
  id: z.number(),
  mime: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  takenAt: z.string().nullable(),
});
export type HelpPhoto = z.infer<typeof helpPhoto>;

/** Who entered a record: the cadre himself, the unit's side or the village's side. */
export const helpRecorderSides = ['cadre', 'urban', 'rural'] as const;

export const helpRecordView = z.object({
  id: z.number(),
  helpPairId: z.number(),
  kind: z.enum(helpKinds),
  date: z.string(),
  text: z.string(),
  amount: z.number().nullable(),
  /** The cadre the help is his (the pair's cadre when it was recorded). */
  cadreId: z.number(),
  recordedBy: z.string(),
  recordedAs: z.enum(helpRecorderSides),
  recordedAt: z.string(),
  photos: z.array(helpPhoto),
  abilities: abilities(['attach'] as const),
});
export type HelpRecordView = z.infer<typeof helpRecordView>;

const orgRef = z.object({ id: z.number(), name: z.string() });

/** A pair as every list and write answers it; the people masked (personSummary). */
export const helpPairView = z.object({
  id: z.number(),
  pairingId: z.number(),
  urbanOrg: orgRef,
  ruralOrg: orgRef,
  state: z.enum(helpPairStates),
  member: personSummary,
  resident: personSummary,
  cadre: personSummary.nullable(),
  note: z.string(),
  plan: helpPlanInput.nullable(),
  outcome: helpOutcomeInput.nullable(),
  withdrawReason: z.string().nullable(),
  records: z.number(),
  proposedAt: z.string(),
  assignedAt: z.string().nullable(),
  abilities: abilities(helpPairActions),
});
export type HelpPairView = z.infer<typeof helpPairView>;

export const helpPairDetail = helpPairView.extend({ helpRecords: z.array(helpRecordView) });
export type HelpPairDetail = z.infer<typeof helpPairDetail>;

/** Coverage counts (R-ONE-PLUS-TWO): of a pairing, a unit, or the caller's whole scope. */
export const helpCoverage = z.object({
  /** The unit's in-service cadres (tag inServiceCadre, home organization in the unit). */
  cadres: z.number(),
  /** Cadres in an assigned or concluded pair. */
  cadresPaired: z.number(),
  /** Pairs awaiting a cadre. */
  proposed: z.number(),
  /** Assigned or concluded pairs. */
  pairs: z.number(),
  plansMade: z.number(),
  targets: z.number(),
  targetsMet: z.number(),
  concluded: z.number(),
  outOfDifficulty: z.number(),
});
export type HelpCoverage = z.infer<typeof helpCoverage>;

export const pairingHelpOverview = z.object({
  pairingId: z.number(),
  urbanOrg: orgRef,
  ruralOrg: orgRef,
  coverage: helpCoverage,
  abilities: abilities(['propose', 'assign'] as const),
});
export type PairingHelpOverview = z.infer<typeof pairingHelpOverview>;

export const unitHelpCoverage = helpCoverage.extend({ unit: orgRef, pairings: z.number() });
export type UnitHelpCoverage = z.infer<typeof unitHelpCoverage>;

export const helpCoverageReport = z.object({
  totals: helpCoverage,
  units: paged(unitHelpCoverage),
});
export type HelpCoverageReport = z.infer<typeof helpCoverageReport>;

export const helpCandidateRoles = ['member', 'resident', 'cadre'] as const;
export type HelpCandidateRole = (typeof helpCandidateRoles)[number];

const tags = ['helpPairs'];
const pair = helpPairView;

export const helpPairsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/help-pairs',
    tags,
    summary: '"1+2" 结对帮带列表（本辖区；党员只见本人结对）',
    query: z.object({
      pairingId: id.optional(),
      state: z.enum(helpPairStates, { message: '状态不正确' }).optional(),
      ...pageQuery,
    }),
    response: { 200: paged(pair) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/help-pairs/:id',
    tags,
    summary: '结对帮带详情：方案、帮扶记录、成效',
    params: idParams,
    response: { 200: helpPairDetail },
  }),
  overview: defineRoute({
    method: 'GET',
    path: '/pairings/:id/help-pairs',
    tags,
    summary: '结对的 "1+2" 覆盖情况',
    params: idParams,
    response: { 200: pairingHelpOverview },
  }),
  candidates: defineRoute({
    method: 'GET',
    path: '/pairings/:id/help-candidates',
    tags,
    summary: '可提名的困难党员、困难群众（村），可安排的在职干部（单位）',
    params: idParams,
    query: z.object({
      role: z.enum(helpCandidateRoles, { message: '请选择人员类别' }),
      q: z.string().trim().max(50, '搜索词不超过 50 字').optional(),
    }),
    response: { 200: z.object({ items: z.array(personSummary) }) },
  }),
  propose: defineRoute({
    method: 'POST',
    path: '/pairings/:id/help-pairs',
    tags,
    summary: '村提名困难党员和困难群众各 1 名',
    params: idParams,
    body: helpProposalInput,
    idempotent: true,
    response: { 201: pair },
  }),
  assign: defineRoute({
    method: 'PUT',
    path: '/help-pairs/:id/cadre',
    tags,
    summary: '单位安排在职干部结对',
    params: idParams,
    body: z.object({ cadreId: id }),
    response: { 200: pair },
  }),
  plan: defineRoute({
    method: 'PUT',
    path: '/help-pairs/:id/plan',
    tags,
    summary: '脱困致富方案（措施、目标、日期）',
    params: idParams,
    body: helpPlanInput,
    response: { 200: pair },
  }),
  record: defineRoute({
    method: 'POST',
    path: '/help-pairs/:id/records',
    tags,
    summary: '记录一次帮扶（政策、技术、信息、资金、销售）',
    params: idParams,
    body: helpRecordInput,
    idempotent: true,
    response: { 201: helpRecordView },
  }),
  attachPhoto: defineRoute({
    method: 'POST',
    path: '/help-records/:id/photos',
    tags,
    summary: '为帮扶记录添加照片（multipart 字段 file，每次一个文件）',
    params: idParams,
    consumes: ['multipart/form-data'],
    idempotent: true,
    response: { 201: helpPhoto },
  }),
  photo: defineRoute({
    method: 'GET',
    path: '/help-photos/:id',
    tags,
    summary: '帮扶记录的照片',
    params: idParams,
  }),
  photoThumb: defineRoute({
    method: 'GET',
    path: '/help-photos/:id/thumb',
    tags,
    summary: '帮扶记录照片的缩略图',
    params: idParams,
  }),
  conclude: defineRoute({
    method: 'POST',
    path: '/help-pairs/:id/conclude',
    tags,
    summary: '结束帮带并登记成效（帮扶前后收入、是否脱困）',
    params: idParams,
    body: helpOutcomeInput,
    response: { 200: pair },
  }),
  withdraw: defineRoute({
    method: 'POST',
    path: '/help-pairs/:id/withdraw',
    tags,
    summary: '撤销提名或结对',
    params: idParams,
    body: helpWithdrawInput,
    response: { 200: pair },
  }),
  coverage: defineRoute({
    method: 'GET',
    path: '/help-pairs/coverage',
    tags,
    summary: '"1+2" 覆盖情况：按单位汇总（本辖区）',
    query: z.object({ under: id.optional(), ...pageQuery }),
    response: { 200: helpCoverageReport },
  }),
};
