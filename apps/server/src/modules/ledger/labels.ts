// Chinese names of the rules, activity categories and roster roles, for texts the server writes
// (reminders, report drafts).
import type { RecordCategory, RosterRole } from '@pairing/shared';

/** The duties of the policy packs (DOMAIN.md rule ids). */
export const ruleNames: Record<string, string> = {
  'R-VISIT-LEAD': '分管领导走访',
  'R-VISIT-PRINCIPAL': '主要领导和班子成员走访',
  'R-WEAK-FUNDS': '经济薄弱村帮扶资金',
  'R-SIX-ONES': '“六个一”活动',
  'R-LESSON': '党课和座谈',
  'R-REPORT-Q': '季度报告',
};

/** The rule's name for users; its id stays in code and docs (issue 13 item 8). */
export const ruleLabel = (rule: string) => ruleNames[rule] ?? rule;

export const categoryNames: Record<RecordCategory, string> = {
  joint_meeting: '联席会议',
  work_plan: '制定工作计划',
  party_lesson: '联合党课',
  culture_sports: '文体活动',
  volunteer_service: '志愿服务',
  resident_visit: '走访村民',
  symposium: '座谈会',
  training: '培训',
  other: '其他活动',
};

export const roleNames: Record<RosterRole, string> = {
  principal: '主要领导',
  team: '班子成员',
  lead: '分管领导',
  member: '工作人员',
};
