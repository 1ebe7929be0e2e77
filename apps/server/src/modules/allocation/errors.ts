import { conflict } from '../../lib/errors.ts';

// Publishing creates intentions, so the intentions module owns the refusal of a round that is not
// balancing; the review answers it in the same words.
export { roundNotBalancing } from '../intentions/errors.ts';

// The refusals of the allocation review, in the words the page shows.
export const runNotProposed = () =>
  conflict('run_not_proposed', '该分配方案已发布或已被新方案取代，不能再修改');
export const pairRemoved = () => conflict('pair_removed', '该建议已被移除');
export const settingsFrozen = () =>
  conflict('round_not_editable', '本轮结对已进入协议签订阶段，分配设置不能再修改');
