/** Names for screen readers of controls that show no label of their own (issue 13 item 9); merged into zh-CN.ts. */
export const a11yZhCN = {
  'a11y.commitmentSide': '承诺方',
  'a11y.commitmentText': '承诺内容',
  'a11y.fundsOfYear': '{year} 年帮扶资金（元）',
  'a11y.visitsOfYear': '{year} 年分管领导走访次数',
  'a11y.visitNoteOfYear': '{year} 年走访说明',
  'a11y.delete': '删除',
  'a11y.versionFrom': '比较的早先版本',
  'a11y.versionTo': '比较的后来版本',
  'a11y.ruleStatus': '完成情况',
} as const;
