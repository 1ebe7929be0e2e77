import { describe, expect, it } from 'vitest';
import { allocate, InstanceError, type Instance } from '../src/index.ts';

const base = (): Instance => ({
  targets: [
    { id: 't1', demand: 1 },
    { id: 't2', demand: 1, minBudget: 100 },
  ],
  units: [
    { id: 'u1', capacity: 1, budget: 50 },
    { id: 'u2', capacity: 2, budget: 200 },
  ],
  edges: [
    { unit: 'u1', target: 't1', cost: 3 },
    { unit: 'u2', target: 't2', cost: 4 },
  ],
  fixed: [],
});

function rejects(change: (instance: Instance) => void, message: RegExp): void {
  const instance = base();
  change(instance);
  expect(() => allocate(instance)).toThrow(InstanceError);
  expect(() => allocate(instance)).toThrow(message);
}

describe('instance validation', () => {
  it('accepts the base instance', () => {
    expect(allocate(base()).covered).toBe(2);
  });

  it('rejects an edge naming an unknown unit or target', () => {
    rejects(
      (i) => i.edges.push({ unit: 'u9', target: 't1', cost: 1 }),
      /edges\[2\].*unknown unit "u9"/,
    );
    rejects(
      (i) => i.edges.push({ unit: 'u1', target: 't9', cost: 1 }),
      /edges\[2\].*unknown target "t9"/,
    );
  });

  it('rejects a fixed pair naming an unknown id', () => {
    rejects((i) => i.fixed!.push({ unit: 'u7', target: 't1' }), /fixed\[0\].*unknown unit "u7"/);
  });

  it('rejects duplicate ids', () => {
    rejects(
      (i) => i.targets.push({ id: 't1', demand: 1 }),
      /targets\[2\]: duplicate target id "t1"/,
    );
    rejects(
      (i) => i.units.push({ id: 'u2', capacity: 1, budget: 0 }),
      /units\[2\]: duplicate unit id "u2"/,
    );
  });

  it('rejects negative and non-integer numbers', () => {
    rejects(
      (i) => (i.targets[1].demand = -1),
      /targets\[1\]: "demand" must be a non-negative integer/,
    );
    rejects((i) => (i.targets[0].demand = 1.5), /targets\[0\]: "demand"/);
    rejects((i) => (i.units[0].capacity = -2), /units\[0\]: "capacity"/);
    rejects((i) => (i.units[1].budget = -5), /units\[1\]: "budget" must be a non-negative number/);
    rejects((i) => (i.targets[1].minBudget = -1), /targets\[1\]: "minBudget"/);
    rejects((i) => (i.edges[1].cost = -4), /edges\[1\] \(unit "u2", target "t2"\).*"cost"/);
    rejects((i) => (i.edges[0].cost = 0.5), /edges\[0\].*"cost"/);
  });

  it('rejects missing or mistyped fields', () => {
    rejects((i) => (i.targets[0].id = ''), /targets\[0\]: "id" must be a non-empty string/);
    rejects((i) => ((i.edges[0] as { cost: unknown }).cost = '3'), /edges\[0\].*"cost"/);
    rejects((i) => ((i as { units: unknown }).units = undefined), /"units" must be an array/);
  });

  it('rejects duplicate edges', () => {
    rejects(
      (i) => i.edges.push({ unit: 'u1', target: 't1', cost: 9 }),
      /edges\[2\] \(unit "u1", target "t1"\): duplicate pair/,
    );
  });

  it('rejects duplicate fixed pairs', () => {
    rejects(
      (i) => i.fixed!.push({ unit: 'u2', target: 't2' }, { unit: 'u2', target: 't2' }),
      /fixed\[1\] \(unit "u2", target "t2"\): duplicate pair/,
    );
  });

  it("rejects fixed pairs beyond a unit's capacity", () => {
    rejects(
      (i) => i.fixed!.push({ unit: 'u1', target: 't1' }, { unit: 'u1', target: 't2' }),
      /fixed\[1\] \(unit "u1", target "t2"\): exceeds the capacity 1 of the unit/,
    );
  });

  it("rejects fixed pairs beyond a target's demand", () => {
    rejects(
      (i) => i.fixed!.push({ unit: 'u1', target: 't1' }, { unit: 'u2', target: 't1' }),
      /fixed\[1\] \(unit "u2", target "t1"\): exceeds the demand 1 of the target/,
    );
  });

  it('rejects costs whose sum could lose precision', () => {
    rejects((i) => (i.edges[1].cost = 2 ** 52), /costs too large/);
  });
});

describe('contract details', () => {
  it('keeps fixed pairs whatever their cost and budget, outside the total cost', () => {
    const instance = base();
    instance.targets[1].demand = 2;
    instance.fixed!.push({ unit: 'u1', target: 't2' });
    instance.edges.push({ unit: 'u1', target: 't2', cost: 1000 });
    const result = allocate(instance);
    expect(result.assignments).toContainEqual({
      unit: 'u1',
      target: 't2',
      cost: 1000,
      fixed: true,
    });
    expect(result.totalCost).toBe(4);
    expect(result.covered).toBe(2);
    expect(result.uncovered).toEqual([
      { target: 't1', missing: 1, reason: 'eligible_units_exhausted' },
    ]);
  });

  it('tells a target with no eligible unit from one whose units are taken', () => {
    const instance = base();
    instance.targets.push({ id: 't3', demand: 1, minBudget: 1000 });
    instance.edges.push({ unit: 'u2', target: 't3', cost: 1 });
    const result = allocate(instance);
    expect(result.uncovered).toEqual([{ target: 't3', missing: 1, reason: 'no_eligible_unit' }]);
  });

  it('covers more places before it saves cost', () => {
    const instance: Instance = {
      targets: [
        { id: 'a', demand: 1 },
        { id: 'b', demand: 1 },
      ],
      units: [
        { id: 'x', capacity: 1, budget: 0 },
        { id: 'y', capacity: 1, budget: 0 },
      ],
      edges: [
        { unit: 'x', target: 'a', cost: 0 },
        { unit: 'x', target: 'b', cost: 0 },
        { unit: 'y', target: 'a', cost: 1_000_000 },
      ],
    };
    const result = allocate(instance);
    expect(result.covered).toBe(2);
    expect(result.totalCost).toBe(1_000_000);
  });
});
