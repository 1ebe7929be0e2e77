import loadHighs from 'highs';
import type { Instance } from '../src/index.ts';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

export type LpOptimum = { covered: number; totalCost: number };

let highs: Highs | undefined;

export async function loadLpSolver(): Promise<void> {
  highs ??= await loadHighs();
}

export function lpSolver(): Highs {
  if (!highs) throw new Error('call loadLpSolver() first');
  return highs;
}

/**
 * The allocation as a transportation LP, solved independently of the engine: first the most
 * places that can be covered, then the least cost with that coverage held. The constraint matrix
 * is a network matrix, so both optima are integral.
 */
export function lpOptimum(instance: Instance): LpOptimum {
  const highs = lpSolver();
  const fixed = instance.fixed ?? [];
  const fixedKeys = new Set(fixed.map((f) => `${f.unit}\u0000${f.target}`));
  const minBudget = new Map(instance.targets.map((t) => [t.id, t.minBudget ?? 0]));
  const budget = new Map(instance.units.map((u) => [u.id, u.budget]));
  const edges = instance.edges.filter(
    (e) =>
      !fixedKeys.has(`${e.unit}\u0000${e.target}`) &&
      budget.get(e.unit)! >= minBudget.get(e.target)!,
  );
  const fixedCovered = fixed.length;
  if (edges.length === 0) return { covered: fixedCovered, totalCost: 0 };

  const rows: string[] = [];
  const openDemand = new Map(instance.targets.map((t) => [t.id, t.demand]));
  const openCapacity = new Map(instance.units.map((u) => [u.id, u.capacity]));
  for (const f of fixed) {
    openDemand.set(f.target, openDemand.get(f.target)! - 1);
    openCapacity.set(f.unit, openCapacity.get(f.unit)! - 1);
  }
  const byTarget = new Map<string, string[]>();
  const byUnit = new Map<string, string[]>();
  edges.forEach((e, i) => {
    append(byTarget, e.target, `x${i}`);
    append(byUnit, e.unit, `x${i}`);
  });
  instance.targets.forEach((t, i) => {
    const terms = byTarget.get(t.id);
    if (terms) rows.push(` t${i}: ${terms.join(' + ')} <= ${openDemand.get(t.id)}`);
  });
  instance.units.forEach((u, i) => {
    const terms = byUnit.get(u.id);
    if (terms) rows.push(` u${i}: ${terms.join(' + ')} <= ${openCapacity.get(u.id)}`);
  });
  const bounds = edges.map((_, i) => ` 0 <= x${i} <= 1`).join('\n');
  const all = edges.map((_, i) => `x${i}`).join(' + ');

  const coverage = highs.solve(
    `Maximize\n obj: ${all}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds}\nEnd`,
    {
      output_flag: false,
    },
  );
  if (coverage.Status !== 'Optimal') throw new Error(`coverage LP: ${coverage.Status}`);
  const covered = Math.round(coverage.ObjectiveValue);

  const costTerms = edges.map((e, i) => `${e.cost} x${i}`).join(' + ');
  const cost = highs.solve(
    `Minimize\n obj: ${costTerms}\nSubject To\n${rows.join('\n')}\n cover: ${all} >= ${covered}\nBounds\n${bounds}\nEnd`,
    { output_flag: false },
  );
  if (cost.Status !== 'Optimal') throw new Error(`cost LP: ${cost.Status}`);
  return { covered: covered + fixedCovered, totalCost: Math.round(cost.ObjectiveValue) };
}

function append(map: Map<string, string[]>, key: string, name: string): void {
  const list = map.get(key);
  if (list) list.push(name);
  else map.set(key, [name]);
}
