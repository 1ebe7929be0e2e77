import type { NeedCategory, ResourceCategory } from '@pairing/shared';

// 科学结对 (S2 §2.1): which of a unit's resources (资源清单) serve which of a village's needs
// (需求清单). The two lists use different words, so the fit is this table; a need counts as met
// when the unit offers at least one resource serving it.
export const servedBy: Record<NeedCategory, readonly ResourceCategory[]> = {
  产业发展: ['技术', '资金', '信息', '政策'],
  基础设施: ['资金', '物资'],
  教育培训: ['人才', '技术'],
  医疗卫生: ['人才', '物资'],
  文化活动: ['人才', '物资'],
  组织建设: ['政策', '人才'],
  困难帮扶: ['资金', '物资'],
  其他: [],
};

const needBits = new Map(Object.keys(servedBy).map((need, i) => [need, 1 << i]));

/** The needs of a bit set, by name, in the table's order. */
export const needNames = (mask: number) =>
  [...needBits].filter(([, bit]) => mask & bit).map(([need]) => need);

/** Bit set of the village's needs. */
export const needMask = (needs: readonly string[]) =>
  needs.reduce((mask, need) => mask | (needBits.get(need) ?? 0), 0);

/** Bit set of the needs the unit's resources serve. */
export function servesMask(resources: readonly string[]) {
  let mask = 0;
  for (const [need, serving] of Object.entries(servedBy))
    if (serving.some((r) => resources.includes(r))) mask |= needBits.get(need)!;
  return mask;
}

export function popcount(n: number) {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}
