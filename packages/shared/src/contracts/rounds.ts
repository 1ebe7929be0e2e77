import { z } from 'zod';
import { roundStates } from '../pairing-round.ts';
import { orgKinds } from '../roles.ts';

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
  previousRoundId: z.coerce
    .number()
    .int('编号应为整数')
    .positive('编号应为正整数')
    .max(Number.MAX_SAFE_INTEGER)
    .nullable()
    .optional(),
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

export const roundReply = z.object({ round: roundView });
export const roundList = z.object({ items: z.array(roundView) });

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
