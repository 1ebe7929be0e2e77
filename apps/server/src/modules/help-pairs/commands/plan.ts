// The unit writes, and later updates, the pair's 脱困致富方案 (S5 §2.3): measures, targets with
// numbers and dates (each ticked when met), and the plan's period. Saved while the pair is assigned.
import type { HelpPairView, HelpPlan } from '@pairing/shared';
import type { Scope } from '../../../lib/scope.ts';
import { changePair } from './change.ts';
import type { Deps } from './common.ts';

const auditOf = (plan: HelpPlan | null) =>
  plan && {
    measures: plan.measures.length,
    targets: plan.targets.length,
    met: plan.targets.filter((t) => t.met).length,
    startDate: plan.startDate,
    endDate: plan.endDate,
  };

export function savePlan(
  deps: Deps,
  scope: Scope,
  id: number,
  plan: HelpPlan,
): Promise<HelpPairView> {
  return changePair(deps, scope, id, 'plan', 'helpPair.planned', async (_tx, pair) => ({
    set: { plan },
    before: { plan: auditOf(pair.plan) },
    after: { plan: auditOf(plan) },
  }));
}
