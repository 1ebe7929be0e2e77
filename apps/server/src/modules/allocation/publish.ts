import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { openBatch } from '../audit/record.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict } from '../../lib/errors.ts';
import { notifyBoard } from '../../lib/notify.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { createAllocatedIntention } from './intentions-port.ts';
import { can, ensureState } from './policy.ts';
import { allocationPairs, allocationRuns } from './schema.ts';
import { findRun, openRound } from './store.ts';
import { presentRun } from './view.ts';

/**
 * Creates one intention of source `allocation`, pending the confirmation of both sides, inside the
 * caller's transaction: the same places and audit as a voluntary intention. The intentions
 * module's `createAllocatedIntention` (intentions-port.ts; see docs/allocation.md "Publishing").
 */
export type CreateAllocatedIntention = typeof createAllocatedIntention;

/**
 * Publish the proposal under review: each pair that was not removed becomes an intention, all in
 * one transaction. The run row is locked first, so of two concurrent calls the second waits and
 * then finds the run published: publishing twice creates nothing more.
 */
export async function publishRun(
  db: Db,
  scope: Scope,
  clock: Clock,
  roundId: number,
  runId: number,
  createIntention: CreateAllocatedIntention = createAllocatedIntention,
) {
  authorize(can, scope, 'publish');
  return db.transaction(async (tx) => {
    const round = await openRound(tx, scope, roundId, 'publish');
    const run = await findRun(tx, roundId, runId, true);
    const pairs = await tx
      .select()
      .from(allocationPairs)
      .where(and(eq(allocationPairs.runId, runId), ne(allocationPairs.status, 'removed')))
      .orderBy(allocationPairs.id);
    if (run.status === 'published')
      return {
        run: presentRun(scope, round.state, run),
        created: 0,
        intentionIds: pairs.map((p) => p.intentionId).filter((i) => i != null),
      };
    ensureState('publish', { roundState: round.state, runStatus: run.status });
    if (!pairs.length) throw conflict('nothing_to_publish', '方案中没有可发布的结对建议');
    // One record for the publish; the intentions' own records become its items.
    await openBatch(tx, scope, {
      action: 'allocation.published',
      entity: 'allocation_run',
      entityId: runId,
      scopePath: round.scopePath,
      before: { status: run.status },
      after: { status: 'published', intentions: pairs.length },
    });
    const intentionIds: number[] = [];
    for (const p of pairs) {
      const intention = await createIntention(tx, scope, clock, {
        roundId,
        urbanOrgId: p.urbanOrgId,
        ruralOrgId: p.ruralOrgId,
      });
      intentionIds.push(intention.id);
      await tx
        .update(allocationPairs)
        .set({ intentionId: intention.id })
        .where(eq(allocationPairs.id, p.id));
    }
    const now = clock.now();
    const [after] = await tx
      .update(allocationRuns)
      .set({ status: 'published', publishedBy: scope.userId, publishedAt: now })
      .where(eq(allocationRuns.id, runId))
      .returning();
    await notifyBoard(tx, roundId);
    return {
      run: presentRun(scope, round.state, after),
      created: intentionIds.length,
      intentionIds,
    };
  });
}
