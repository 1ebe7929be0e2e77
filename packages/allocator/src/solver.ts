import { NodeHeap } from './heap.ts';
import type { Network } from './network.ts';

/** Which arcs carry flow, and how many places each target could not fill. */
export type Flow = { arcFlow: Uint8Array; shortfall: Int32Array };

/**
 * Successive shortest paths with node potentials. Each open place of each target is routed in
 * turn along a shortest path (Dijkstra on reduced costs) from that target to the sink, either to
 * a unit with room, through a chain of reassignments, or onto a shortfall arc. Routing from any
 * node with excess keeps reduced costs non-negative, so the final flow is a min-cost flow of the
 * network; the penalty on shortfall arcs makes it lexicographically optimal. When units are
 * plentiful most searches stop after one target's arcs, so the first pass acts as a greedy start.
 *
 * Nodes: targets 0..T-1, units T..T+U-1, sink T+U.
 */
export function solve(network: Network): Flow {
  const { targetCount, unitCount, demand, capacity, arcStart, arcUnit, arcCost, penalty } = network;
  const arcCount = arcUnit.length;
  const sink = targetCount + unitCount;
  const nodeCount = sink + 1;

  const arcTarget = new Int32Array(arcCount);
  for (let t = 0; t < targetCount; t++) arcTarget.fill(t, arcStart[t], arcStart[t + 1]);

  // The arcs assigned to each unit live in a slot range sized to its capacity.
  const slotStart = new Int32Array(unitCount + 1);
  for (let u = 0; u < unitCount; u++) slotStart[u + 1] = slotStart[u] + capacity[u];
  const slotArc = new Int32Array(slotStart[unitCount]);
  const slotOf = new Int32Array(arcCount);
  const assigned = new Int32Array(unitCount);

  const arcFlow = new Uint8Array(arcCount);
  const shortfall = new Int32Array(targetCount);
  const potential = new Float64Array(nodeCount);
  const distance = new Float64Array(nodeCount).fill(Infinity);
  // Arc into a unit or target on the current search tree; for the sink, the node before it.
  const via = new Int32Array(nodeCount);
  const heap = new NodeHeap(nodeCount);
  const settled = new Int32Array(nodeCount);
  const touched = new Int32Array(nodeCount);

  const assign = (arc: number): void => {
    const u = arcUnit[arc];
    const slot = slotStart[u] + assigned[u]++;
    slotArc[slot] = arc;
    slotOf[arc] = slot;
    arcFlow[arc] = 1;
  };
  const release = (arc: number): void => {
    const u = arcUnit[arc];
    const last = slotStart[u] + --assigned[u];
    const slot = slotOf[arc];
    slotArc[slot] = slotArc[last];
    slotOf[slotArc[slot]] = slot;
    arcFlow[arc] = 0;
  };

  for (let source = 0; source < targetCount; source++) {
    for (let place = 0; place < demand[source]; place++) {
      let settledCount = 0;
      let touchedCount = 1;
      touched[0] = source;
      distance[source] = 0;
      heap.push(source, 0);
      const relax = (node: number, d: number, from: number): void => {
        if (d < distance[node]) {
          if (distance[node] === Infinity) touched[touchedCount++] = node;
          distance[node] = d;
          via[node] = from;
          heap.push(node, d);
        }
      };
      while (heap.size > 0) {
        const v = heap.pop();
        if (v === sink) break;
        settled[settledCount++] = v;
        const dv = distance[v] + potential[v];
        if (v < targetCount) {
          for (let a = arcStart[v]; a < arcStart[v + 1]; a++) {
            if (arcFlow[a]) continue;
            const u = targetCount + arcUnit[a];
            relax(u, dv + arcCost[a] - potential[u], a);
          }
          if (shortfall[v] < demand[v]) relax(sink, dv + penalty - potential[sink], v);
        } else {
          const u = v - targetCount;
          if (assigned[u] < capacity[u]) relax(sink, dv - potential[sink], v);
          for (let s = slotStart[u]; s < slotStart[u] + assigned[u]; s++) {
            const a = slotArc[s];
            const t = arcTarget[a];
            relax(t, dv - arcCost[a] - potential[t], a);
          }
        }
      }
      heap.clear();

      const pathLength = distance[sink];
      for (let i = 0; i < settledCount; i++) {
        const v = settled[i];
        potential[v] += distance[v] - pathLength;
      }
      for (let i = 0; i < touchedCount; i++) distance[touched[i]] = Infinity;

      // Walk back from the sink, flipping arcs along the path.
      let node = via[sink];
      if (node < targetCount) shortfall[node]++;
      while (node !== source) {
        const arc = via[node];
        if (node < targetCount) {
          release(arc);
          node = targetCount + arcUnit[arc];
        } else {
          assign(arc);
          node = arcTarget[arc];
        }
      }
    }
  }
  return { arcFlow, shortfall };
}
