import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocate, type Instance, type Result } from '../src/index.ts';
import { instanceArbitrary, mulberry32 } from './arbitrary.ts';
import { loadLpSolver, lpOptimum } from './lp-oracle.ts';

beforeAll(loadLpSolver);

/** The checks every result must pass, whatever the optimum. */
function checkFeasible(instance: Instance, result: Result): void {
  const target = new Map(instance.targets.map((t) => [t.id, t]));
  const unit = new Map(instance.units.map((u) => [u.id, u]));
  const edge = new Map(instance.edges.map((e) => [`${e.unit}|${e.target}`, e]));
  const fixed = new Set((instance.fixed ?? []).map((f) => `${f.unit}|${f.target}`));
  const received = new Map<string, Set<string>>();
  const served = new Map<string, number>();
  let cost = 0;
  for (const a of result.assignments) {
    const key = `${a.unit}|${a.target}`;
    const units = received.get(a.target) ?? new Set();
    expect(units.has(a.unit), `unit ${a.unit} twice on ${a.target}`).toBe(false);
    received.set(a.target, units.add(a.unit));
    served.set(a.unit, (served.get(a.unit) ?? 0) + 1);
    expect(a.fixed).toBe(fixed.has(key));
    if (!a.fixed) {
      const listed = edge.get(key);
      expect(listed, `unlisted pair ${key}`).toBeDefined();
      expect(unit.get(a.unit)!.budget).toBeGreaterThanOrEqual(target.get(a.target)!.minBudget ?? 0);
      expect(a.cost).toBe(listed!.cost);
      cost += a.cost;
    }
  }
  for (const key of fixed) {
    const [u, t] = key.split('|');
    expect(received.get(t)?.has(u), `fixed pair ${key} kept`).toBe(true);
  }
  for (const u of instance.units) expect(served.get(u.id) ?? 0).toBeLessThanOrEqual(u.capacity);
  const uncovered = new Map(result.uncovered.map((x) => [x.target, x]));
  let covered = 0;
  for (const t of instance.targets) {
    const got = received.get(t.id)?.size ?? 0;
    covered += got;
    const short = uncovered.get(t.id);
    expect(got + (short?.missing ?? 0)).toBe(t.demand);
    if (short) {
      expect(short.missing).toBeGreaterThan(0);
      const eligible = instance.edges.some(
        (e) =>
          e.target === t.id &&
          !fixed.has(`${e.unit}|${e.target}`) &&
          unit.get(e.unit)!.budget >= (t.minBudget ?? 0),
      );
      expect(short.reason).toBe(eligible ? 'eligible_units_exhausted' : 'no_eligible_unit');
    }
  }
  expect(result.covered).toBe(covered);
  expect(result.totalCost).toBe(cost);
}

function shuffled<T>(items: T[], seed: number): T[] {
  const random = mulberry32(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('allocate against an independent LP solver', () => {
  it('matches the lexicographic optimum on small instances, feasible and infeasible', () => {
    let feasible = 0;
    let infeasible = 0;
    fc.assert(
      fc.property(instanceArbitrary({ maxTargets: 7, maxUnits: 7, maxCost: 30 }), (instance) => {
        const result = allocate(instance);
        checkFeasible(instance, result);
        expect({ covered: result.covered, totalCost: result.totalCost }).toEqual(
          lpOptimum(instance),
        );
        if (result.uncovered.length === 0) feasible++;
        else infeasible++;
      }),
      { numRuns: 300 },
    );
    expect(feasible).toBeGreaterThan(30);
    expect(infeasible).toBeGreaterThan(30);
  });

  it('matches it on medium instances where reassignment chains are long', () => {
    fc.assert(
      fc.property(
        instanceArbitrary({ maxTargets: 30, maxUnits: 25, maxCost: 1000 }),
        (instance) => {
          const result = allocate(instance);
          checkFeasible(instance, result);
          expect({ covered: result.covered, totalCost: result.totalCost }).toEqual(
            lpOptimum(instance),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds the same optimum when edges, targets and units are shuffled', () => {
    fc.assert(
      fc.property(
        instanceArbitrary({ maxTargets: 10, maxUnits: 10, maxCost: 50 }),
        fc.integer(),
        (instance, seed) => {
          const base = allocate(instance);
          const mixed = allocate({
            ...instance,
            edges: shuffled(instance.edges, seed),
            targets: shuffled(instance.targets, seed + 1),
            units: shuffled(instance.units, seed + 2),
          });
          expect([mixed.covered, mixed.totalCost]).toEqual([base.covered, base.totalCost]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
