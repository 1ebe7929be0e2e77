// The unit ends an assigned pair with its outcome (R-INCOME): the household's income before and
// after in yuan a year, whether it is out of difficulty, the day it ended. A plan must exist.
import type { HelpOutcome, HelpPairView } from '@pairing/shared';
import { invalid } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { changePair } from './change.ts';
import { todayOf, type Deps } from './common.ts';

export function concludePair(
  deps: Deps,
  scope: Scope,
  id: number,
  outcome: HelpOutcome,
): Promise<HelpPairView> {
  return changePair(deps, scope, id, 'conclude', 'helpPair.concluded', async (_tx, pair) => {
    if (outcome.concludedOn > todayOf(deps.clock))
      throw invalid('结束日期不能晚于今天', { concludedOn: '结束日期不能晚于今天' });
    if (pair.assignedAt && outcome.concludedOn < todayOfTime(pair.assignedAt))
      throw invalid('结束日期不能早于安排干部的日期', {
        concludedOn: '结束日期不能早于安排干部的日期',
      });
    return {
      set: {
        state: 'concluded',
        incomeBefore: outcome.incomeBefore,
        incomeAfter: outcome.incomeAfter,
        outOfDifficulty: outcome.outOfDifficulty,
        concludedOn: outcome.concludedOn,
        summary: outcome.summary,
      },
      before: { state: pair.state },
      after: {
        state: 'concluded',
        incomeBefore: outcome.incomeBefore,
        incomeAfter: outcome.incomeAfter,
        outOfDifficulty: outcome.outOfDifficulty,
        concludedOn: outcome.concludedOn,
      },
    };
  });
}

const todayOfTime = (time: string) => todayOf({ now: () => new Date(time) });
