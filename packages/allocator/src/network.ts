import type { CompactInstance } from './compact.ts';
import { groupBy } from './group.ts';
import { InstanceError } from './instance-error.ts';

/**
 * Largest cost bound the solver accepts: potentials stay within a few times the shortfall
 * penalty, and every one of those sums must be an exact integer in a double (< 2^53).
 */
export const MAX_COST_BOUND = 2 ** 50;

/**
 * The transportation network left after fixed pairs consumed their demand and capacity and
 * ineligible edges were dropped. Arcs target→unit are grouped by target (CSR); every target
 * also has a shortfall arc to the sink whose cost `penalty` exceeds any assignment total, so a
 * min-cost flow covers as many places as possible first and minimizes cost second.
 */
export type Network = {
  targetCount: number;
  unitCount: number;
  /** Places still to fill per target, after fixed pairs, clipped to its arc count. */
  demand: Int32Array;
  /** Places still open per unit, after fixed pairs, clipped to its arc count. */
  capacity: Int32Array;
  arcStart: Int32Array;
  arcUnit: Int32Array;
  arcCost: Float64Array;
  /** Index of the instance edge behind each arc. */
  arcEdge: Int32Array;
  /** Eligible edges per target before units exhausted by fixed pairs were dropped. */
  eligibleCount: Int32Array;
  /** Cost of each fixed pair as listed among the edges, 0 when it is not listed. */
  fixedCost: Float64Array;
  penalty: number;
};

export function buildNetwork(instance: CompactInstance): Network {
  const targetCount = instance.targetIds.length;
  const unitCount = instance.unitIds.length;
  const openDemand = Float64Array.from(instance.demand);
  const openCapacity = Float64Array.from(instance.capacity);
  for (let i = 0; i < instance.fixedUnit.length; i++) {
    openDemand[instance.fixedTarget[i]]--;
    openCapacity[instance.fixedUnit[i]]--;
  }

  const fixedByTarget = groupBy(instance.fixedTarget, targetCount);
  const edgesByTarget = groupBy(instance.edgeTarget, targetCount);
  const fixedMark = new Int32Array(unitCount).fill(-1);
  const fixedEntry = new Int32Array(unitCount);
  const fixedCost = new Float64Array(instance.fixedUnit.length);
  const eligibleCount = new Int32Array(targetCount);
  const kept = new Uint8Array(instance.edgeCost.length);
  const arcStart = new Int32Array(targetCount + 1);
  for (let t = 0; t < targetCount; t++) {
    for (let k = fixedByTarget.start[t]; k < fixedByTarget.start[t + 1]; k++) {
      const entry = fixedByTarget.order[k];
      fixedMark[instance.fixedUnit[entry]] = t;
      fixedEntry[instance.fixedUnit[entry]] = entry;
    }
    let arcs = 0;
    for (let k = edgesByTarget.start[t]; k < edgesByTarget.start[t + 1]; k++) {
      const edge = edgesByTarget.order[k];
      const unit = instance.edgeUnit[edge];
      if (fixedMark[unit] === t) {
        fixedCost[fixedEntry[unit]] = instance.edgeCost[edge];
        continue;
      }
      if (instance.budget[unit] < instance.minBudget[t]) continue;
      eligibleCount[t]++;
      if (openDemand[t] > 0 && openCapacity[unit] > 0) {
        kept[edge] = 1;
        arcs++;
      }
    }
    arcStart[t + 1] = arcStart[t] + arcs;
  }

  const arcCount = arcStart[targetCount];
  const arcUnit = new Int32Array(arcCount);
  const arcCost = new Float64Array(arcCount);
  const arcEdge = new Int32Array(arcCount);
  const unitArcs = new Int32Array(unitCount);
  const demand = new Int32Array(targetCount);
  let costBound = 0;
  for (let t = 0, a = 0; t < targetCount; t++) {
    let maxCost = 0;
    for (let k = edgesByTarget.start[t]; k < edgesByTarget.start[t + 1]; k++) {
      const edge = edgesByTarget.order[k];
      if (!kept[edge]) continue;
      const unit = instance.edgeUnit[edge];
      arcUnit[a] = unit;
      arcCost[a] = instance.edgeCost[edge];
      arcEdge[a] = edge;
      unitArcs[unit]++;
      if (arcCost[a] > maxCost) maxCost = arcCost[a];
      a++;
    }
    // A target cannot take more distinct units than it has arcs: the rest is shortfall anyway.
    demand[t] = Math.min(openDemand[t], arcStart[t + 1] - arcStart[t]);
    costBound += demand[t] * maxCost;
  }
  if (costBound >= MAX_COST_BOUND) {
    throw new InstanceError(
      `costs too large: the sum over targets of demand × largest edge cost is ${costBound}, the limit is 2^50`,
    );
  }

  const capacity = new Int32Array(unitCount);
  for (let u = 0; u < unitCount; u++)
    capacity[u] = Math.max(0, Math.min(openCapacity[u], unitArcs[u]));
  return {
    targetCount,
    unitCount,
    demand,
    capacity,
    arcStart,
    arcUnit,
    arcCost,
    arcEdge,
    eligibleCount,
    fixedCost,
    penalty: costBound + 1,
  };
}
