import { unitFieldWords as words } from '@pairing/shared';

/** One column of an import template; exports write the same columns so a file re-imports. */
export type Column = {
  key: string;
  header: string;
  /** Headers of earlier templates, still read so files filled in from them import. */
  formerHeaders?: readonly string[];
  required: boolean;
  width: number;
  note?: string;
};

export const unitColumns = [
  {
    key: 'id',
    header: '编号',
    required: false,
    width: 10,
    note: '留空为新增；填写已有单位编号则更新该单位',
  },
  { key: 'name', header: '单位名称', required: true, width: 32 },
  {
    key: 'unitType',
    header: words.unitType,
    formerHeaders: ['单位类型'],
    required: true,
    width: 12,
  },
  {
    key: 'parent',
    header: '上级组织',
    required: true,
    width: 20,
    note: '工作党委或中心城区、近郊区的名称',
  },
  { key: 'addressDistrict', header: '所在区', required: true, width: 12 },
  {
    key: 'capacity',
    header: words.capacity,
    formerHeaders: ['结对容量'],
    required: true,
    width: 12,
  },
  {
    key: 'yearlyBudget',
    header: `${words.yearlyBudget}（元）`,
    formerHeaders: ['年度帮扶预算（元）'],
    required: true,
    width: 18,
  },
  {
    key: 'resourceTags',
    header: '资源标签',
    required: false,
    width: 20,
    note: '多个标签用顿号或逗号分隔',
  },
  { key: 'contactName', header: '联系人', required: true, width: 10 },
  { key: 'contactPhone', header: '联系电话', required: true, width: 16 },
] as const satisfies readonly Column[];

export const weakVillageColumns = [
  { key: 'code', header: '村代码', required: true, width: 16, note: '12 位统计用区划代码' },
  { key: 'name', header: '村名称', required: false, width: 20, note: '填写时须与代码一致' },
  { key: 'district', header: '所属区', required: false, width: 12 },
  { key: 'town', header: '所属镇（街道）', required: false, width: 16 },
  { key: 'weak', header: '经济薄弱村', required: true, width: 12, note: '是 或 否' },
] as const satisfies readonly Column[];

export type UnitRowKey = (typeof unitColumns)[number]['key'];
export type WeakVillageRowKey = (typeof weakVillageColumns)[number]['key'];
