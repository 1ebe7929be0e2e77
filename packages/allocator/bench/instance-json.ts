import type { CompactInstance, Instance } from '../src/index.ts';

const CHUNK_ENTRIES = 16384;

/** The instance as JSON text in chunks, for writing national-scale files without one huge string. */
export function* instanceJsonChunks(instance: CompactInstance): Generator<string> {
  const { targetIds, unitIds } = instance;
  let parts: string[] = [];
  function* section(
    name: string,
    count: number,
    entry: (i: number) => string,
    last = false,
  ): Generator<string> {
    parts.push(`"${name}":[`);
    for (let i = 0; i < count; i++) {
      parts.push(`${i === 0 ? '' : ','}\n${entry(i)}`);
      if (parts.length >= CHUNK_ENTRIES) {
        yield parts.join('');
        parts = [];
      }
    }
    parts.push(last ? ']}\n' : '],\n');
  }
  parts.push('{');
  yield* section('targets', targetIds.length, (t) => {
    const budget = instance.minBudget[t] > 0 ? `,"minBudget":${instance.minBudget[t]}` : '';
    return `{"id":"${targetIds[t]}","demand":${instance.demand[t]}${budget}}`;
  });
  yield* section(
    'units',
    unitIds.length,
    (u) =>
      `{"id":"${unitIds[u]}","capacity":${instance.capacity[u]},"budget":${instance.budget[u]}}`,
  );
  yield* section(
    'edges',
    instance.edgeCost.length,
    (e) =>
      `{"unit":"${unitIds[instance.edgeUnit[e]]}","target":"${targetIds[instance.edgeTarget[e]]}","cost":${instance.edgeCost[e]}}`,
  );
  yield* section(
    'fixed',
    instance.fixedUnit.length,
    (f) =>
      `{"unit":"${unitIds[instance.fixedUnit[f]]}","target":"${targetIds[instance.fixedTarget[f]]}"}`,
    true,
  );
  yield parts.join('');
}

/** Plain objects for the LP oracle, which works on the public instance shape. */
export function toInstance(instance: CompactInstance): Instance {
  const { targetIds, unitIds } = instance;
  return {
    targets: targetIds.map((id, t) => ({
      id,
      demand: instance.demand[t],
      minBudget: instance.minBudget[t],
    })),
    units: unitIds.map((id, u) => ({
      id,
      capacity: instance.capacity[u],
      budget: instance.budget[u],
    })),
    edges: Array.from(instance.edgeCost, (cost, e) => ({
      unit: unitIds[instance.edgeUnit[e]],
      target: targetIds[instance.edgeTarget[e]],
      cost,
    })),
    fixed: Array.from(instance.fixedUnit, (unit, f) => ({
      unit: unitIds[unit],
      target: targetIds[instance.fixedTarget[f]],
    })),
  };
}
