/** Strings of the phone-first lists (issue 13 item 1); merged into zh-CN.ts. */
export const phoneZhCN = {
  'record.content': '内容',
  'record.by': '记录方',
  'list.more': '详情',
  'list.less': '收起',
} as const;
