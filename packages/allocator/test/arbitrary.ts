import fc from 'fast-check';
import type { Instance } from '../src/index.ts';

export type Shape = { maxTargets: number; maxUnits: number; maxCost: number };

/**
 * Random valid instances: unique edges, budgets that make some edges ineligible, and fixed pairs
 * kept within capacity and demand. Small capacities make many of them infeasible.
 */
export function instanceArbitrary(shape: Shape): fc.Arbitrary<Instance> {
  return fc
    .record({
      targets: fc.array(
        fc.record({
          demand: fc.integer({ min: 0, max: 3 }),
          minBudget: fc.option(fc.constantFrom(0, 50, 100)),
        }),
        { minLength: 1, maxLength: shape.maxTargets },
      ),
      units: fc.array(
        fc.record({
          capacity: fc.integer({ min: 0, max: 3 }),
          budget: fc.constantFrom(0, 50, 100, 150),
        }),
        { minLength: 1, maxLength: shape.maxUnits },
      ),
      density: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      seed: fc.integer(),
    })
    .map(({ targets, units, density, seed }) => {
      const random = mulberry32(seed);
      const instance: Instance = {
        targets: targets.map((t, i) => ({
          id: `t${i}`,
          demand: t.demand,
          ...(t.minBudget === null ? {} : { minBudget: t.minBudget }),
        })),
        units: units.map((u, i) => ({ id: `u${i}`, capacity: u.capacity, budget: u.budget })),
        edges: [],
        fixed: [],
      };
      const demandLeft = targets.map((t) => t.demand);
      const capacityLeft = units.map((u) => u.capacity);
      targets.forEach((_, t) =>
        units.forEach((_, u) => {
          const draw = random();
          const cost = Math.floor(random() * (shape.maxCost + 1));
          const pair = { unit: `u${u}`, target: `t${t}` };
          if (draw < density) instance.edges.push({ ...pair, cost });
          if (draw < 0.08 && demandLeft[t] > 0 && capacityLeft[u] > 0) {
            demandLeft[t]--;
            capacityLeft[u]--;
            instance.fixed!.push(pair);
          }
        }),
      );
      return instance;
    });
}

/** A small seeded generator, so that one fast-check seed fixes the whole instance. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
