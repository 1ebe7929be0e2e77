import { z } from 'zod';
import { needCategories, resourceCategories, roundStates } from '../pairing-round.ts';
import { orgKinds } from '../roles.ts';
import { directoryPage, directoryQuery } from './directory.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';
import { paragraph } from './text.ts';

/** A calendar date as `YYYY-MM-DD`, and a real one (no 2 月 30 日). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '日期不存在',
  );

const roundFields = {
  name: z.string().trim().min(1, '请填写轮次名称').max(100, '名称不超过 100 字'),
  periodStart: day,
  periodEnd: day,
  policyPackId: z.string().trim().min(1).max(40).optional(),
  intentionDeadline: day.optional(),
  signingDeadline: day.optional(),
  termEnd: day.optional(),
  villageCap: z
    .number()
    .int('应为整数')
    .min(1, '每村结对单位上限至少为 1')
    .max(20, '每村结对单位上限不超过 20')
    .optional(),
  previousRoundId: id.nullable().optional(),
};

/** The body of `POST /api/rounds`; omitted deadlines take the policy's dates (docs/rounds.md). */
export const roundInput = z.object(roundFields);
export type RoundInput = z.infer<typeof roundInput>;

/** The body of `PATCH /api/rounds/:id`: any of the fields, nothing else. */
export const roundPatch = roundInput.partial().strict();

/** A pairing round as the rounds routes and the public round list answer it. */
export const roundView = z.object({
  id: z.number(),
  orgId: z.number(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  policyPackId: z.string(),
  intentionDeadline: z.string(),
  signingDeadline: z.string(),
  termEnd: z.string(),
  villageCap: z.number(),
  previousRoundId: z.number().nullable(),
  state: z.enum(roundStates),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RoundView = z.infer<typeof roundView>;

/**
 * What the caller may do with a round (the rounds policy): `manage` rounds at all, `update` it
 * (not once closed), `advance` it to its next phase, `setQuotas` (until it is in force), read its
 * quotas and its uncovered places, and edit needs or resources lists (until signing starts).
 */
export const roundActions = [
  'manage',
  'update',
  'advance',
  'setQuotas',
  'readQuotas',
  'readUncovered',
  'editNeeds',
  'editResources',
] as const;
export type RoundAbility = (typeof roundActions)[number];

/** A round as a signed-in caller reads it, with the caller's abilities on it. */
export const roundWithAbilities = roundView.extend({ abilities: abilities(roundActions) });
export type RoundWithAbilities = z.infer<typeof roundWithAbilities>;

export const roundReply = z.object({ round: roundWithAbilities });
export const roundList = z.object({ items: z.array(roundWithAbilities) });
/** The public round picker's list: no caller, no abilities. */
export const publicRoundList = z.object({ items: z.array(roundView) });

const quotaCounts = {
  towns: z.number(),
  villages: z.number(),
  weakVillages: z.number(),
};

/** A 任务建议书 (R-QUOTA) as `PUT /api/rounds/:id/quotas` saved it. */
export const quotaRecord = z.object({
  id: z.number(),
  roundId: z.number(),
  orgId: z.number(),
  ...quotaCounts,
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QuotaRecord = z.infer<typeof quotaRecord>;

export const quotaReply = z.object({ quota: quotaRecord });

/** A quota in `GET /api/rounds/:id/quotas`, with the org and how far its units have got. */
export const quotaView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.enum(orgKinds),
  ...quotaCounts,
  note: z.string().nullable(),
  /** Distinct rural orgs the org's units have paired with (accepted intentions) so far. */
  progress: z.object(quotaCounts),
});
export type QuotaView = z.infer<typeof quotaView>;

export const quotaList = z.object({ items: z.array(quotaView) });

/** One item of an org's 需求清单 or 资源清单 (`GET` and `PUT /api/rounds/:id/orgs/:orgId/needs`, `…/resources`). */
export const listItemView = z.object({
  id: z.number(),
  category: z.string(),
  note: z.string().nullable(),
  amount: z.number().nullable(),
});
export type ListItemView = z.infer<typeof listItemView>;

export const listItemList = z.object({ items: z.array(listItemView) });

const count = z.number().int('应为整数').min(0, '不能为负数').max(100_000, '数值过大');

/** The body of `PUT /api/rounds/:id/quotas` (R-QUOTA). */
export const quotaInput = z
  .object({
    orgId: id,
    towns: count,
    villages: count,
    weakVillages: count,
    note: z.string().trim().max(1000, '说明不超过 1000 字').nullable().optional(),
  })
  .refine((b) => b.weakVillages <= b.villages, {
    message: '薄弱村数不能超过村数',
    path: ['weakVillages'],
  });
export type QuotaInput = z.infer<typeof quotaInput>;

/**
 * The fields of one list item as a person types them; the form checks each with these, so it
 * refuses what the server refuses, with the same words, instead of clamping or cutting.
 */
export const listItemFields = {
  note: paragraph('说明', 500).nullable().optional(),
  amount: z
    .number({ error: '金额应为数字（元）' })
    .int('金额应为整数（元）')
    .min(0, '金额不能为负数')
    .max(1e12, '金额过大')
    .nullable()
    .optional(),
};

/** The body that replaces an org's whole 需求清单 or 资源清单. */
const listBody = (categories: readonly string[]) =>
  z.object({
    items: z
      .array(
        z.object({
          category: z.enum(categories as [string, ...string[]], {
            message: `类别应为：${categories.join('、')}`,
          }),
          ...listItemFields,
        }),
      )
      .max(30, '清单不超过 30 项'),
  });
export type ListInput = z.infer<ReturnType<typeof listBody>>;

const tags = ['rounds'];
const orgListParams = z.object({ id, orgId: id });

export const roundsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/rounds',
    tags,
    summary: '结对轮次列表',
    response: { 200: roundList },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/rounds',
    tags,
    summary: '新建结对轮次',
    body: roundInput,
    response: { 201: roundReply },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/rounds/:id',
    tags,
    summary: '结对轮次详情',
    params: idParams,
    response: { 200: roundReply },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/rounds/:id',
    tags,
    summary: '修改结对轮次',
    params: idParams,
    body: roundPatch,
    response: { 200: roundReply },
  }),
  transition: defineRoute({
    method: 'POST',
    path: '/rounds/:id/transitions',
    tags,
    summary: '变更轮次状态',
    params: idParams,
    body: z.object({
      to: z.enum(roundStates, { message: `状态应为：${roundStates.join('、')}` }),
    }),
    response: { 200: roundReply },
  }),
  quotas: defineRoute({
    method: 'GET',
    path: '/rounds/:id/quotas',
    tags,
    summary: '任务建议书列表',
    params: idParams,
    response: { 200: quotaList },
  }),
  setQuota: defineRoute({
    method: 'PUT',
    path: '/rounds/:id/quotas',
    tags,
    summary: '下达（或调整）任务建议书',
    params: idParams,
    body: quotaInput,
    response: { 200: quotaReply },
  }),
  quotaLetter: defineRoute({
    method: 'GET',
    path: '/rounds/:id/quotas/:quotaId/letter.docx',
    tags,
    summary: '下载任务建议书（Word）',
    params: z.object({ id, quotaId: id }),
  }),
  needs: defineRoute({
    method: 'GET',
    path: '/rounds/:id/orgs/:orgId/needs',
    tags,
    summary: '需求清单',
    params: orgListParams,
    response: { 200: listItemList },
  }),
  replaceNeeds: defineRoute({
    method: 'PUT',
    path: '/rounds/:id/orgs/:orgId/needs',
    tags,
    summary: '发布（替换）需求清单',
    params: orgListParams,
    body: listBody(needCategories),
    response: { 200: listItemList },
  }),
  resources: defineRoute({
    method: 'GET',
    path: '/rounds/:id/orgs/:orgId/resources',
    tags,
    summary: '资源清单',
    params: orgListParams,
    response: { 200: listItemList },
  }),
  replaceResources: defineRoute({
    method: 'PUT',
    path: '/rounds/:id/orgs/:orgId/resources',
    tags,
    summary: '发布（替换）资源清单',
    params: orgListParams,
    body: listBody(resourceCategories),
    response: { 200: listItemList },
  }),
  listPublic: defineRoute({
    method: 'GET',
    path: '/public/rounds',
    tags: ['public'],
    summary: '公开的结对轮次（无需登录，草稿除外）',
    response: { 200: publicRoundList },
  }),
  directory: defineRoute({
    method: 'GET',
    path: '/public/rounds/:id/directory',
    tags: ['public'],
    summary: '公开名录（无需登录）',
    params: idParams,
    query: directoryQuery,
    response: { 200: directoryPage },
  }),
};
