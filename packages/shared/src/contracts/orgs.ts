import { z } from 'zod';
import { districtClasses, orgKinds, resourceTags, unitTypes } from '../roles.ts';
import { pageQuery, paged } from './page.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';

/** One row of the directory list (`GET /api/orgs`); the contact phone is masked. */
export const orgRow = z.object({
  id: z.number(),
  kind: z.enum(orgKinds),
  code: z.string().nullable(),
  name: z.string(),
  parentId: z.number().nullable(),
  districtClass: z.enum(districtClasses).nullable(),
  districtId: z.number().nullable(),
  districtName: z.string().nullable(),
  townName: z.string().nullable(),
  weakVillage: z.boolean(),
  covered: z.boolean(),
  unitType: z.string().nullable(),
  capacity: z.number().nullable(),
  yearlyBudget: z.number().nullable(),
  resourceTags: z.array(z.string()),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type OrgRow = z.infer<typeof orgRow>;

export const orgList = paged(orgRow);

/** Mobile (11 digits) or a landline with area code, as people write them in a form or a sheet. */
export const phonePattern = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * The words of a unit's fields: the import template's headers, the screens and the messages all
 * say these (the seed's and the circulars' 单位类别, 可结对数量, 帮扶资金).
 */
export const unitFieldWords = {
  unitType: '单位类别',
  capacity: '可结对数量',
  yearlyBudget: '年度帮扶资金',
} as const;
const w = unitFieldWords;

/** The editable fields of an urban unit; the form, the API and the Excel import share them. */
export const unitFields = z.object({
  name: z.string().trim().min(1, '请填写单位名称').max(100, '单位名称不超过 100 字'),
  unitType: z.enum(unitTypes, { message: `${w.unitType}须为：${unitTypes.join('、')}` }),
  capacity: z
    .number({ message: `${w.capacity}须为整数` })
    .int(`${w.capacity}须为整数`)
    .min(1, `${w.capacity}至少为 1`)
    .max(50, `${w.capacity}不超过 50`),
  yearlyBudget: z
    .number({ message: `${w.yearlyBudget}须为整数（元）` })
    .int(`${w.yearlyBudget}须为整数（元）`)
    .min(0, `${w.yearlyBudget}不能为负`)
    .max(10_000_000_000, `${w.yearlyBudget}过大`),
  resourceTags: z
    .array(z.enum(resourceTags, { message: `资源标签须为：${resourceTags.join('、')}` }))
    .max(resourceTags.length)
    .refine((tags) => new Set(tags).size === tags.length, '资源标签重复'),
  addressDistrictId: z.number().int().positive('请选择所在区'),
  contactName: z.string().trim().min(1, '请填写联系人').max(50, '联系人不超过 50 字'),
  contactPhone: z.string().trim().regex(phonePattern, '联系电话须为 11 位手机号或带区号的固定电话'),
});
export type UnitFields = z.infer<typeof unitFields>;

/**
 * What the caller may do with one presented org: `update` (mark a weak village, edit an urban
 * unit), `createUnit` (hang a new urban unit under it).
 */
export const orgActions = ['update', 'createUnit'] as const;

/** One org as its detail, a change or a creation answers it. */
export const orgView = z.object({
  id: z.number(),
  kind: z.enum(orgKinds),
  code: z.string().nullable(),
  name: z.string(),
  parentId: z.number().nullable(),
  path: z.string(),
  depth: z.number(),
  provinceCode: z.string(),
  districtClass: z.enum(districtClasses).nullable(),
  weakVillage: z.boolean(),
  unitType: z.string().nullable(),
  capacity: z.number().nullable(),
  yearlyBudget: z.number().nullable(),
  resourceTags: z.array(z.string()),
  addressDistrictId: z.number().nullable(),
  contactName: z.string().nullable(),
  /** Full for the admins of its scope and the unit's own admin, masked for everyone else. */
  contactPhone: z.string().nullable(),
  abilities: abilities(orgActions),
});
export type OrgView = z.infer<typeof orgView>;

/** `GET /api/orgs/:id`: the org with its breadcrumb and the number of descendants by kind. */
export const orgDetail = orgView.extend({
  covered: z.boolean(),
  addressDistrictName: z.string().nullable(),
  ancestors: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(orgKinds) })),
  childCounts: z.record(z.string(), z.number()),
});
export type OrgDetail = z.infer<typeof orgDetail>;

/** One node of the lazily loaded org tree. */
export const orgTreeNode = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(orgKinds),
  code: z.string().nullable(),
  weakVillage: z.boolean(),
  childCount: z.number(),
  hasChildren: z.boolean(),
});
export type OrgTreeNode = z.infer<typeof orgTreeNode>;

const flag = z
  .enum(['true', 'false'], { message: '应为 true 或 false' })
  .transform((v) => v === 'true');

export const orgsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/orgs',
    tags: ['orgs'],
    summary: '组织名录（分页、筛选）',
    query: z.object({
      q: z.string().trim().max(50, '搜索词不超过 50 字').optional(),
      kind: z.enum(orgKinds, { message: '组织类型不正确' }).optional(),
      districtId: id.optional(),
      townId: id.optional(),
      weak: flag.optional(),
      covered: flag.optional(),
      unitType: z.enum(unitTypes, { message: `${w.unitType}不正确` }).optional(),
      parentId: id.optional(),
      /** Anywhere below this org (a search limited to a tree node), the org itself excluded. */
      under: id.optional(),
      ...pageQuery,
    }),
    response: { 200: orgList },
  }),
  tree: defineRoute({
    method: 'GET',
    path: '/orgs/tree',
    tags: ['orgs'],
    summary: '组织树（按需加载下级）',
    query: z.object({ parentId: id.optional() }),
    response: { 200: z.object({ items: z.array(orgTreeNode) }) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/orgs/:id',
    tags: ['orgs'],
    summary: '组织详情',
    params: idParams,
    response: { 200: z.object({ org: orgDetail }) },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/orgs/:id',
    tags: ['orgs'],
    summary: '修改组织（经济薄弱村标记、城市单位信息）',
    params: idParams,
    body: unitFields
      .partial()
      .extend({ weakVillage: z.boolean({ message: '应为是或否' }).optional() })
      .strict(),
    response: { 200: z.object({ org: orgView }) },
  }),
  createUnit: defineRoute({
    method: 'POST',
    path: '/orgs/units',
    tags: ['orgs'],
    summary: '新建城市单位',
    body: unitFields.extend({ parentId: id }),
    response: { 201: z.object({ org: orgView }) },
  }),
};

/** One pair of the 对口帮扶 table (S1 附表): a helping district and a helped one. */
export const districtPair = z.object({
  urbanDistrictId: z.number(),
  urbanDistrictName: z.string(),
  urbanDistrictClass: z.enum(districtClasses).nullable(),
  ruralDistrictId: z.number(),
  ruralDistrictName: z.string(),
  ruralDistrictClass: z.enum(districtClasses).nullable(),
});
export type DistrictPair = z.infer<typeof districtPair>;

export const districtPairList = z.object({ items: z.array(districtPair) });

export const districtPairsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/district-pairs',
    tags: ['orgs'],
    summary: '对口帮扶表',
    response: { 200: districtPairList },
  }),
  replace: defineRoute({
    method: 'PUT',
    path: '/district-pairs',
    tags: ['orgs'],
    summary: '修改对口帮扶表',
    body: z.object({
      pairs: z
        .array(z.object({ urbanDistrictId: id, ruralDistrictId: id }))
        .max(500, '结对不超过 500 条'),
    }),
    response: { 200: districtPairList },
  }),
};
