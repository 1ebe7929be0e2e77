import type { CompactInstance } from './compact.ts';
import type { CompactResult } from './compact-result.ts';
import { groupBy } from './group.ts';
import type { Network } from './network.ts';
import type { Flow } from './solver.ts';

/** Lists assignments target by target (fixed pairs first) and the targets left short. */
export function assemble(instance: CompactInstance, network: Network, flow: Flow): CompactResult {
  const { arcStart, arcUnit, arcCost, targetCount } = network;
  const fixedCount = instance.fixedUnit.length;
  let assignmentCount = fixedCount;
  for (let a = 0; a < flow.arcFlow.length; a++) assignmentCount += flow.arcFlow[a];

  const assignmentUnit = new Int32Array(assignmentCount);
  const assignmentTarget = new Int32Array(assignmentCount);
  const assignmentCost = new Float64Array(assignmentCount);
  const assignmentFixed = new Uint8Array(assignmentCount);
  const missing = new Float64Array(targetCount);
  const fixedByTarget = groupBy(instance.fixedTarget, targetCount);
  let next = 0;
  let totalCost = 0;
  let uncoveredCount = 0;
  let uncoveredPlaces = 0;
  let demandPlaces = 0;
  for (let t = 0; t < targetCount; t++) {
    let received = 0;
    for (let k = fixedByTarget.start[t]; k < fixedByTarget.start[t + 1]; k++) {
      const entry = fixedByTarget.order[k];
      assignmentUnit[next] = instance.fixedUnit[entry];
      assignmentTarget[next] = t;
      assignmentCost[next] = network.fixedCost[entry];
      assignmentFixed[next++] = 1;
      received++;
    }
    for (let a = arcStart[t]; a < arcStart[t + 1]; a++) {
      if (!flow.arcFlow[a]) continue;
      assignmentUnit[next] = arcUnit[a];
      assignmentTarget[next] = t;
      assignmentCost[next++] = arcCost[a];
      totalCost += arcCost[a];
      received++;
    }
    demandPlaces += instance.demand[t];
    missing[t] = instance.demand[t] - received;
    if (missing[t] > 0) {
      uncoveredCount++;
      uncoveredPlaces += missing[t];
    }
  }

  const uncoveredTarget = new Int32Array(uncoveredCount);
  const uncoveredMissing = new Float64Array(uncoveredCount);
  const uncoveredReason = new Uint8Array(uncoveredCount);
  for (let t = 0, k = 0; t < targetCount; t++) {
    if (missing[t] <= 0) continue;
    uncoveredTarget[k] = t;
    uncoveredMissing[k] = missing[t];
    uncoveredReason[k++] = network.eligibleCount[t] === 0 ? 0 : 1;
  }
  return {
    assignmentUnit,
    assignmentTarget,
    assignmentCost,
    assignmentFixed,
    uncoveredTarget,
    uncoveredMissing,
    uncoveredReason,
    covered: demandPlaces - uncoveredPlaces,
    totalCost,
  };
}
