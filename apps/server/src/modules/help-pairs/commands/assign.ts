// The unit (or its district / working committee) assigns one of its in-service cadres to a
// proposed pair (R-ONE-PLUS-TWO): tag inServiceCadre, home organization the unit or under it. A
// cadre is in at most one live pair per pairing (`help_pairs_live_cadre_key` decides a race).
import type { HelpPairView } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import { conflict, invalid } from '../../../lib/errors.ts';
import { keyringOf } from '../../../lib/personal-crypto.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { withinScope } from '../../orgs/sql.ts';
import { readPeople } from '../../people/read.ts';
import { changePair } from './change.ts';
import type { Deps } from './common.ts';

const alreadyPaired = () =>
  conflict(
    'cadre_already_paired',
    '该干部在本结对中已有帮带对象（每名干部结对 1 名困难党员和 1 名困难群众）',
  );

export async function assignCadre(
  deps: Deps,
  scope: Scope,
  id: number,
  cadreId: number,
): Promise<HelpPairView> {
  try {
    return await changePair(
      deps,
      scope,
      id,
      'assign',
      'helpPair.assigned',
      async (tx, pair, now) => {
        const [cadre] = await readPeople(
          tx,
          keyringOf(deps.config),
          [cadreId],
          withinScope(sql`ho.path`, { path: pair.urbanPath }),
        );
        if (!cadre)
          throw invalid('未找到本单位登记的该干部', { cadreId: '未找到本单位登记的该干部' });
        if (!cadre.tags.includes('inServiceCadre'))
          throw invalid('该人员未标记为在职干部', { cadreId: '该人员未标记为在职干部' });
        const taken = await tx.execute(
          sql`select 1 from help_pairs where pairing_id = ${pair.pairingId} and cadre_id = ${cadreId}
          and state in ('proposed', 'assigned') limit 1`,
        );
        if ((taken as unknown as { rows: unknown[] }).rows.length > 0) throw alreadyPaired();
        return {
          set: { state: 'assigned', cadreId, assignedBy: scope.userId, assignedAt: now },
          before: { state: pair.state },
          after: { state: 'assigned', cadreId },
        };
      },
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyPaired();
    throw err;
  }
}
