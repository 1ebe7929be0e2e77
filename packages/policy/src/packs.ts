// The policy packs: the documents' quantitative duties as data (DOMAIN.md, "Quantitative rules").
// This file is the only place where a rule's minimum, categories or deadline is written down.
import type { PolicyPack } from './rules.ts';

/** Shanghai city-wide pairing round 2010–2013 (S1 §10). */
export const sh2010 = {
  id: 'sh-2010',
  source: 'S1',
  title: '上海市新一轮城乡党组织结对帮扶（2010—2013）',
  dueSoonDays: 30,
  rules: [
    {
      // 分管领导和具体负责部门每年走访不少于2次
      id: 'R-VISIT-LEAD',
      kind: 'yearly-count',
      min: 2,
      select: { type: 'visit', roles: ['lead'], department: true },
    },
    {
      // 党委主要领导和班子成员在协议帮扶期间至少走访1次
      id: 'R-VISIT-PRINCIPAL',
      kind: 'term-visits-per-person',
      min: 1,
      roles: ['principal', 'team'],
    },
    {
      // 帮扶经济薄弱村的要有具体的经济要求（每年不低于2万元）
      id: 'R-WEAK-FUNDS',
      kind: 'yearly-funds',
      min: 20000,
      appliesTo: { weakVillage: true },
    },
  ],
} as const satisfies PolicyPack;

/** Anhui province, deepening pairing and co-building (S2 §2.2). */
export const ah2011 = {
  id: 'ah-2011',
  source: 'S2',
  title: '安徽省深化城乡基层党组织结对共建',
  dueSoonDays: 30,
  rules: [
    {
      // 每年至少召开一次联席会议、制定一份工作计划、共上一次党课、组织一次文体活动、
      // 进行一次为民志愿服务、开展一次走访慰问
      id: 'R-SIX-ONES',
      kind: 'yearly-count',
      min: 1,
      select: {
        type: 'activity',
        categories: [
          'joint_meeting',
          'work_plan',
          'party_lesson',
          'culture_sports',
          'volunteer_service',
          'resident_visit',
        ],
      },
    },
  ],
} as const satisfies PolicyPack;

/** A town's "1+1" / "1+2" pairing (S5 §2.1, §3.3). */
export const town2010 = {
  id: 'town-2010',
  source: 'S5',
  title: '镇“1+1”“1+2”结对共建',
  dueSoonDays: 30,
  rules: [
    {
      // 每年为结对村党员上一堂党课，与村“两委”成员和党员进行1—2次座谈
      id: 'R-LESSON',
      kind: 'yearly-count',
      min: 1,
      select: { type: 'activity', categories: ['party_lesson', 'symposium'] },
    },
    {
      // 机关单位党组织每季度向所在上级党委报告一次
      id: 'R-REPORT-Q',
      kind: 'quarterly-report',
      dueDays: 10,
    },
  ],
} as const satisfies PolicyPack;

export const PACKS = { 'sh-2010': sh2010, 'ah-2011': ah2011, 'town-2010': town2010 } as const;
export type PackId = keyof typeof PACKS;
export const PACK_IDS = Object.keys(PACKS) as PackId[];
