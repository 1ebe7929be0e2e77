import { resourceTags, unitTypes } from '@pairing/shared';
import { z } from 'zod';
import { phonePattern } from './phone.ts';

/** The editable fields of an urban unit; the form, the API and the Excel import share them. */
export const unitFields = z.object({
  name: z.string().trim().min(1, '请填写单位名称').max(100, '单位名称不超过 100 字'),
  unitType: z.enum(unitTypes, { message: `单位类型须为：${unitTypes.join('、')}` }),
  capacity: z
    .number({ message: '结对容量须为整数' })
    .int('结对容量须为整数')
    .min(1, '结对容量至少为 1')
    .max(50, '结对容量不超过 50'),
  yearlyBudget: z
    .number({ message: '年度帮扶预算须为整数（元）' })
    .int('年度帮扶预算须为整数（元）')
    .min(0, '年度帮扶预算不能为负')
    .max(10_000_000_000, '年度帮扶预算过大'),
  resourceTags: z
    .array(z.enum(resourceTags, { message: `资源标签须为：${resourceTags.join('、')}` }))
    .max(resourceTags.length)
    .refine((tags) => new Set(tags).size === tags.length, '资源标签重复'),
  addressDistrictId: z.number().int().positive('请选择所在区'),
  contactName: z.string().trim().min(1, '请填写联系人').max(50, '联系人不超过 50 字'),
  contactPhone: z.string().trim().regex(phonePattern, '联系电话须为 11 位手机号或带区号的固定电话'),
});
export type UnitFields = z.infer<typeof unitFields>;
