import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { getRound } from '../rounds/service.ts';
import type { Clock } from '../../lib/clock.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { buildInstance } from './instance.ts';
import { can, ensureState } from './policy.ts';
import { allocationPairs, allocationRuns, allocationTargets } from './schema.ts';
import { solve, type Solution } from './solve.ts';
import { loadRoundData, weakMinBudget, type RoundData } from './sources.ts';
import { findRun, insertChunked, openRound, openRun, settingsOf } from './store.ts';

export type DistrictSnapshot = {
  districtId: number | null;
  name: string;
  path: string;
  /** Rural targets of the round in the district. */
  targets: number;
  /** Those already served to the requirement by live intentions when the run was made. */
  satisfied: number;
};

/** What a run stores in `stats`: the solve's figures, the minimum used, the time, the districts. */
export type RunStats = Solution['stats'] & {
  weakMinBudget: number;
  millis: number;
  districts: DistrictSnapshot[];
};

function districtSnapshot(data: RoundData, shortIds: Set<number>): DistrictSnapshot[] {
  const byId = new Map(data.districts.map((d) => [d.id, d]));
  const rows = new Map<number | null, DistrictSnapshot>();
  for (const t of data.targets) {
    const d = t.districtId == null ? undefined : byId.get(t.districtId);
    let row = rows.get(d?.id ?? null);
    if (!row) {
      row = {
        districtId: d?.id ?? null,
        name: d?.name ?? '其他',
        path: d?.path ?? '',
        targets: 0,
        satisfied: 0,
      };
      rows.set(row.districtId, row);
    }
    row.targets++;
    if (!shortIds.has(t.id)) row.satisfied++;
  }
  return [...rows.values()];
}

/**
 * Refuse at once, before a run is queued, what `createRun` would refuse: the role, a round out of
 * scope (404) or not in balancing, a source run of another round or no longer the proposal.
 */
export async function checkRun(
  db: Db,
  scope: Scope,
  roundId: number,
  sourceRunId: number | null = null,
) {
  authorize(can, scope, 'run');
  const round = await getRound(db, scope, roundId);
  ensureState('run', { roundState: round.state });
  if (sourceRunId == null) return;
  const run = await findRun(db, roundId, sourceRunId);
  ensureState('run', { roundState: round.state, runStatus: run.status });
}

/**
 * Run the allocation for a round in balancing (as a background job, allocation/job.ts: a
 * province's round takes long to solve, docs/allocation.md "Figures"). A re-run keeps the locked pairs of the run it
 * starts from as fixed pairs; any run supersedes the proposal that was under review.
 */
export async function createRun(
  db: Db,
  scope: Scope,
  clock: Clock,
  roundId: number,
  sourceRunId: number | null = null,
) {
  authorize(can, scope, 'run');
  return db.transaction(async (tx) => {
    const round = await openRound(tx, scope, roundId, 'run');
    let locked: Array<{ urban: number; rural: number }> = [];
    if (sourceRunId != null) {
      await openRun(tx, round, sourceRunId, 'run');
      locked = (
        await tx
          .select({ urban: allocationPairs.urbanOrgId, rural: allocationPairs.ruralOrgId })
          .from(allocationPairs)
          .where(and(eq(allocationPairs.runId, sourceRunId), eq(allocationPairs.status, 'locked')))
      ).map((p) => ({ urban: p.urban, rural: p.rural }));
    }
    await tx
      .update(allocationRuns)
      .set({ status: 'superseded' })
      .where(and(eq(allocationRuns.roundId, roundId), eq(allocationRuns.status, 'proposed')));

    const started = performance.now();
    const settings = await settingsOf(tx, roundId);
    const minBudget = weakMinBudget(round.policyPackId);
    const data = await loadRoundData(tx, scope, round, settings);
    const built = buildInstance(data, settings, {
      villageCap: round.villageCap,
      weakMinBudget: minBudget,
    });
    const solution = solve(built, locked);
    const stats: RunStats = {
      ...solution.stats,
      weakMinBudget: minBudget,
      millis: Math.round(performance.now() - started),
      districts: districtSnapshot(data, new Set(built.targets.map((t) => t.id))),
    };

    const [run] = await tx
      .insert(allocationRuns)
      .values({
        roundId,
        sourceRunId,
        settings,
        stats,
        createdBy: scope.userId,
        createdAt: clock.now(),
      })
      .returning();
    await insertChunked(solution.pairs, (chunk) =>
      tx.insert(allocationPairs).values(
        chunk.map((p) => ({
          runId: run.id,
          urbanOrgId: p.urbanOrgId,
          ruralOrgId: p.ruralOrgId,
          status: p.fixed ? ('locked' as const) : ('proposed' as const),
          fixed: p.fixed,
          cost: p.cost,
          reasons: p.reasons,
        })),
      ),
    );
    await insertChunked(solution.targets, (chunk) =>
      tx.insert(allocationTargets).values(chunk.map((t) => ({ runId: run.id, ...t }))),
    );
    const { districts: _districts, ...summary } = stats;
    await recordAudit(tx, scope, {
      action: sourceRunId == null ? 'allocation.run' : 'allocation.rerun',
      entity: 'allocation_run',
      entityId: run.id,
      scopePath: round.scopePath,
      after: { roundId, sourceRunId, ...summary },
    });
    return run;
  });
}
