/** States of a pairing round (DOMAIN.md "Lifecycle of a pairing round"), in order. */
export const roundStates = [
  'draft',
  'intentions_open',
  'balancing',
  'signing',
  'in_force',
  'closed',
] as const;
export type RoundState = (typeof roundStates)[number];

export const roundStateLabels: Record<RoundState, string> = {
  draft: '草拟',
  intentions_open: '意向申报中',
  balancing: '综合平衡',
  signing: '协议签订',
  in_force: '帮扶实施',
  closed: '已结束',
};

/** 需求清单 categories published by villages and towns (S1 §8, S2 §2.2). */
export const needCategories = [
  '产业发展',
  '基础设施',
  '教育培训',
  '医疗卫生',
  '文化活动',
  '组织建设',
  '困难帮扶',
  '其他',
] as const;
export type NeedCategory = (typeof needCategories)[number];

/** 资源清单 categories published by urban units (S2 §2.2); the same words as `resourceTags`. */
export const resourceCategories = ['政策', '人才', '技术', '物资', '信息', '资金'] as const;
export type ResourceCategory = (typeof resourceCategories)[number];

/** `lapsed`: closed by a round's stage change while still unfinished; its reason says why. */
export const intentionStates = ['pending', 'accepted', 'declined', 'withdrawn', 'lapsed'] as const;
export type IntentionState = (typeof intentionStates)[number];
