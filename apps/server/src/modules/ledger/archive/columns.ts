// The archive workbook's columns per record type. The export writes them all; the import reads
// the same headers (required ones must be present) and ignores the `info` columns, which only
// describe a stored record (its number, side, state, when it counts, its evidence).
import type { RecordType } from '@pairing/shared';
import type { Column } from '../../imports/columns.ts';

export type ArchiveColumn = Column & { info?: true };

const id: ArchiveColumn = {
  key: 'id',
  header: '编号',
  required: false,
  width: 8,
  info: true,
  note: '导出时的记录编号；导入时忽略，导入的记录均为新记录',
};
const tail: ArchiveColumn[] = [
  { key: 'side', header: '记录方', required: false, width: 10, info: true },
  { key: 'state', header: '状态', required: false, width: 10, info: true },
  { key: 'countsFrom', header: '计入日期', required: false, width: 12, info: true },
  { key: 'evidence', header: '证据数量', required: false, width: 8, info: true },
];
const date = (header = '日期'): ArchiveColumn => ({
  key: 'date',
  header,
  required: true,
  width: 12,
  note: '格式 2025-03-01，不晚于今天且在协议期内',
});
const place: ArchiveColumn = { key: 'place', header: '地点', required: false, width: 16 };
const narrative: ArchiveColumn = {
  key: 'narrative',
  header: '情况记述',
  required: false,
  width: 40,
};
const people: ArchiveColumn[] = [
  {
    key: 'rosterNames',
    header: '名单人员',
    required: false,
    width: 20,
    note: '领导班子名单中的姓名，多人用顿号分隔',
  },
  {
    key: 'others',
    header: '其他参加人员',
    required: false,
    width: 20,
    note: '名单以外的参加人员姓名，多人用顿号分隔',
  },
];
const projectNo = (required: boolean): ArchiveColumn => ({
  key: 'projectNo',
  header: '项目序号',
  required,
  width: 10,
  note: '协议中帮扶项目的序号（从 1 起）',
});
const projectTitle: ArchiveColumn = {
  key: 'projectTitle',
  header: '项目名称',
  required: false,
  width: 20,
  info: true,
};

export const archiveColumns: Record<RecordType, ArchiveColumn[]> = {
  visit: [
    id,
    date(),
    place,
    ...people,
    {
      key: 'department',
      header: '负责部门参加',
      required: true,
      width: 12,
      note: '是 或 否',
    },
    narrative,
    ...tail,
  ],
  activity: [
    id,
    date(),
    {
      key: 'category',
      header: '活动类别',
      required: true,
      width: 12,
      note: '联席会议、工作计划、党课、文体活动、志愿服务、走访群众、座谈会、培训或其他',
    },
    {
      key: 'categoryLabel',
      header: '类别名称',
      required: false,
      width: 14,
      note: '活动类别为“其他”时填写',
    },
    place,
    ...people,
    narrative,
    ...tail,
  ],
  fund: [
    id,
    date('到账日期'),
    { key: 'form', header: '形式', required: true, width: 8, note: '资金 或 实物' },
    {
      key: 'amount',
      header: '金额（元）',
      required: true,
      width: 12,
      note: '整数；实物按折价填写',
    },
    {
      key: 'source',
      header: '来源',
      required: true,
      width: 14,
      note: '本单位 或 区（工作党委）统筹',
    },
    {
      key: 'channel',
      header: '捐赠渠道',
      required: true,
      width: 10,
      note: '直接捐赠、公益组织或政府部门',
    },
    { key: 'purpose', header: '用途', required: true, width: 24 },
    { ...projectNo(false), note: '协议中帮扶项目的序号（从 1 起）；不对应项目则留空' },
    projectTitle,
    { key: 'receiptNo', header: '收据编号', required: false, width: 14 },
    place,
    narrative,
    ...tail,
  ],
  progress: [
    id,
    date(),
    projectNo(true),
    projectTitle,
    { key: 'milestone', header: '进度节点', required: true, width: 20 },
    { key: 'percent', header: '进度（%）', required: true, width: 10, note: '0 至 100 的整数' },
    { key: 'indicatorValue', header: '指标值', required: false, width: 10 },
    place,
    narrative,
    ...tail,
  ],
  acceptance: [
    id,
    date(),
    projectNo(true),
    projectTitle,
    { key: 'indicatorValue', header: '验收指标值', required: true, width: 12 },
    { key: 'passed', header: '是否通过', required: true, width: 10, note: '是 或 否' },
    place,
    narrative,
    ...tail,
  ],
  report: [
    id,
    date('提交日期'),
    { key: 'quarter', header: '季度', required: true, width: 10, note: '如 2025Q1' },
    { key: 'body', header: '报告正文', required: true, width: 60 },
    ...tail,
  ],
};

/** The header a record field's error belongs to (a zod issue's path), or '' for the row. */
export function headerOf(type: RecordType, path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  const key =
    first === 'people'
      ? second === 'rosterIds'
        ? 'rosterNames'
        : 'others'
      : first === 'projectIndex'
        ? 'projectNo'
        : first;
  return archiveColumns[type].find((c) => c.key === key)?.header ?? '';
}
