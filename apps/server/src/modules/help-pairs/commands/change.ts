// What every write on one pair shares: one transaction, the pair locked and read in the caller's
// scope, the policy's refusal (403, or 409 for its state), the change, its audit record, and the
// pair presented as it now stands.
import type { HelpPairView } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadPairScoped, subjectOf, type PairRow } from '../access.ts';
import { recordHelpAudit } from '../audit.ts';
import { ensure, type HelpPairsAction } from '../policy.ts';
import { presentPairs } from '../present.ts';
import { helpPairs } from '../schema.ts';
import type { Deps } from './common.ts';

type Change = {
  set: Partial<typeof helpPairs.$inferInsert>;
  before: unknown;
  after: unknown;
};

export async function changePair(
  deps: Deps,
  scope: Scope,
  id: number,
  action: Extract<HelpPairsAction, 'assign' | 'plan' | 'conclude' | 'withdraw'>,
  audit: 'helpPair.assigned' | 'helpPair.planned' | 'helpPair.concluded' | 'helpPair.withdrawn',
  change: (tx: Db, pair: PairRow, now: Date) => Promise<Change>,
): Promise<HelpPairView> {
  ensure(scope, action);
  return deps.db.transaction(async (tx) => {
    const pair = await loadPairScoped(tx, scope, id, true);
    ensure(scope, action, subjectOf(pair));
    const now = deps.clock.now();
    const { set, before, after } = await change(tx, pair, now);
    await tx
      .update(helpPairs)
      .set({ ...set, updatedAt: now })
      .where(eq(helpPairs.id, id));
    await recordHelpAudit(tx, scope, {
      action: audit,
      entity: 'help_pair',
      entityId: id,
      pairing: pair,
      before,
      after,
    });
    const [view] = await presentPairs(tx, deps.config, scope, [
      await loadPairScoped(tx, scope, id),
    ]);
    return view;
  });
}
