// How the archive names record states, sides, activity categories and roster roles.
import type { RecordCategory, RecordState, RosterRole, LedgerSide } from '@pairing/shared';

export const stateLabels: Record<RecordState, string> = {
  pending: '待确认',
  confirmed: '已确认',
  disputed: '有异议',
  upheld: '裁定计入',
  rejected: '裁定不计入',
  withdrawn: '已撤回',
};

export const sideLabels: Record<LedgerSide, string> = {
  urban: '帮扶单位',
  rural: '村',
};

export const categoryLabels: Record<RecordCategory, string> = {
  joint_meeting: '联席会议',
  work_plan: '工作计划',
  party_lesson: '党课',
  culture_sports: '文体活动',
  volunteer_service: '志愿服务',
  resident_visit: '走访群众',
  symposium: '座谈会',
  training: '培训',
  other: '其他',
};

export const rosterRoleLabels: Record<RosterRole, string> = {
  principal: '党组织主要领导',
  team: '班子成员',
  lead: '分管领导',
  member: '工作人员',
};

/** The code whose label is `text` (or the code itself), else the text unchanged for zod to refuse. */
export function codeOf<C extends string>(labels: Record<C, string>, text: string): string {
  const entry = Object.entries(labels).find(([code, label]) => label === text || code === text);
  return entry ? entry[0] : text;
}
