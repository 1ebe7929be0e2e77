import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactInstance } from '../src/index.ts';
import { InstanceReader } from '../src/instance-reader.ts';
import { instanceArbitrary } from './arbitrary.ts';

function readInChunks(text: string, cuts: number[]): ReturnType<InstanceReader['end']> {
  const bytes = Buffer.from(text);
  const reader = new InstanceReader();
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    reader.write(bytes.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  reader.write(bytes.subarray(from));
  return reader.end();
}

describe('streaming instance reader', () => {
  it('reads what JSON.parse reads, however the bytes are split', () => {
    fc.assert(
      fc.property(
        instanceArbitrary({ maxTargets: 6, maxUnits: 6, maxCost: 1_000_000 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.boolean(),
        (instance, cuts, pretty) => {
          const text = JSON.stringify(instance, null, pretty ? 2 : undefined);
          expect(readInChunks(text, cuts)).toEqual(compactInstance(instance));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accepts any key order, escapes, unicode, extra fields and nested values', () => {
    const text = `{"meta":{"round":[1,{"x":"}"}]},
      "edges":[{"cost":7,"target":"村\\"1","unit":"u\\u0031","note":null}],
      "fixed":[],
      "units":[{"tags":["a","b"],"budget":1.5e3,"id":"u1","capacity":2,"active":true}],
      "targets":[{"minBudget":0,"id":"村\\"1","demand":1}]}`;
    expect(readInChunks(text, [1, 2, 3, 40, 41, 90, 91, 92])).toEqual(
      compactInstance({
        targets: [{ id: '村"1', demand: 1, minBudget: 0 }],
        units: [{ id: 'u1', capacity: 2, budget: 1500 }],
        edges: [{ unit: 'u1', target: '村"1', cost: 7 }],
        fixed: [],
      }),
    );
  });

  it('rejects broken JSON and misplaced sections with a position', () => {
    expect(() => readInChunks('{"targets":[{"id":"a","demand":1}', [])).toThrow(
      /unexpected end of input/,
    );
    expect(() => readInChunks('{"targets":{"id":"a"}}', [])).toThrow(/"targets" must be an array/);
    expect(() => readInChunks('{"units":[1]}', [])).toThrow(/units entries must be objects/);
    expect(() => readInChunks('{"edges":[}', [])).toThrow(/byte 10: mismatched bracket/);
    expect(() => readInChunks('{"targets":[{"id":"a","demand":-}]}', [])).toThrow(
      /invalid JSON value "-"/,
    );
  });
});
