import { describe, expect, it } from 'vitest';
import { crossModuleTableUse, moduleCycles, tableOwners } from './seams.ts';

describe('module seams (DESIGN.md)', () => {
  it('knows the tables of the modules', () => {
    const owners = tableOwners();
    expect(owners.get('orgs')).toBe('orgs');
    expect(owners.get('intentions')).toBe('intentions');
    expect(owners.get('idempotency_keys')).toBe('idempotency');
  });

  it('finds no module naming another module’s table or importing its schema', () => {
    expect(crossModuleTableUse()).toEqual([]);
  });

  it('finds no import cycle between modules', () => {
    expect(moduleCycles()).toEqual([]);
  });

  it('would see a cycle and a foreign table', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(moduleCycles(graph)).toEqual(['a → b → c → a']);
  });
});
