import type { CompactInstance } from '../src/index.ts';
import { mulberry32 } from '../test/arbitrary.ts';

export type Scale = {
  name: string;
  targets: number;
  units: number;
  edgesPerTarget: number;
  districts: number;
  seed: number;
};

/**
 * A seeded instance with the structure of a real round: targets grouped by district, units that
 * prefer a few districts (most of a target's edges go to them), weak villages that need a larger
 * budget, some targets needing two units, and a few fixed pairs carried over from the last round.
 * Built straight into typed arrays so that national scale fits in memory.
 */
export function generate(scale: Scale): CompactInstance {
  const random = mulberry32(scale.seed);
  const { targets, units, districts, edgesPerTarget } = scale;

  // District sizes vary about fourfold, as suburban districts do.
  const weight = Array.from({ length: districts }, () => 0.5 + 1.5 * random());
  const total = weight.reduce((a, b) => a + b, 0);
  const districtStart = new Int32Array(districts + 1);
  for (let d = 0; d < districts; d++)
    districtStart[d + 1] = districtStart[d] + Math.round((weight[d] / total) * targets);
  districtStart[districts] = targets;
  const targetDistrict = new Int32Array(targets);
  for (let d = 0; d < districts; d++)
    targetDistrict.fill(d, districtStart[d], Math.min(districtStart[d + 1], targets));

  const targetIds = Array.from({ length: targets }, (_, t) =>
    String(310000000000 + targetDistrict[t] * 10000000 + t),
  );
  const demand = new Float64Array(targets);
  const minBudget = new Float64Array(targets);
  for (let t = 0; t < targets; t++) {
    demand[t] = random() < 0.1 ? 2 : 1;
    minBudget[t] = random() < 0.15 ? 50000 : 0;
  }

  // Units are bucketed by preferred district, so that a district's candidates are a contiguous range.
  const unitIds = Array.from({ length: units }, (_, u) => `u-${u}`);
  const capacity = new Float64Array(units);
  const budget = new Float64Array(units);
  for (let u = 0; u < units; u++) {
    const r = random();
    capacity[u] = r < 0.75 ? 1 : r < 0.95 ? 2 : 3;
    budget[u] = Math.round(10000 * Math.exp(2 * random()));
  }
  const unitDistrictStart = new Int32Array(districts + 1);
  for (let d = 0; d <= districts; d++)
    unitDistrictStart[d] = Math.round((districtStart[d] / targets) * units);

  const edgeCount = targets * edgesPerTarget;
  const edgeUnit = new Int32Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const edgeCost = new Float64Array(edgeCount);
  const chosen = new Int32Array(units).fill(-1);
  let e = 0;
  for (let t = 0; t < targets; t++) {
    const d = targetDistrict[t];
    const from = unitDistrictStart[d];
    const span = unitDistrictStart[d + 1] - from;
    for (let k = 0; k < edgesPerTarget; k++) {
      const local = random() < 0.7 && span > 0;
      let unit = local ? from + Math.floor(random() * span) : Math.floor(random() * units);
      while (chosen[unit] === t) unit = (unit + 1) % units;
      chosen[unit] = t;
      edgeUnit[e] = unit;
      edgeTarget[e] = t;
      // Distance term, needs fit term, and a small continuity bonus noise.
      edgeCost[e++] = (local ? 100 : 400) + Math.floor(random() * 500) + Math.floor(random() * 50);
    }
  }

  // Fixed pairs: about 2% of targets keep one of their edges' units.
  const fixedUnit: number[] = [];
  const fixedTarget: number[] = [];
  const used = new Float64Array(units);
  for (let t = 0; t < targets; t++) {
    if (random() >= 0.02) continue;
    const unit = edgeUnit[t * edgesPerTarget + Math.floor(random() * edgesPerTarget)];
    if (used[unit] < capacity[unit]) {
      used[unit]++;
      fixedUnit.push(unit);
      fixedTarget.push(t);
    }
  }
  return {
    targetIds,
    demand,
    minBudget,
    unitIds,
    capacity,
    budget,
    edgeUnit,
    edgeTarget,
    edgeCost,
    fixedUnit: Int32Array.from(fixedUnit),
    fixedTarget: Int32Array.from(fixedTarget),
  };
}
