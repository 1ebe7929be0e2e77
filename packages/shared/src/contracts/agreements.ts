import { z } from 'zod';
import { paged, pageQuery } from './page.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';

export const agreementSides = ['urban', 'rural'] as const;
export type AgreementSide = (typeof agreementSides)[number];

const year = z
  .number({ error: '请填写年份' })
  .int('年份须为整数')
  .min(2000, '年份不在协议期内')
  .max(2100, '年份不在协议期内');
const yuan = z
  .number({ error: '请填写金额（元）' })
  .int('金额以元为单位，须为整数')
  .min(0, '金额不能为负数')
  .max(1_000_000_000, '金额过大');

const contactInput = z.object({
  name: z.string().trim().max(40, '姓名过长'),
  title: z.string().trim().max(40, '职务过长'),
  phone: z
    .string()
    .trim()
    .regex(/^$|^[0-9+\-() ]{5,20}$/, '电话号码格式不正确'),
});

// R-PROJECT: 看得见、摸得着、有实效、可检查评估 — the indicator says what is checked on acceptance.
const indicatorInput = z.object({
  description: z.string().trim().min(1, '请填写验收指标').max(200, '验收指标过长'),
  quantity: z.number({ error: '请填写指标数量' }).positive('指标数量须大于 0').max(1e9),
  unit: z.string().trim().min(1, '请填写指标单位').max(20, '单位过长'),
});

const projectInput = z.object({
  title: z.string().trim().min(1, '请填写项目名称').max(100, '项目名称过长'),
  target: z.string().trim().min(1, '请填写项目目标').max(500, '项目目标过长'),
  budget: yuan,
  year,
  indicator: indicatorInput.nullable(),
});

/** The negotiated text as a side saves it (`PUT /api/agreements/:id`, field `content`). */
export const agreementContentInput = z.object({
  commitments: z
    .array(
      z.object({
        side: z.enum(agreementSides, { error: '承诺方须为甲方或乙方' }),
        text: z.string().trim().min(1, '承诺内容不能为空').max(500, '承诺内容过长'),
      }),
    )
    .max(50, '承诺事项过多'),
  projects: z.array(projectInput).max(50, '项目过多'),
  yearlyFunds: z
    .array(z.object({ year, amount: yuan }))
    .max(20, '年度过多')
    .refine((rows) => new Set(rows.map((r) => r.year)).size === rows.length, '年份不能重复'),
  visitPlan: z
    .array(
      z.object({
        year,
        leadVisits: z.number().int('走访次数须为整数').min(0, '走访次数不能为负数').max(366),
        note: z.string().trim().max(500, '说明过长'),
      }),
    )
    .max(20, '年度过多'),
  contacts: z.object({ urban: contactInput, rural: contactInput }),
});

const indicator = z.object({ description: z.string(), quantity: z.number(), unit: z.string() });
export type ProjectIndicator = z.infer<typeof indicator>;

const contact = z.object({ name: z.string(), title: z.string(), phone: z.string() });

/**
 * The text as the server answers it. Shape only, without the input rules: answers carry masked
 * phones and template drafts filled from org records, which those rules would refuse.
 */
export const agreementContent = z.object({
  commitments: z.array(z.object({ side: z.enum(agreementSides), text: z.string() })),
  projects: z.array(
    z.object({
      title: z.string(),
      target: z.string(),
      budget: z.number(),
      year: z.number(),
      indicator: indicator.nullable(),
    }),
  ),
  yearlyFunds: z.array(z.object({ year: z.number(), amount: z.number() })),
  visitPlan: z.array(z.object({ year: z.number(), leadVisits: z.number(), note: z.string() })),
  contacts: z.object({ urban: contact, rural: contact }),
});
export type AgreementContent = z.infer<typeof agreementContent>;

const urbanParty = z.object({ id: z.number(), name: z.string() });
const ruralParty = urbanParty.extend({ weakVillage: z.boolean() });

/** One side's signature on the current version; null until that side signs. */
const agreementSignature = z.object({ at: z.string(), name: z.string() }).nullable();
export type AgreementSignature = z.infer<typeof agreementSignature>;

/**
 * What the caller may do with an agreement (the server's agreements policy): edit the text and
 * hand it over while holding the pen, sign the current version, propose an amendment once signed.
 */
export const agreementActions = ['edit', 'handOver', 'sign', 'amend'] as const;
export type AgreementAbility = (typeof agreementActions)[number];

/** An agreement in the list (`GET /api/agreements`); `mySide` is null for readers above both. */
export const agreementSummary = z.object({
  id: z.number(),
  roundId: z.number(),
  intentionId: z.number(),
  amendsId: z.number().nullable(),
  packId: z.string(),
  /** `lapsed`: left unsigned when the round entered 帮扶实施; `closedReason` says why. */
  status: z.enum(['draft', 'signed', 'lapsed']),
  closedReason: z.string().nullable(),
  pen: z.enum(agreementSides),
  version: z.number(),
  mySide: z.enum(agreementSides).nullable(),
  urbanOrg: urbanParty,
  ruralOrg: ruralParty,
  termStart: z.string(),
  termEnd: z.string(),
  urbanSignature: agreementSignature,
  ruralSignature: agreementSignature,
  signedAt: z.string().nullable(),
  updatedAt: z.string(),
  abilities: abilities(agreementActions),
});
export type AgreementSummary = z.infer<typeof agreementSummary>;

export const agreementPage = paged(agreementSummary);

/** A signing condition the current text does not meet yet; `year` only for yearly rules. */
const signingIssue = z.object({
  ruleId: z.string(),
  path: z.string(),
  required: z.number(),
  actual: z.number(),
  year: z.number().optional(),
});
export type SigningIssue = z.infer<typeof signingIssue>;

/** One agreement with its text, as its read and every write on it answer. */
export const agreementView = agreementSummary.extend({
  content: agreementContent,
  signingIssues: z.array(signingIssue),
});
export type AgreementView = z.infer<typeof agreementView>;

/** A saved version; the first comes from the template, so no side wrote it. */
const agreementVersion = z.object({
  version: z.number(),
  side: z.enum(agreementSides).nullable(),
  content: agreementContent,
  editedBy: z.string().nullable(),
  editedAt: z.string(),
});
export type AgreementVersion = z.infer<typeof agreementVersion>;

export const agreementVersionList = z.object({ items: z.array(agreementVersion) });

/** One field-level difference; `path` is dotted, e.g. `projects.0.budget`. */
const contentChange = z.object({
  type: z.enum(['added', 'removed', 'changed']),
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type ContentChange = z.infer<typeof contentChange>;

export const agreementDiff = z.object({
  from: z.number(),
  to: z.number(),
  changes: z.array(contentChange),
});
export type AgreementDiff = z.infer<typeof agreementDiff>;

/** 公开承诺 of a signed agreement (no sign-in): the commitments and plans, no contacts. */
export const publicCommitmentView = z.object({
  id: z.number(),
  roundId: z.number(),
  amendsId: z.number().nullable(),
  urbanOrg: urbanParty,
  ruralOrg: ruralParty,
  termStart: z.string(),
  termEnd: z.string(),
  signedAt: z.string(),
  commitments: agreementContent.shape.commitments,
  projects: agreementContent.shape.projects,
  yearlyFunds: agreementContent.shape.yearlyFunds,
  visitPlan: agreementContent.shape.visitPlan,
});
export type PublicCommitment = z.infer<typeof publicCommitmentView>;

const version = z
  .number({ error: '请提供所编辑的版本号' })
  .int('版本号须为整数')
  .positive('版本号须为正整数');
const versionQuery = z.coerce
  .number()
  .int('版本号须为整数')
  .positive('版本号须为正整数')
  .max(1_000_000, '版本号过大');

const tags = ['agreements'];

export const agreementsApi = {
  publicCommitment: defineRoute({
    method: 'GET',
    path: '/public/agreements/:id/commitment',
    tags,
    summary: '公开承诺（已签署协议，无需登录）',
    params: idParams,
    response: { 200: publicCommitmentView },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/agreements',
    tags,
    summary: '协议列表（任一方在本人范围内）',
    query: z.object({
      roundId: id.optional(),
      status: z.enum(['draft', 'signed'], { error: '状态须为 draft 或 signed' }).optional(),
      ...pageQuery,
    }),
    response: { 200: agreementPage },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/agreements/:id',
    tags,
    summary: '协议详情',
    params: idParams,
    response: { 200: agreementView },
  }),
  save: defineRoute({
    method: 'PUT',
    path: '/agreements/:id',
    tags,
    summary: '保存协议（执笔方；携带所编辑的版本号）',
    params: idParams,
    body: z.object({ version, content: agreementContentInput }),
    response: { 200: agreementView },
  }),
  handOver: defineRoute({
    method: 'POST',
    path: '/agreements/:id/hand-over',
    tags,
    summary: '将协议交对方编辑',
    params: idParams,
    response: { 200: agreementView },
  }),
  sign: defineRoute({
    method: 'POST',
    path: '/agreements/:id/sign',
    tags,
    summary: '本方签署协议',
    params: idParams,
    body: z.object({ version }),
    response: { 200: agreementView },
  }),
  amend: defineRoute({
    method: 'POST',
    path: '/agreements/:id/amendments',
    tags,
    summary: '对已签署协议提出补充协议',
    params: idParams,
    response: { 201: agreementView },
  }),
  versions: defineRoute({
    method: 'GET',
    path: '/agreements/:id/versions',
    tags,
    summary: '协议版本',
    params: idParams,
    response: { 200: agreementVersionList },
  }),
  diff: defineRoute({
    method: 'GET',
    path: '/agreements/:id/diff',
    tags,
    summary: '两个版本之间的差异',
    params: idParams,
    query: z.object({ from: versionQuery, to: versionQuery }),
    response: { 200: agreementDiff },
  }),
  document: defineRoute({
    method: 'GET',
    path: '/agreements/:id/document.docx',
    tags,
    summary: '下载协议书（.docx）',
    params: idParams,
  }),
};
