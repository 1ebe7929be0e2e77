import { lpSolver } from './lp-oracle.ts';

/**
 * Solves a DIMACS "min" file as an LP with HiGHS, to check that the exported network is a faithful
 * min-cost-flow problem. Returns the optimum, the total supply and the penalty from the comment.
 */
export function dimacsOptimum(text: string): { optimum: number; supply: number; penalty: number } {
  const balance = new Map<number, number>();
  const arcs: { from: number; to: number; high: number; cost: number }[] = [];
  let penalty = NaN;
  let declaredArcs = -1;
  for (const line of text.split('\n')) {
    const [kind, ...fields] = line.split(' ');
    if (kind === 'c' && fields[0] === 'shortfall') penalty = Number(fields[2].replace(':', ''));
    if (kind === 'p') declaredArcs = Number(fields[2]);
    if (kind === 'n') balance.set(Number(fields[0]), Number(fields[1]));
    if (kind === 'a') {
      const [from, to, , high, cost] = fields.map(Number);
      arcs.push({ from, to, high, cost });
    }
  }
  if (declaredArcs !== arcs.length)
    throw new Error(`declared ${declaredArcs} arcs, found ${arcs.length}`);
  const nodes = new Set(arcs.flatMap((a) => [a.from, a.to]));
  const rows = [...nodes].map((node) => {
    const terms = arcs.flatMap((a, i) =>
      a.from === node ? [`+ x${i}`] : a.to === node ? [`- x${i}`] : [],
    );
    return ` n${node}: ${terms.join(' ')} = ${balance.get(node) ?? 0}`;
  });
  const lp = `Minimize\n obj: ${arcs.map((a, i) => `+ ${a.cost} x${i}`).join(' ')}\nSubject To\n${rows.join('\n')}\nBounds\n${arcs.map((a, i) => ` 0 <= x${i} <= ${a.high}`).join('\n')}\nEnd`;
  const solution = lpSolver().solve(lp, { output_flag: false });
  if (solution.Status !== 'Optimal') throw new Error(`DIMACS LP: ${solution.Status}`);
  const supply = [...balance.values()].filter((b) => b > 0).reduce((a, b) => a + b, 0);
  return { optimum: Math.round(solution.ObjectiveValue), supply, penalty };
}
