import type { AllocationCandidate, AllocationPair } from '@pairing/shared';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { queryRows } from '../../lib/rows.ts';
import { withinScope } from '../orgs/sql.ts';
import type { Round } from '../rounds/service.ts';
import { getRound } from '../rounds/service.ts';
import { explainCost, reasonText } from './cost.ts';
import { buildInstance } from './instance.ts';
import { can, ensureState } from './policy.ts';
import { allocationExclusions, allocationPairs, allocationRuns } from './schema.ts';
import { loadRoundData, weakMinBudget } from './sources.ts';
import { findRun, openRound, openRun, settingsOf, type Run } from './store.ts';
import { presentPair } from './view.ts';

type Pair = typeof allocationPairs.$inferSelect;

/** Round in balancing, run under review and the pair, all locked; 404 for ids outside. */
async function openPair(tx: Db, scope: Scope, roundId: number, runId: number, pairId: number) {
  authorize(can, scope, 'edit');
  const round = await openRound(tx, scope, roundId, 'edit');
  const run = await openRun(tx, round, runId, 'edit');
  const [pair] = await tx
    .select()
    .from(allocationPairs)
    .where(and(eq(allocationPairs.id, pairId), eq(allocationPairs.runId, runId)))
    .for('update');
  if (!pair) throw notFound('分配建议不存在');
  return { round, run, pair };
}

/** The pair may be changed: a removed pair stays removed (409). */
const ensureEditable = (round: Round, run: Run, pair: Pair) =>
  ensureState('edit', { roundState: round.state, runStatus: run.status, pairStatus: pair.status });

async function audit(
  tx: Db,
  scope: Scope,
  round: Round,
  action: 'locked' | 'unlocked' | 'removed' | 'swapped',
  before: Pair,
  after: Pair,
) {
  await recordAudit(tx, scope, {
    action: `allocation.pair.${action}`,
    entity: 'allocation_pair',
    entityId: before.id,
    scopePath: round.scopePath,
    before,
    after,
  });
}

/**
 * Keep the run's summary true to its pairs: a removed pair uncovers its place, a swap changes the
 * cost (the page showed "1540 对，覆盖 1541/1541" after a removal).
 */
async function adjustStats(tx: Db, runId: number, covered: number, cost: number) {
  await tx
    .update(allocationRuns)
    .set({
      stats: sql`${allocationRuns.stats} || jsonb_build_object(
        'covered', (${allocationRuns.stats}->>'covered')::int + ${covered}::int,
        'totalCost', (${allocationRuns.stats}->>'totalCost')::numeric + ${cost}::numeric)`,
    })
    .where(eq(allocationRuns.id, runId));
}

/** Lock a pair (kept as a fixed pair by the next re-run) or unlock it. */
export async function setPairLock(
  db: Db,
  scope: Scope,
  roundId: number,
  runId: number,
  pairId: number,
  locked: boolean,
): Promise<AllocationPair> {
  return db.transaction(async (tx) => {
    const { round, run, pair } = await openPair(tx, scope, roundId, runId, pairId);
    ensureEditable(round, run, pair);
    const [after] = await tx
      .update(allocationPairs)
      .set({ status: locked ? 'locked' : 'proposed' })
      .where(eq(allocationPairs.id, pairId))
      .returning();
    await audit(tx, scope, round, locked ? 'locked' : 'unlocked', pair, after);
    return presentPair(scope, round.state, run, after);
  });
}

/** Remove a pair; the round excludes it from every later run (docs/allocation.md "Review"). */
export async function removePair(
  db: Db,
  scope: Scope,
  roundId: number,
  runId: number,
  pairId: number,
): Promise<AllocationPair> {
  return db.transaction(async (tx) => {
    const { round, run, pair } = await openPair(tx, scope, roundId, runId, pairId);
    if (pair.status === 'removed') return presentPair(scope, round.state, run, pair);
    const [after] = await tx
      .update(allocationPairs)
      .set({ status: 'removed' })
      .where(eq(allocationPairs.id, pairId))
      .returning();
    await tx
      .insert(allocationExclusions)
      .values({
        roundId,
        urbanOrgId: pair.urbanOrgId,
        ruralOrgId: pair.ruralOrgId,
        createdBy: scope.userId,
      })
      .onConflictDoNothing();
    await adjustStats(tx, runId, -1, -pair.cost);
    await audit(tx, scope, round, 'removed', pair, after);
    return presentPair(scope, round.state, run, after);
  });
}

/**
 * The units that could take this pair's place, cheapest first: in the round, with capacity left
 * after live intentions and this run's other pairs, budget enough for a weak village, never
 * declined by or removed from this village.
 */
async function alternatives(tx: Db, scope: Scope, round: Round, runId: number, pair: Pair) {
  const settings = await settingsOf(tx, round.id);
  const data = await loadRoundData(tx, scope, round, settings, { targetIds: [pair.ruralOrgId] });
  const built = buildInstance(data, settings, {
    villageCap: round.villageCap,
    weakMinBudget: weakMinBudget(round.policyPackId),
  });
  const target = built.targets[0];
  const used = await tx
    .select({ urban: allocationPairs.urbanOrgId, rural: allocationPairs.ruralOrgId })
    .from(allocationPairs)
    .where(
      and(
        eq(allocationPairs.runId, runId),
        ne(allocationPairs.status, 'removed'),
        ne(allocationPairs.id, pair.id),
      ),
    );
  const load = new Map<number, number>();
  const sameVillage = new Set<number>();
  for (const p of used) {
    load.set(p.urban, (load.get(p.urban) ?? 0) + 1);
    if (p.rural === pair.ruralOrgId) sameVillage.add(p.urban);
  }
  return { data, built, target, load, sameVillage };
}

export async function swapCandidates(
  db: Db,
  scope: Scope,
  roundId: number,
  runId: number,
  pairId: number,
  limit = 20,
): Promise<AllocationCandidate[]> {
  authorize(can, scope, 'edit');
  const round = await getRound(db, scope, roundId);
  await findRun(db, roundId, runId);
  const [pair] = await db
    .select()
    .from(allocationPairs)
    .where(and(eq(allocationPairs.id, pairId), eq(allocationPairs.runId, runId)));
  if (!pair) throw notFound('分配建议不存在');
  const { built, target, load, sameVillage } = await alternatives(db, scope, round, runId, pair);
  if (!target) return [];
  const names = new Map(
    (
      await queryRows<{ id: number; name: string }>(
        db,
        sql`select id::int as "id", name from org_directory
          where kind = 'urban_unit' and ${withinScope(sql`path`, { path: round.scopePath })}`,
      )
    ).map((r) => [r.id, r.name]),
  );
  return built.units
    .filter(
      (u) =>
        u.id !== pair.urbanOrgId &&
        !sameVillage.has(u.id) &&
        (load.get(u.id) ?? 0) < u.capacity &&
        u.budget >= target.minBudget &&
        built.allowed(u.id, target.id),
    )
    .map((u) => {
      const { cost, reasons } = explainCost(target, u, built.ctx);
      return {
        urbanOrgId: u.id,
        urbanOrgName: names.get(u.id) ?? '',
        cost,
        reasons,
        reasonText: reasonText(reasons),
      };
    })
    .sort((a, b) => a.cost - b.cost || a.urbanOrgId - b.urbanOrgId)
    .slice(0, limit);
}

/** Replace the pair's unit with another eligible one; the new pair is locked (a city decision). */
export async function swapPair(
  db: Db,
  scope: Scope,
  roundId: number,
  runId: number,
  pairId: number,
  urbanOrgId: number,
): Promise<AllocationPair> {
  return db.transaction(async (tx) => {
    const { round, run, pair } = await openPair(tx, scope, roundId, runId, pairId);
    ensureEditable(round, run, pair);
    const { data, built, target, load, sameVillage } = await alternatives(
      tx,
      scope,
      round,
      runId,
      pair,
    );
    if (!data.units.some((u) => u.id === urbanOrgId)) throw notFound('单位不存在');
    const unit = built.units.find((u) => u.id === urbanOrgId);
    const refuse = (message: string) => invalid(message, { urbanOrgId: message });
    if (urbanOrgId === pair.urbanOrgId) throw refuse('新单位与原单位相同');
    if (!target) throw refuse('该村已无待分配的名额');
    if (!unit || (load.get(unit.id) ?? 0) >= unit.capacity)
      throw refuse('该单位本轮已无剩余结对名额');
    if (sameVillage.has(unit.id)) throw refuse('该单位已在本方案中与该村结对');
    if (!built.allowed(unit.id, target.id))
      throw refuse('该单位与该村已有意向、曾被婉拒或已被移出方案');
    if (unit.budget < target.minBudget)
      throw refuse(`经济薄弱村要求单位每年帮扶资金不低于 ${target.minBudget} 元`);
    const { cost, reasons } = explainCost(target, unit, built.ctx);
    const [after] = await tx
      .update(allocationPairs)
      .set({
        urbanOrgId,
        cost,
        reasons,
        status: 'locked',
        swappedFrom: pair.swappedFrom ?? pair.urbanOrgId,
      })
      .where(eq(allocationPairs.id, pairId))
      .returning();
    await adjustStats(tx, runId, 0, cost - pair.cost);
    await audit(tx, scope, round, 'swapped', pair, after);
    return presentPair(scope, round.state, run, after);
  });
}
