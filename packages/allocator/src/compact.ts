import { GrowableFloat64, GrowableInt32 } from './growable.ts';
import { InstanceError } from './instance-error.ts';

/** An instance with ids replaced by indices and every list held in typed arrays. */
export type CompactInstance = {
  targetIds: string[];
  demand: Float64Array;
  minBudget: Float64Array;
  unitIds: string[];
  capacity: Float64Array;
  budget: Float64Array;
  edgeUnit: Int32Array;
  edgeTarget: Int32Array;
  edgeCost: Float64Array;
  fixedUnit: Int32Array;
  fixedTarget: Int32Array;
};

/**
 * Interns ids in order of first sight, so that edges may be read before the targets and units
 * they name (JSON key order is free); ids never defined are reported at the end.
 */
class IdTable {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly defined: boolean[] = [];
  private readonly firstReference = new Map<number, string>();

  constructor(private readonly kind: string) {}

  define(id: string, entry: string): number {
    const known = this.index.get(id);
    if (known !== undefined) {
      if (this.defined[known])
        throw new InstanceError(`${entry}: duplicate ${this.kind} id "${id}"`);
      this.defined[known] = true;
      this.firstReference.delete(known);
      return known;
    }
    return this.add(id, true);
  }

  reference(id: string, entry: () => string): number {
    const known = this.index.get(id);
    if (known !== undefined) return known;
    const added = this.add(id, false);
    this.firstReference.set(added, entry());
    return added;
  }

  checkAllDefined(): void {
    for (const [index, entry] of this.firstReference) {
      throw new InstanceError(`${entry}: unknown ${this.kind} "${this.ids[index]}"`);
    }
  }

  private add(id: string, defined: boolean): number {
    const added = this.ids.length;
    this.ids.push(id);
    this.defined.push(defined);
    this.index.set(id, added);
    return added;
  }
}

function requireId(value: unknown, entry: string, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InstanceError(`${entry}: "${field}" must be a non-empty string`);
  }
  return value;
}

function requireCount(value: unknown, entry: string, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InstanceError(
      `${entry}: "${field}" must be a non-negative integer, got ${String(value)}`,
    );
  }
  return value;
}

function requireAmount(value: unknown, entry: string, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InstanceError(
      `${entry}: "${field}" must be a non-negative number, got ${String(value)}`,
    );
  }
  return value;
}

/** Collects entries one at a time (from objects or from a JSON stream) and checks each field. */
export class InstanceBuilder {
  private readonly targets = new IdTable('target');
  private readonly units = new IdTable('unit');
  private readonly demand = new GrowableFloat64();
  private readonly minBudget = new GrowableFloat64();
  private readonly capacity = new GrowableFloat64();
  private readonly budget = new GrowableFloat64();
  private readonly edgeUnit = new GrowableInt32();
  private readonly edgeTarget = new GrowableInt32();
  private readonly edgeCost = new GrowableFloat64();
  private readonly fixedUnit = new GrowableInt32();
  private readonly fixedTarget = new GrowableInt32();
  private targetCount = 0;
  private unitCount = 0;

  addTarget(id: unknown, demand: unknown, minBudget: unknown): void {
    const entry = `targets[${this.targetCount++}]`;
    const index = this.targets.define(requireId(id, entry, 'id'), entry);
    this.demand.setAt(index, requireCount(demand, entry, 'demand'));
    this.minBudget.setAt(
      index,
      minBudget === undefined ? 0 : requireAmount(minBudget, entry, 'minBudget'),
    );
  }

  addUnit(id: unknown, capacity: unknown, budget: unknown): void {
    const entry = `units[${this.unitCount++}]`;
    const index = this.units.define(requireId(id, entry, 'id'), entry);
    this.capacity.setAt(index, requireCount(capacity, entry, 'capacity'));
    this.budget.setAt(index, requireAmount(budget, entry, 'budget'));
  }

  addEdge(unit: unknown, target: unknown, cost: unknown): void {
    const position = this.edgeCost.length;
    const entry = `edges[${position}]`;
    const unitId = requireId(unit, entry, 'unit');
    const targetId = requireId(target, entry, 'target');
    const describe = () => `${entry} (unit "${unitId}", target "${targetId}")`;
    this.edgeUnit.push(this.units.reference(unitId, describe));
    this.edgeTarget.push(this.targets.reference(targetId, describe));
    this.edgeCost.push(requireCount(cost, describe(), 'cost'));
  }

  addFixed(unit: unknown, target: unknown): void {
    const entry = `fixed[${this.fixedUnit.length}]`;
    const unitId = requireId(unit, entry, 'unit');
    const targetId = requireId(target, entry, 'target');
    const describe = () => `${entry} (unit "${unitId}", target "${targetId}")`;
    this.fixedUnit.push(this.units.reference(unitId, describe));
    this.fixedTarget.push(this.targets.reference(targetId, describe));
  }

  finish(): CompactInstance {
    this.targets.checkAllDefined();
    this.units.checkAllDefined();
    return {
      targetIds: this.targets.ids,
      demand: this.demand.view(),
      minBudget: this.minBudget.view(),
      unitIds: this.units.ids,
      capacity: this.capacity.view(),
      budget: this.budget.view(),
      edgeUnit: this.edgeUnit.view(),
      edgeTarget: this.edgeTarget.view(),
      edgeCost: this.edgeCost.view(),
      fixedUnit: this.fixedUnit.view(),
      fixedTarget: this.fixedTarget.view(),
    };
  }
}
