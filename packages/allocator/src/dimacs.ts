import type { Network } from './network.ts';

const CHUNK_LINES = 4096;

/**
 * The network as a DIMACS "min" problem, in chunks of lines. Nodes: targets 1..T, units
 * T+1..T+U, sink T+U+1. Each target supplies its open places; the sink absorbs them all, either
 * through unit→sink arcs (capacity = open places of the unit, cost 0) or through the target's
 * shortfall arc (cost = penalty). The optimum is penalty × places left short + assignment cost.
 */
export function* dimacsChunks(network: Network): Generator<string> {
  const { targetCount, unitCount, demand, capacity, arcStart, arcUnit, arcCost, penalty } = network;
  const sink = targetCount + unitCount + 1;
  let supply = 0;
  let shortfallArcs = 0;
  for (let t = 0; t < targetCount; t++) {
    supply += demand[t];
    if (demand[t] > 0) shortfallArcs++;
  }
  let unitArcs = 0;
  for (let u = 0; u < unitCount; u++) if (capacity[u] > 0) unitArcs++;
  const arcTotal = arcUnit.length + unitArcs + shortfallArcs;

  let lines: string[] = [
    'c pairing allocation network (fixed pairs already removed, ineligible edges dropped)',
    `c nodes: targets 1..${targetCount}, units ${targetCount + 1}..${targetCount + unitCount}, sink ${sink}`,
    `c shortfall penalty ${penalty}: optimum = ${penalty} * places left short + assignment cost`,
    `p min ${sink} ${arcTotal}`,
  ];
  const flush = function* (force: boolean): Generator<string> {
    if (lines.length >= CHUNK_LINES || (force && lines.length > 0)) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  };
  for (let t = 0; t < targetCount; t++) {
    if (demand[t] > 0) lines.push(`n ${t + 1} ${demand[t]}`);
    yield* flush(false);
  }
  lines.push(`n ${sink} ${-supply}`);
  for (let t = 0; t < targetCount; t++) {
    for (let a = arcStart[t]; a < arcStart[t + 1]; a++) {
      lines.push(`a ${t + 1} ${targetCount + arcUnit[a] + 1} 0 1 ${arcCost[a]}`);
    }
    if (demand[t] > 0) lines.push(`a ${t + 1} ${sink} 0 ${demand[t]} ${penalty}`);
    yield* flush(false);
  }
  for (let u = 0; u < unitCount; u++) {
    if (capacity[u] > 0) lines.push(`a ${targetCount + u + 1} ${sink} 0 ${capacity[u]} 0`);
    yield* flush(false);
  }
  yield* flush(true);
}
