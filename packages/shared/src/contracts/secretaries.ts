// Village Party secretaries' 双百分 assessment and pay (issue 14 item 5, R-SECRETARY-PAY, S3 §2(4)).
// The arithmetic is packages/policy's `secretary-pay.ts`; these are the routes' shapes. Pay
// amounts are whole yuan; the person travels masked like everywhere else.
import { z } from 'zod';
import { pageQuery, paged } from './page.ts';
import { personSummary } from './people.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';
import { calendarDate, line, requiredLine, yuanAmount } from './text.ts';

/** The two hundred-point sheets of "双百分": Party building, and the village's development. */
export const secretaryAssessmentParts = ['partyBuilding', 'development'] as const;
export type SecretaryAssessmentPart = (typeof secretaryAssessmentParts)[number];

export const pointsKinds = ['gain', 'loss'] as const;

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);

const percent = (label: string) => wholeNumber(label, 0, 100);

/** The pay rule's numbers, effective from a year (policy `SecretaryPayParameters`). */
export const secretaryPayParameters = z.object({
  standardPointsPerPart: wholeNumber('每项标准分', 1, 1000),
  yuanPerPoint: wholeNumber('每分金额', 0, 10_000),
  contributionAwardPercent: percent('贡献奖比例'),
  insuranceSubsidyPercent: percent('两险补贴比例'),
  oneOffMonthsPerServiceYear: wholeNumber('每任职年一次性补助月数', 0, 24),
  yearlyAllowanceMinYears: wholeNumber('定期补贴所需连续任职年限', 1, 50),
  yearlyAllowancePercent: percent('定期补贴比例'),
});
export type SecretaryPayParametersInput = z.infer<typeof secretaryPayParameters>;

export const assessmentYear = z.coerce
  .number({ error: '请填写年度' })
  .int('年度须为整数')
  .min(2000, '年度应在 2000 年至 2100 年之间')
  .max(2100, '年度应在 2000 年至 2100 年之间');

const pointsLineShape = {
  part: z.enum(secretaryAssessmentParts, { message: '请选择考核项' }),
  kind: z.enum(pointsKinds, { message: '请选择加分或扣分' }),
  points: wholeNumber('分值', 1, 100),
};

/** One line of points gained or lost, with its reason (kept with the assessment). */
export const pointsLine = z.object({ ...pointsLineShape, reason: requiredLine('加减分理由', 200) });
export type PointsLineInput = z.infer<typeof pointsLine>;

const assessmentFigures = {
  year: assessmentYear,
  incomeCreated: wholeNumber('村创收金额（元）', -1_000_000_000, 1_000_000_000),
  insurancePremiums: yuanAmount,
};

/** A year's assessment as the town enters it. */
export const assessmentInput = z.object({
  ...assessmentFigures,
  lines: z.array(pointsLine).max(100, '加减分最多 100 条'),
  note: line('备注', 500).default(''),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

/** What the live preview needs: the figures, the lines without their reasons. */
export const assessmentPreviewInput = z.object({
  ...assessmentFigures,
  lines: z.array(z.object(pointsLineShape)).max(100, '加减分最多 100 条'),
});

/** The computed pay, itemised (policy `SecretaryPay`). */
export const secretaryPay = z.object({
  year: z.number(),
  daysInOffice: z.number(),
  daysInYear: z.number(),
  scores: z.object({ partyBuilding: z.number(), development: z.number() }),
  pointsGained: z.number(),
  pointsLost: z.number(),
  baseSubsidy: z.number(),
  pointsAdjustment: z.number(),
  deductionCapped: z.boolean(),
  contributionAward: z.number(),
  insuranceSubsidy: z.number(),
  total: z.number(),
});
export type SecretaryPayView = z.infer<typeof secretaryPay>;

/** The parameters a computation used: `fromYear` null for the documents' own values. */
const parametersUsed = {
  parameters: secretaryPayParameters,
  parametersFromYear: z.number().nullable(),
};

export const assessmentView = z.object({
  id: z.number(),
  year: z.number(),
  villageId: z.number(),
  villageName: z.string(),
  lines: z.array(pointsLine),
  incomeCreated: z.number(),
  insurancePremiums: z.number(),
  note: z.string(),
  pay: secretaryPay,
  ...parametersUsed,
  assessedAt: z.string(),
  assessedBy: z.string().nullable(),
});
export type AssessmentView = z.infer<typeof assessmentView>;

const span = z.object({ years: z.number(), days: z.number() });

/** The allowance computed when the secretary left office (stored with its inputs). */
export const departureAllowanceView = z.object({
  kind: z.enum(['oneOff', 'yearly']),
  amount: z.number(),
  /** Yearly: the rest of the leaving year. */
  firstYearAmount: z.number().nullable(),
  /** One-off: the counted service in half years. */
  countedHalfYears: z.number().nullable(),
  continuousFrom: z.string(),
  continuous: span,
  cumulative: span,
  ownBaseSubsidyPerYear: z.number(),
  currentBaseSubsidyPerYear: z.number(),
  ...parametersUsed,
  /** Yearly: 30% of the base subsidy of the village's secretary in office today, if any. */
  yearlyAmountNow: z.number().nullable(),
});
export type DepartureAllowanceView = z.infer<typeof departureAllowanceView>;

export const secretaryTermView = z.object({
  id: z.number(),
  villageId: z.number(),
  villageName: z.string(),
  townName: z.string().nullable(),
  from: z.string(),
  to: z.string().nullable(),
  baseSubsidyPerYear: z.number(),
  allowance: departureAllowanceView.nullable(),
});
export type SecretaryTermView = z.infer<typeof secretaryTermView>;

export const secretaryActions = ['assess', 'endTerm', 'addTerm'] as const;

export const secretaryDetail = z.object({
  person: personSummary,
  terms: z.array(secretaryTermView),
  assessments: z.array(assessmentView),
  abilities: abilities(secretaryActions),
});
export type SecretaryDetail = z.infer<typeof secretaryDetail>;

export const secretaryListItem = z.object({
  person: personSummary,
  /** The latest term. */
  term: secretaryTermView.omit({ allowance: true }),
  serving: z.boolean(),
  /** The year's assessment, if made. */
  assessment: z.object({ id: z.number(), total: z.number() }).nullable(),
});
export type SecretaryListItem = z.infer<typeof secretaryListItem>;

export const secretaryStatuses = ['serving', 'left'] as const;

export const termInput = z.object({
  personId: id,
  villageId: id,
  from: calendarDate,
  /** A past term entered for the record (service counts); null while in office. */
  to: calendarDate.nullable().default(null),
  baseSubsidyPerYear: wholeNumber('年基础补贴（元）', 0, 1_000_000),
});
export type TermInput = z.infer<typeof termInput>;

export const endTermInput = z.object({
  to: calendarDate,
  /** True when the secretary leaves office (离任): the allowance is computed; false on re-election. */
  leaving: z.boolean({ error: '请说明是离任还是换届连任' }),
});
export type EndTermInput = z.infer<typeof endTermInput>;

export const payParametersView = z.object({
  /** The city whose parameters these are; null above any city (the documents' values). */
  cityId: z.number().nullable(),
  cityName: z.string().nullable(),
  year: z.number(),
  ...parametersUsed,
  documentParameters: secretaryPayParameters,
  /** Every year the city set, latest first. */
  history: z.array(
    z.object({ year: z.number(), parameters: secretaryPayParameters, updatedAt: z.string() }),
  ),
  abilities: abilities(['configure']),
});
export type PayParametersView = z.infer<typeof payParametersView>;

const tags = ['secretaries'];
const personParams = idParams;

export const secretariesApi = {
  list: defineRoute({
    method: 'GET',
    path: '/secretaries',
    tags,
    summary: '村党组织书记名单与年度考核情况（本辖区）',
    query: z.object({
      year: assessmentYear.optional(),
      orgId: id.optional(),
      status: z.enum(secretaryStatuses, { message: '状态不正确' }).optional(),
      ...pageQuery,
    }),
    response: { 200: paged(secretaryListItem).extend({ year: z.number() }) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/secretaries/:id',
    tags,
    summary: '村党组织书记：任期、年度考核与离任补贴（:id 为人员编号）',
    params: personParams,
    response: { 200: secretaryDetail },
  }),
  createTerm: defineRoute({
    method: 'POST',
    path: '/secretaries/terms',
    tags,
    summary: '登记村党组织书记任期',
    body: termInput,
    idempotent: true,
    response: { 201: secretaryDetail },
  }),
  endTerm: defineRoute({
    method: 'POST',
    path: '/secretaries/terms/:id/end',
    tags,
    summary: '结束任期（离任时计算离任生活补贴）',
    params: idParams,
    body: endTermInput,
    response: { 200: secretaryDetail },
  }),
  assess: defineRoute({
    method: 'POST',
    path: '/secretaries/:id/assessments',
    tags,
    summary: '录入年度“双百分”考核并计算报酬',
    params: personParams,
    body: assessmentInput,
    idempotent: true,
    response: { 201: z.object({ assessment: assessmentView }) },
  }),
  preview: defineRoute({
    method: 'POST',
    path: '/secretaries/:id/assessments/preview',
    tags,
    summary: '试算年度报酬（不保存）',
    params: personParams,
    body: assessmentPreviewInput,
    response: { 200: z.object({ pay: secretaryPay, ...parametersUsed }) },
  }),
  parameters: defineRoute({
    method: 'GET',
    path: '/secretaries/parameters',
    tags,
    summary: '村书记报酬参数（本市，按生效年度）',
    query: z.object({ year: assessmentYear.optional() }),
    response: { 200: payParametersView },
  }),
  setParameters: defineRoute({
    method: 'PUT',
    path: '/secretaries/parameters/:year',
    tags,
    summary: '设置自该年度起生效的村书记报酬参数（市级）',
    params: z.object({ year: assessmentYear }),
    body: secretaryPayParameters,
    response: { 200: payParametersView },
  }),
};
