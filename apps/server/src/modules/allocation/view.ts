import {
  roleMay,
  type AllocationPair,
  type AllocationPairView,
  type AllocationProgress,
  type AllocationRun,
  AllocationRunView,
  type AllocationUncoveredCode,
  type RoundState,
} from '@pairing/shared';
import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { abilitiesOn, authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { queryRows } from '../../lib/rows.ts';
import { allocatedConfirmations } from '../intentions/read-for-allocation.ts';
import { withinScope } from '../orgs/sql.ts';
import { getRound } from '../rounds/service.ts';
import { reasonText } from './cost.ts';
import { can } from './policy.ts';
import type { RunStats } from './runs.ts';
import { allocationPairs, allocationRuns } from './schema.ts';
import { findRun, type Run } from './store.ts';

type StoredPair = typeof allocationPairs.$inferSelect;

export const uncoveredReasons = {
  no_eligible_unit: '没有符合条件的单位（无剩余名额、预算不足或已被排除）',
  eligible_units_exhausted: '符合条件的单位名额已被其他村占用',
  removed: '建议已被移除，请重新运行',
} as const satisfies Record<AllocationUncoveredCode, string>;

type TargetView = {
  ruralOrgId: number;
  ruralOrgName: string;
  ruralOrgCode: string | null;
  weakVillage: boolean;
  districtId: number | null;
  districtName: string | null;
  demand: number;
  missing: number;
  reason: 'no_eligible_unit' | 'eligible_units_exhausted' | null;
};

/**
 * A run as the routes answer it, with the caller's abilities on it: times are ISO strings, and the
 * district snapshot stays inside (the run view gives the totals of the caller's districts only).
 */
export function presentRun(
  scope: Scope,
  roundState: RoundState,
  { stats, createdAt, publishedAt, ...run }: Run,
): AllocationRun {
  const { districts: _districts, ...summary } = stats as RunStats;
  return {
    ...run,
    stats: summary,
    createdAt: createdAt.toISOString(),
    publishedAt: publishedAt?.toISOString() ?? null,
    abilities: abilitiesOn(can, scope, ['run', 'edit', 'publish'], {
      roundState,
      runStatus: run.status,
    }),
  };
}

/** What a pair of `run` lets the caller do: lock, swap or remove it (`edit`). */
const pairAbilities = (
  scope: Scope,
  roundState: RoundState,
  run: Run,
  pair: { status: StoredPair['status'] },
) =>
  abilitiesOn(can, scope, ['edit'], {
    roundState,
    runStatus: run.status,
    pairStatus: pair.status,
  });

type PairRow = Omit<AllocationPairView, 'reasonText' | 'abilities'> & {
  urbanMine: boolean;
  ruralMine: boolean;
};

/**
 * A district or working committee may confirm a published pair in bulk while one of its sides
 * inside the caller's scope has not said yes (intentions/commands/confirm-allocated-in-bulk.ts).
 */
const mayConfirm = (scope: Scope, roundState: RoundState, p: PairRow) =>
  roleMay(scope.role, 'intentions', 'confirmInBulk') &&
  roundState === 'balancing' &&
  p.intentionState === 'pending' &&
  ((p.urbanMine && !p.urbanConfirmed) || (p.ruralMine && !p.ruralConfirmed));

/** Confirmation of the published pairs, by the village's district. */
function progressByDistrict(pairs: PairRow[]): AllocationProgress[] {
  const rows = new Map<number | null, AllocationProgress>();
  for (const p of pairs) {
    if (p.intentionState == null) continue;
    let row = rows.get(p.districtId);
    if (!row) {
      row = {
        districtId: p.districtId,
        name: p.districtName ?? '其他',
        pairs: 0,
        urbanConfirmed: 0,
        ruralConfirmed: 0,
        confirmed: 0,
        pending: 0,
      };
      rows.set(p.districtId, row);
    }
    row.pairs++;
    if (p.urbanConfirmed) row.urbanConfirmed++;
    if (p.ruralConfirmed) row.ruralConfirmed++;
    if (p.intentionState === 'accepted') row.confirmed++;
    if (p.intentionState === 'pending') row.pending++;
  }
  return [...rows.values()];
}

/** A stored pair as the lock, remove and swap routes answer it, with the caller's abilities. */
export const presentPair = (
  scope: Scope,
  roundState: RoundState,
  run: Run,
  pair: StoredPair,
): AllocationPair => ({ ...pair, abilities: pairAbilities(scope, roundState, run, pair) });

/**
 * Runs of the round, newest first (visible to the roles that may read proposals), and whether
 * the caller may run a new proposal or change the settings now.
 */
export async function listRuns(db: Db, scope: Scope, roundId: number) {
  authorize(can, scope, 'read');
  const round = await getRound(db, scope, roundId);
  const runs = await db
    .select()
    .from(allocationRuns)
    .where(eq(allocationRuns.roundId, roundId))
    .orderBy(desc(allocationRuns.id));
  return {
    items: runs.map((run) => presentRun(scope, round.state, run)),
    abilities: abilitiesOn(can, scope, ['run', 'configure'], { roundState: round.state }),
  };
}

/**
 * A run for the review page: its pairs, the targets still short with their reasons and totals by
 * district. A district admin or inspector sees only the pairs where the village or the unit lies
 * in their subtree, and the districts inside it.
 */
export async function getRunView(
  db: Db,
  scope: Scope,
  roundId: number,
  runId: number,
): Promise<AllocationRunView> {
  authorize(can, scope, 'read');
  const round = await getRound(db, scope, roundId);
  const run = await findRun(db, roundId, runId);
  const mine = (path: SQL) => withinScope(path, scope);
  const pairs = await queryRows<PairRow>(
    db,
    sql`select p.id::int as "id", p.status::text as "status", p.fixed, p.cost, p.reasons,
        c.state as "intentionState", coalesce(c.urban_confirmed, false) as "urbanConfirmed",
        coalesce(c.rural_confirmed, false) as "ruralConfirmed",
        ${mine(sql`uo.path`)} as "urbanMine", ${mine(sql`ro.path`)} as "ruralMine",
        uo.id::int as "urbanOrgId", uo.name as "urbanOrgName",
        ro.id::int as "ruralOrgId", ro.name as "ruralOrgName", ro.code as "ruralOrgCode",
        ro.weak_village as "weakVillage", t.district_id::int as "districtId", d.name as "districtName",
        so.name as "swappedFromName", p.intention_id::int as "intentionId"
      from allocation_pairs p
      join org_directory uo on uo.id = p.urban_org_id
      join org_directory ro on ro.id = p.rural_org_id
      left join allocation_targets t on t.run_id = p.run_id and t.rural_org_id = p.rural_org_id
      left join org_directory d on d.id = t.district_id
      left join org_directory so on so.id = p.swapped_from
      left join ${allocatedConfirmations} c on c.id = p.intention_id
      where p.run_id = ${runId} and (${mine(sql`ro.path`)} or ${mine(sql`uo.path`)})
      order by d.code nulls last, ro.code nulls last, ro.id, p.id`,
  );
  const targets = await queryRows<TargetView>(
    db,
    sql`select t.rural_org_id::int as "ruralOrgId", ro.name as "ruralOrgName", ro.code as "ruralOrgCode",
        ro.weak_village as "weakVillage", t.district_id::int as "districtId", d.name as "districtName",
        t.demand, t.missing, t.reason
      from allocation_targets t
      join org_directory ro on ro.id = t.rural_org_id
      left join org_directory d on d.id = t.district_id
      where t.run_id = ${runId} and ${mine(sql`ro.path`)}
      order by ro.weak_village desc, d.code nulls last, ro.code nulls last, ro.id`,
  );
  const kept = new Map<number, number>();
  for (const p of pairs)
    if (p.status !== 'removed') kept.set(p.ruralOrgId, (kept.get(p.ruralOrgId) ?? 0) + 1);
  const uncovered = targets
    .map((t) => {
      const missing = t.demand - (kept.get(t.ruralOrgId) ?? 0);
      const code: AllocationUncoveredCode = t.missing > 0 && t.reason ? t.reason : 'removed';
      return { ...t, missing, reason: code, reasonText: uncoveredReasons[code] };
    })
    .filter((t) => t.missing > 0);

  const stats = run.stats as RunStats;
  const shortByDistrict = new Map<number | null, { proposed: number; uncovered: number }>();
  for (const t of targets) {
    const row = shortByDistrict.get(t.districtId) ?? { proposed: 0, uncovered: 0 };
    if ((kept.get(t.ruralOrgId) ?? 0) >= t.demand) row.proposed++;
    else row.uncovered++;
    shortByDistrict.set(t.districtId, row);
  }
  const districts = stats.districts
    .filter(
      (d) =>
        round.scopePath.startsWith(scope.path) || (d.path !== '' && d.path.startsWith(scope.path)),
    )
    .map((d) => ({
      districtId: d.districtId,
      name: d.name,
      targets: d.targets,
      satisfied: d.satisfied,
      ...(shortByDistrict.get(d.districtId) ?? { proposed: 0, uncovered: 0 }),
    }));
  return {
    run: presentRun(scope, round.state, run),
    pairs: pairs.map((row) => {
      const { urbanMine: _u, ruralMine: _r, ...p } = row;
      return {
        ...p,
        reasonText: reasonText(p.reasons),
        abilities: {
          ...pairAbilities(scope, round.state, run, p),
          confirm: mayConfirm(scope, round.state, row),
        },
      };
    }),
    uncovered,
    districts,
    progress: progressByDistrict(pairs),
  };
}
