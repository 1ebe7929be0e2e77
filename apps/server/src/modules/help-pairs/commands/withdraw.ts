// Withdrawing a pair: the village takes back its proposal, or the unit declines it or ends an
// assigned pair (a cadre transferred, a household moved away). Its people are free to be
// proposed again; its records stay.
import type { HelpPairView } from '@pairing/shared';
import type { Scope } from '../../../lib/scope.ts';
import { changePair } from './change.ts';
import type { Deps } from './common.ts';

export function withdrawPair(
  deps: Deps,
  scope: Scope,
  id: number,
  reason: string,
): Promise<HelpPairView> {
  return changePair(deps, scope, id, 'withdraw', 'helpPair.withdrawn', async (_tx, pair) => ({
    set: { state: 'withdrawn', withdrawReason: reason },
    before: { state: pair.state },
    after: { state: 'withdrawn' },
  }));
}
