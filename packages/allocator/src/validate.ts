import type { CompactInstance } from './compact.ts';
import { groupBy, type Groups } from './group.ts';
import { InstanceError } from './instance-error.ts';

/** Checks the rules that span several entries; field-level checks happen while building. */
export function validate(instance: CompactInstance): void {
  const targetCount = instance.targetIds.length;
  checkDuplicatePairs(
    instance,
    'edges',
    instance.edgeUnit,
    groupBy(instance.edgeTarget, targetCount),
  );
  checkDuplicatePairs(
    instance,
    'fixed',
    instance.fixedUnit,
    groupBy(instance.fixedTarget, targetCount),
  );
  checkFixedCounts(instance);
}

function pairName(
  instance: CompactInstance,
  section: string,
  entry: number,
  unit: number,
  target: number,
): string {
  return `${section}[${entry}] (unit "${instance.unitIds[unit]}", target "${instance.targetIds[target]}")`;
}

function checkDuplicatePairs(
  instance: CompactInstance,
  section: string,
  units: Int32Array,
  byTarget: Groups,
): void {
  const lastTarget = new Int32Array(instance.unitIds.length).fill(-1);
  for (let target = 0; target < instance.targetIds.length; target++) {
    for (let k = byTarget.start[target]; k < byTarget.start[target + 1]; k++) {
      const entry = byTarget.order[k];
      const unit = units[entry];
      if (lastTarget[unit] === target) {
        throw new InstanceError(
          `${pairName(instance, section, entry, unit, target)}: duplicate pair`,
        );
      }
      lastTarget[unit] = target;
    }
  }
}

function checkFixedCounts(instance: CompactInstance): void {
  const perUnit = new Float64Array(instance.unitIds.length);
  const perTarget = new Float64Array(instance.targetIds.length);
  for (let entry = 0; entry < instance.fixedUnit.length; entry++) {
    const unit = instance.fixedUnit[entry];
    const target = instance.fixedTarget[entry];
    const name = pairName(instance, 'fixed', entry, unit, target);
    if (++perUnit[unit] > instance.capacity[unit]) {
      throw new InstanceError(
        `${name}: exceeds the capacity ${instance.capacity[unit]} of the unit`,
      );
    }
    if (++perTarget[target] > instance.demand[target]) {
      throw new InstanceError(
        `${name}: exceeds the demand ${instance.demand[target]} of the target`,
      );
    }
  }
}
