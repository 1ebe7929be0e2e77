import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allocateCommand } from '../src/cli.ts';
import { allocate, type Instance } from '../src/index.ts';
import { loadLpSolver } from './lp-oracle.ts';
import { dimacsOptimum } from './dimacs-oracle.ts';

beforeAll(loadLpSolver);

const dirs: string[] = [];
const tempDir = (): string => {
  dirs.push(mkdtempSync(join(tmpdir(), 'allocator-')));
  return dirs[dirs.length - 1];
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const instance: Instance = {
  targets: [
    { id: '310116101201', demand: 2, minBudget: 20000 },
    { id: '310118001202', demand: 1 },
    { id: '310118001203', demand: 1 },
  ],
  units: [
    { id: 'u-17', capacity: 2, budget: 50000 },
    { id: 'u-18', capacity: 1, budget: 10000 },
    { id: 'u-19', capacity: 1, budget: 90000 },
  ],
  edges: [
    { unit: 'u-17', target: '310116101201', cost: 37 },
    { unit: 'u-18', target: '310116101201', cost: 1 },
    { unit: 'u-19', target: '310116101201', cost: 50 },
    { unit: 'u-17', target: '310118001202', cost: 5 },
    { unit: 'u-18', target: '310118001202', cost: 6 },
    { unit: 'u-18', target: '310118001203', cost: 2 },
  ],
  fixed: [{ unit: 'u-19', target: '310118001203' }],
};

describe('allocate command', () => {
  it('writes the same result as allocate() and a DIMACS network with the same optimum', async () => {
    const dir = tempDir();
    const paths = {
      in: join(dir, 'in.json'),
      out: join(dir, 'out.json'),
      net: join(dir, 'net.min'),
    };
    writeFileSync(paths.in, JSON.stringify(instance, null, 1));
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await allocateCommand([
      '--instance',
      paths.in,
      '--out',
      paths.out,
      '--export-dimacs',
      paths.net,
    ]);
    log.mockRestore();

    const written = JSON.parse(readFileSync(paths.out, 'utf8'));
    const expected = allocate(instance);
    expect(written.stats.millis).toBeGreaterThanOrEqual(0);
    expect({ ...written, stats: undefined }).toEqual({ ...expected, stats: undefined });
    expect(written.covered).toBe(3);
    expect(written.totalCost).toBe(42);
    expect(written.uncovered).toEqual([
      { target: '310116101201', missing: 1, reason: 'eligible_units_exhausted' },
    ]);

    const dimacs = dimacsOptimum(readFileSync(paths.net, 'utf8'));
    const placesShort = dimacs.supply - expected.assignments.filter((a) => !a.fixed).length;
    expect(dimacs.optimum).toBe(dimacs.penalty * placesShort + expected.totalCost);
  });

  it('fails with the offending entry for a bad instance', async () => {
    const dir = tempDir();
    const bad = {
      ...instance,
      edges: [...instance.edges, { unit: 'u-99', target: '310118001202', cost: 1 }],
    };
    writeFileSync(join(dir, 'in.json'), JSON.stringify(bad));
    await expect(
      allocateCommand(['--instance', join(dir, 'in.json'), '--out', join(dir, 'out.json')]),
    ).rejects.toThrow(/edges\[6\].*unknown unit "u-99"/);
  });
});
