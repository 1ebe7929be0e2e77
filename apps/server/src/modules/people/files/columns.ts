// The registry's sheet: the template's columns, which the import reads and the export writes
// (after the home organization), so a full export of one organization re-imports.
import { personTagWords, personTags } from '@pairing/shared';
import type { Column } from '../../imports/columns.ts';

const tagList = personTags.map((t) => personTagWords[t]).join('、');

export const peopleSheet = '人员名册';

export const peopleSheetColumns = [
  { key: 'name', header: '姓名', required: true, width: 12 },
  { key: 'kind', header: '类别', required: true, width: 8, note: '党员 或 群众' },
  { key: 'gender', header: '性别', required: true, width: 6, note: '男 或 女' },
  {
    key: 'idNumber',
    header: '身份证号',
    required: true,
    width: 22,
    note: '18 位居民身份证号，请将单元格设为文本格式',
  },
  { key: 'phone', header: '电话', required: false, width: 16 },
  {
    key: 'tags',
    header: '身份标签',
    required: false,
    width: 24,
    note: `可填多个，用顿号分隔：${tagList}`,
  },
  {
    key: 'secondOrg',
    header: '双重登记组织',
    required: false,
    width: 24,
    note: '居住地或工作单位所在的村、社区、城市单位或乡镇名称（重名时填组织编号）',
  },
  { key: 'note', header: '备注', required: false, width: 24 },
] as const satisfies readonly Column[];

export type PeopleSheetKey = (typeof peopleSheetColumns)[number]['key'];

/** The header of a column by key, for row errors. */
export const headerOf = (key: string) =>
  peopleSheetColumns.find((c) => c.key === key)?.header ?? '';

/** The export's first column: where each person's Party relationship is kept. */
export const homeOrgColumn: Column = {
  key: 'orgName',
  header: '组织关系所在',
  required: false,
  width: 24,
};
