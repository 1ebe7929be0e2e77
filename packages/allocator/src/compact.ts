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

  define(id: string, section: string, position: number): number {
    const known = this.index.get(id);
    if (known !== undefined) {
      if (this.defined[known])
        throw new InstanceError(`${section}[${position}]: duplicate ${this.kind} id "${id}"`);
      this.defined[known] = true;
      this.firstReference.delete(known);
      return known;
    }
    return this.add(id, true);
  }

  /** `section`, `position`, `unit` and `target` name the referring entry should the id stay undefined. */
  reference(id: string, section: string, position: number, unit: string, target: string): number {
    const known = this.index.get(id);
    if (known !== undefined) return known;
    const added = this.add(id, false);
    this.firstReference.set(added, pairEntry(section, position, unit, target));
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

function pairEntry(section: string, position: number, unit: string, target: string): string {
  return `${section}[${position}] (unit "${unit}", target "${target}")`;
}

function requireId(value: unknown, section: string, position: number, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InstanceError(`${section}[${position}]: "${field}" must be a non-empty string`);
  }
  return value;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function requireCount(
  value: unknown,
  section: string,
  position: number,
  field: string,
  detail = '',
): number {
  if (!isCount(value)) {
    throw new InstanceError(
      `${section}[${position}]${detail}: "${field}" must be a non-negative integer, got ${String(value)}`,
    );
  }
  return value;
}

function requireAmount(value: unknown, section: string, position: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InstanceError(
      `${section}[${position}]: "${field}" must be a non-negative number, got ${String(value)}`,
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
    const position = this.targetCount++;
    const index = this.targets.define(
      requireId(id, 'targets', position, 'id'),
      'targets',
      position,
    );
    this.demand.setAt(index, requireCount(demand, 'targets', position, 'demand'));
    this.minBudget.setAt(
      index,
      minBudget === undefined ? 0 : requireAmount(minBudget, 'targets', position, 'minBudget'),
    );
  }

  addUnit(id: unknown, capacity: unknown, budget: unknown): void {
    const position = this.unitCount++;
    const index = this.units.define(requireId(id, 'units', position, 'id'), 'units', position);
    this.capacity.setAt(index, requireCount(capacity, 'units', position, 'capacity'));
    this.budget.setAt(index, requireAmount(budget, 'units', position, 'budget'));
  }

  addEdge(unit: unknown, target: unknown, cost: unknown): void {
    const position = this.edgeCost.length;
    const unitId = requireId(unit, 'edges', position, 'unit');
    const targetId = requireId(target, 'edges', position, 'target');
    this.edgeUnit.push(this.units.reference(unitId, 'edges', position, unitId, targetId));
    this.edgeTarget.push(this.targets.reference(targetId, 'edges', position, unitId, targetId));
    // The entry's name is built only on failure: this runs once per edge of a national file.
    this.edgeCost.push(
      isCount(cost)
        ? cost
        : requireCount(
            cost,
            'edges',
            position,
            'cost',
            ` (unit "${unitId}", target "${targetId}")`,
          ),
    );
  }

  addFixed(unit: unknown, target: unknown): void {
    const position = this.fixedUnit.length;
    const unitId = requireId(unit, 'fixed', position, 'unit');
    const targetId = requireId(target, 'fixed', position, 'target');
    this.fixedUnit.push(this.units.reference(unitId, 'fixed', position, unitId, targetId));
    this.fixedTarget.push(this.targets.reference(targetId, 'fixed', position, unitId, targetId));
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
