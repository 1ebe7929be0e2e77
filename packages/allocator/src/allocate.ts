import { InstanceBuilder, type CompactInstance } from './compact.ts';
import { REASONS, type CompactResult } from './compact-result.ts';
import { assemble } from './assemble.ts';
import { dimacsChunks } from './dimacs.ts';
import { InstanceError } from './instance-error.ts';
import { buildNetwork } from './network.ts';
import { solve } from './solver.ts';
import type { AllocateOptions, Instance, Result } from './types.ts';
import { validate } from './validate.ts';

/** Validates, builds the network, solves it; the core shared by `allocate` and the CLI. */
export function allocateCompact(
  instance: CompactInstance,
  options: AllocateOptions = {},
): CompactResult {
  validate(instance);
  const network = buildNetwork(instance);
  if (options.dimacs) for (const chunk of dimacsChunks(network)) options.dimacs(chunk);
  return assemble(instance, network, solve(network));
}

function list<T>(value: T[] | undefined, name: string, optional = false): T[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) throw new InstanceError(`"${name}" must be an array`);
  return value;
}

export function compactInstance(instance: Instance): CompactInstance {
  if (typeof instance !== 'object' || instance === null)
    throw new InstanceError('instance must be an object');
  const builder = new InstanceBuilder();
  for (const t of list(instance.targets, 'targets'))
    builder.addTarget(t?.id, t?.demand, t?.minBudget);
  for (const u of list(instance.units, 'units')) builder.addUnit(u?.id, u?.capacity, u?.budget);
  for (const e of list(instance.edges, 'edges')) builder.addEdge(e?.unit, e?.target, e?.cost);
  for (const f of list(instance.fixed, 'fixed', true)) builder.addFixed(f?.unit, f?.target);
  return builder.finish();
}

/**
 * Assigns units to targets: as many demand places covered as possible, then the least total
 * cost of the assignments that are not fixed. Throws InstanceError for a bad instance.
 */
export function allocate(instance: Instance, options: AllocateOptions = {}): Result {
  const started = performance.now();
  const compact = compactInstance(instance);
  const result = allocateCompact(compact, options);
  const { targetIds, unitIds } = compact;
  return {
    assignments: Array.from(result.assignmentUnit, (unit, i) => ({
      unit: unitIds[unit],
      target: targetIds[result.assignmentTarget[i]],
      cost: result.assignmentCost[i],
      fixed: result.assignmentFixed[i] === 1,
    })),
    uncovered: Array.from(result.uncoveredTarget, (target, i) => ({
      target: targetIds[target],
      missing: result.uncoveredMissing[i],
      reason: REASONS[result.uncoveredReason[i]],
    })),
    covered: result.covered,
    totalCost: result.totalCost,
    stats: { millis: Math.round(performance.now() - started) },
  };
}
