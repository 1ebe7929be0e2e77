import { z } from 'zod';
import { needCategories } from '../pairing-round.ts';
import { paged } from './page.ts';
import { defineRoute, id, idParams } from './route.ts';
import { line } from './text.ts';

const trueOrFalse = z
  .enum(['true', 'false'], { message: '应为 true 或 false' })
  .transform((v) => v === 'true')
  .optional();

/**
 * The filters of a round's 名录 (S1 §8): the public one (`GET /api/public/rounds/:id/directory`)
 * and the one a unit chooses from (`GET /api/rounds/:id/targets`). `town` keeps the town and the
 * villages under it.
 */
export const directoryQuery = z.object({
  district: id.optional(),
  town: id.optional(),
  kind: z.enum(['village', 'town'], { message: '类型应为 village 或 town' }).optional(),
  weak: trueOrFalse,
  need: z
    .enum(needCategories, { message: `需求类别应为：${needCategories.join('、')}` })
    .optional(),
  uncovered: trueOrFalse,
  q: line('关键词', 50).optional(),
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(10_000, '页码过大').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页不超过 200 条').default(50),
});
export type DirectoryQuery = z.output<typeof directoryQuery>;

const targetFields = {
  id: z.number(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.enum(['village', 'town']),
  weakVillage: z.boolean(),
  townName: z.string().nullable(),
  districtId: z.number().nullable(),
  districtName: z.string().nullable(),
  /** Places held by pending or accepted intentions, against the round's per-village cap. */
  taken: z.number(),
  cap: z.number(),
  covered: z.boolean(),
  /** The units an accepted intention of this round pairs with it (names of organizations only). */
  pairedUnits: z.array(z.string()),
};

/**
 * One rural target of a round's public directory (no sign-in): the town or village, weak or not,
 * its need categories and who it is paired with — what S1 §8 publishes, no person's data.
 */
export const directoryEntry = z.object({ ...targetFields, needs: z.array(z.string()) });
export type DirectoryEntry = z.infer<typeof directoryEntry>;

export const directoryPage = paged(directoryEntry);

/** One item of a village's or town's 需求清单, in full. */
export const needItem = z.object({
  category: z.string(),
  note: z.string().nullable(),
  amount: z.number().nullable(),
});
export type NeedItem = z.infer<typeof needItem>;

/** A rural target as a signed-in unit chooses it: each need with its description and amount. */
export const targetEntry = z.object({ ...targetFields, needs: z.array(needItem) });
export type TargetEntry = z.infer<typeof targetEntry>;

export const targetPage = paged(targetEntry);

/** The districts of a round's 名录 and their towns, for the district and town filters. */
export const directoryAreas = z.object({
  districts: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      towns: z.array(z.object({ id: z.number(), name: z.string() })),
    }),
  ),
});
export type DirectoryAreas = z.infer<typeof directoryAreas>;

export const directoryApi = {
  targets: defineRoute({
    method: 'GET',
    path: '/rounds/:id/targets',
    tags: ['rounds'],
    summary: '可选择的村和乡镇（含完整需求清单）',
    params: idParams,
    query: directoryQuery,
    response: { 200: targetPage },
  }),
  areas: defineRoute({
    method: 'GET',
    path: '/public/rounds/:id/directory/areas',
    tags: ['public'],
    summary: '名录中的区县和乡镇（无需登录）',
    params: idParams,
    response: { 200: directoryAreas },
  }),
};
