import { allocate, type FixedPair, type UncoveredReason } from '@pairing/allocator';
import { explainCost, type Reason } from './cost.ts';
import { toInstance, type Built } from './instance.ts';

export type ProposedPair = {
  urbanOrgId: number;
  ruralOrgId: number;
  cost: number;
  reasons: Reason[];
  fixed: boolean;
};

export type ShortTarget = {
  ruralOrgId: number;
  districtId: number | null;
  demand: number;
  missing: number;
  reason: UncoveredReason | null;
};

export type Solution = {
  pairs: ProposedPair[];
  targets: ShortTarget[];
  stats: {
    targets: number;
    units: number;
    edges: number;
    places: number;
    covered: number;
    totalCost: number;
    solves: number;
    solveMillis: number;
    droppedLocks: number;
  };
};

/**
 * Solve with the pruned candidate lists; while a target is left short because its candidates were
 * taken by others and it has more candidates, double its list and solve again (docs/allocation.md
 * "Pruning"). Locked pairs that no longer fit (the village or unit has no place left) are dropped.
 */
export function solve(b: Built, locked: Array<{ urban: number; rural: number }>): Solution {
  const targetIndex = new Map(b.targets.map((t, i) => [t.id, i]));
  const unitIndex = new Map(b.units.map((u, j) => [u.id, j]));
  const demandLeft = b.targets.map((t) => t.demand);
  const capacityLeft = b.units.map((u) => u.capacity);
  const fixed: FixedPair[] = [];
  for (const p of locked) {
    const i = targetIndex.get(p.rural);
    const j = unitIndex.get(p.urban);
    if (
      i == null ||
      j == null ||
      demandLeft[i] < 1 ||
      capacityLeft[j] < 1 ||
      !b.allowed(p.urban, p.rural)
    )
      continue;
    demandLeft[i]--;
    capacityLeft[j]--;
    fixed.push({ unit: String(p.urban), target: String(p.rural) });
  }
  const levels = new Uint8Array(b.targets.length);
  let result;
  let edges = 0;
  let solves = 0;
  let solveMillis = 0;
  for (;;) {
    const instance = toInstance(b, levels, fixed);
    edges = instance.edges.length;
    result = allocate(instance);
    solves++;
    solveMillis += result.stats.millis;
    let widened = false;
    for (const u of result.uncovered) {
      const i = targetIndex.get(Number(u.target))!;
      const shown = b.ctx.settings.topK * 2 ** levels[i];
      if (
        u.reason === 'eligible_units_exhausted' &&
        levels[i] < b.ctx.settings.widenRounds &&
        b.candidates[i].length > shown
      ) {
        levels[i]++;
        widened = true;
      }
    }
    if (!widened) break;
  }
  const pairs = result.assignments.map((a) => {
    const t = b.targets[targetIndex.get(Number(a.target))!];
    const u = b.units[unitIndex.get(Number(a.unit))!];
    return { urbanOrgId: u.id, ruralOrgId: t.id, fixed: a.fixed, ...explainCost(t, u, b.ctx) };
  });
  const missing = new Map(result.uncovered.map((u) => [Number(u.target), u]));
  return {
    pairs,
    targets: b.targets.map((t) => ({
      ruralOrgId: t.id,
      districtId: t.districtId,
      demand: t.demand,
      missing: missing.get(t.id)?.missing ?? 0,
      reason: missing.get(t.id)?.reason ?? null,
    })),
    stats: {
      targets: b.targets.length,
      units: b.units.length,
      edges,
      places: b.targets.reduce((s, t) => s + t.demand, 0),
      covered: result.covered,
      totalCost: pairs.reduce((s, p) => s + p.cost, 0),
      solves,
      solveMillis,
      droppedLocks: locked.length - fixed.length,
    },
  };
}
