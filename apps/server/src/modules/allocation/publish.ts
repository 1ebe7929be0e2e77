import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { openBatch } from '../audit/record.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict } from '../../lib/errors.ts';
import { notifyBoard } from '../../lib/notify.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { notifyOrgs } from '../reminders/notify-orgs.ts';
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

/** The web pages where each side confirms an allocated pair. */
const confirmPage = { urban: '/intentions/select', rural: '/intentions/inbox' };

/**
 * One notification to each side of every kept pair of the run (unit and village or town), with
 * the page where that side confirms: written by one statement, however many pairs.
 */
const bothSides = (runId: number, roundName: string) =>
  sql`select n.org_id, n.title, n.body, n.link
    from allocation_pairs p
    join org_directory uo on uo.id = p.urban_org_id
    join org_directory ro on ro.id = p.rural_org_id
    cross join lateral (values
      (uo.id, '组织分配结对待确认：' || ro.name,
        '「' || ${roundName} || '」组织分配将本单位与 ' || ro.name || ' 结对，请确认。',
        ${confirmPage.urban}),
      (ro.id, '组织分配结对待确认：' || uo.name,
        '「' || ${roundName} || '」组织分配将 ' || uo.name || ' 与本组织结对，请确认。',
        ${confirmPage.rural})
    ) as n(org_id, title, body, link)
    where p.run_id = ${runId} and p.status <> 'removed'`;

/**
 * Publish the proposal under review: each pair that was not removed becomes an intention, all in
 * one transaction. The run row is locked first, so of two concurrent calls the second waits and
 * then finds the run published: publishing twice creates nothing more. Both sides of every pair
 * are notified in the same transaction.
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
        notified: 0,
        intentionIds: pairs.map((p) => p.intentionId).filter((i) => i != null),
      };
    ensureState('publish', { roundState: round.state, runStatus: run.status });
    if (!pairs.length) throw conflict('nothing_to_publish', '方案中没有可发布的结对建议');
    const now = clock.now();
    const notified = await notifyOrgs(tx, 'allocationPublished', now, bothSides(runId, round.name));
    // One record for the publish; the intentions' own records become its items.
    await openBatch(tx, scope, {
      action: 'allocation.published',
      entity: 'allocation_run',
      entityId: runId,
      scopePath: round.scopePath,
      before: { status: run.status },
      after: { status: 'published', intentions: pairs.length, notified },
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
    const [after] = await tx
      .update(allocationRuns)
      .set({ status: 'published', publishedBy: scope.userId, publishedAt: now })
      .where(eq(allocationRuns.id, runId))
      .returning();
    await notifyBoard(tx, roundId);
    return {
      run: presentRun(scope, round.state, after),
      created: intentionIds.length,
      notified,
      intentionIds,
    };
  });
}
