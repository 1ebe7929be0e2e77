import type { FixedPair, Instance } from '@pairing/allocator';
import { districtKm } from './geo.ts';
import { needMask, servesMask } from './fit.ts';
import { edgeCost, type CostContext, type CostTarget, type CostUnit } from './cost.ts';
import { SmallestK } from './heap.ts';
import type { AllocationSettings } from './settings.ts';
import type { RoundData } from './sources.ts';

// The allocation instance of a round (docs/allocation.md "Instance"): targets are the rural orgs
// still short of the per-village requirement, units those with capacity left; live intentions
// are not re-allocated, they only reduce demand and capacity.

export type BuiltTarget = CostTarget & {
  demand: number;
  minBudget: number;
  districtId: number | null;
};
export type BuiltUnit = CostUnit & { capacity: number; districtId: number | null };

export type Built = {
  targets: BuiltTarget[];
  units: BuiltUnit[];
  ctx: CostContext;
  /** Per target (same index), its candidate unit indexes, cheapest first. */
  candidates: number[][];
  /** Per target, extra candidate unit indexes kept because the target is among a unit's cheapest. */
  extras: number[][];
  /** Live intentions per target id (they count toward the requirement). */
  live: Map<number, number>;
  /** True when (unit id, target id) may be proposed. */
  allowed: (unitId: number, targetId: number) => boolean;
};

const key = (u: number, t: number) => `${u}:${t}`;

/** A stable pseudo-random tie-break, so equally cheap units spread over the villages. */
const jitter = (t: number, u: number) =>
  (Math.imul(t + 1, 73856093) ^ Math.imul(u + 1, 19349663)) & 0x1fffff;

export function buildInstance(
  data: RoundData,
  settings: AllocationSettings,
  opts: { villageCap: number; weakMinBudget: number },
): Built {
  const districtIndex = new Map(data.districts.map((d, i) => [d.id, i]));
  const D = data.districts.length;
  const km = new Int32Array(D * D);
  const paired = new Uint8Array(D * D);
  for (let a = 0; a < D; a++)
    for (let b = 0; b < D; b++)
      km[a * D + b] =
        a === b ? 0 : (districtKm(data.districts[a].code, data.districts[b].code) ?? -1);
  for (const p of data.districtPairs) {
    const a = districtIndex.get(p.urban);
    const b = districtIndex.get(p.rural);
    if (a != null && b != null) paired[a * D + b] = 1;
  }
  const previous = new Map<number, Set<number>>();
  for (const p of data.previous) {
    if (!previous.has(p.urban)) previous.set(p.urban, new Set());
    previous.get(p.urban)!.add(p.rural);
  }
  const preferences = new Map<number, string[]>();
  for (const p of data.preferences)
    preferences.set(p.urban, [...(preferences.get(p.urban) ?? []), p.path]);
  const ctx: CostContext = { settings, districts: D, km, paired, previous, preferences };

  const liveByTarget = new Map<number, number>();
  const liveByUnit = new Map<number, number>();
  const blocked = new Set<string>();
  for (const p of data.live) {
    liveByTarget.set(p.rural, (liveByTarget.get(p.rural) ?? 0) + 1);
    liveByUnit.set(p.urban, (liveByUnit.get(p.urban) ?? 0) + 1);
    blocked.add(key(p.urban, p.rural));
  }
  for (const p of [...data.declined, ...data.exclusions]) blocked.add(key(p.urban, p.rural));

  const required = Math.min(settings.requiredPerVillage, opts.villageCap);
  const targets: BuiltTarget[] = [];
  for (const t of data.targets) {
    const demand = required - (liveByTarget.get(t.id) ?? 0);
    if (demand <= 0) continue;
    targets.push({
      id: t.id,
      path: t.path,
      district: districtIndex.get(t.districtId ?? -1) ?? -1,
      districtId: t.districtId,
      weak: t.weak,
      needMask: needMask(t.needs),
      demand,
      minBudget: t.weak ? opts.weakMinBudget : 0,
    });
  }
  const units: BuiltUnit[] = [];
  for (const u of data.units) {
    const capacity = u.capacity - (liveByUnit.get(u.id) ?? 0);
    if (capacity <= 0) continue;
    units.push({
      id: u.id,
      district: districtIndex.get(u.districtId ?? -1) ?? -1,
      districtId: u.districtId,
      budget: u.budget,
      servesMask: servesMask(u.resources),
      capacity,
    });
  }

  // Pruning (docs/allocation.md "Pruning"): each target keeps its cheapest units, enough for
  // every widening round, and each unit its `topPerUnit` cheapest targets.
  const keep = settings.topK * 2 ** settings.widenRounds;
  const perTarget = targets.map(() => new SmallestK(keep));
  const perUnit = units.map(() => new SmallestK(settings.topPerUnit));
  const allowed = (u: number, t: number) => !blocked.has(key(u, t));
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    for (let j = 0; j < units.length; j++) {
      const u = units[j];
      if (u.budget < t.minBudget || blocked.has(key(u.id, t.id))) continue;
      const k = edgeCost(t, u, ctx) * 0x200000 + jitter(i, j);
      perTarget[i].push(k, j);
      perUnit[j].push(k, i);
    }
  }
  const candidates = perTarget.map((h) => h.sorted());
  const extras: number[][] = targets.map(() => []);
  perUnit.forEach((h, j) => {
    for (const i of h.sorted()) extras[i].push(j);
  });
  return { targets, units, ctx, candidates, extras, live: liveByTarget, allowed };
}

/** The engine instance with each target's first `topK × 2^level` candidates and its extras. */
export function toInstance(b: Built, levels: Uint8Array, fixed: FixedPair[]): Instance {
  const edges: Instance['edges'] = [];
  b.targets.forEach((t, i) => {
    const n = b.ctx.settings.topK * 2 ** levels[i];
    const seen = new Set<number>();
    for (const j of [...b.candidates[i].slice(0, n), ...b.extras[i]]) {
      if (seen.has(j)) continue;
      seen.add(j);
      edges.push({
        unit: String(b.units[j].id),
        target: String(t.id),
        cost: edgeCost(t, b.units[j], b.ctx),
      });
    }
  });
  return {
    targets: b.targets.map((t) => ({ id: String(t.id), demand: t.demand, minBudget: t.minBudget })),
    units: b.units.map((u) => ({ id: String(u.id), capacity: u.capacity, budget: u.budget })),
    edges,
    fixed,
  };
}
