import { roundStateLabels, type RoundState } from '@pairing/shared';
import { conflict } from '../../lib/errors.ts';

// The refusals a unit sees when its choice cannot be taken, in the words the UI shows.
export const villageFull = (cap: number) =>
  conflict('village_full', `该组织的结对名额已满（每村最多 ${cap} 个单位），请选择其他村`);
export const unitAtCapacity = (capacity: number) =>
  conflict('unit_capacity', `本单位本轮结对数已达上限（${capacity} 个），请先撤回其他意向`);
export const duplicateIntention = () =>
  conflict('duplicate_intention', '本单位已向该组织提交过意向，请勿重复提交');
export const roundNotOpen = (state: RoundState) =>
  conflict('round_not_open', `本轮结对当前不接受意向（状态：${roundStateLabels[state]}）`);
export const deadlinePassed = (day: string) =>
  conflict('deadline_passed', `意向确认截止日期（${day}）已过`);
export const notPending = () => conflict('intention_not_pending', '该意向已处理，不能再变更');
export const notAllocated = () =>
  conflict('intention_not_allocated', '该意向由单位自主提交，无需单位再次确认');
export const roundNotBalancing = (state: RoundState) =>
  conflict(
    'round_not_balancing',
    `本轮结对不在「综合平衡」阶段，不能进行组织分配（当前：${roundStateLabels[state]}）`,
  );
export const renewalDeclined = () =>
  conflict('renewal_declined', '一方已表示不再续签，请重新选择结对对象');
export const renewalCompleted = () => conflict('renewal_completed', '双方已确认续签，不能再撤销');
