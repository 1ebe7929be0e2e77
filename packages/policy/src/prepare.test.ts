// evaluate checks ledgers in its own fast pass and asks the schema only for the message; the two
// must agree on every ledger, or evaluate would accept what the contract rejects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../test/arbitraries.ts';
import { evaluate } from './evaluate.ts';
import { LedgerError, validateLedger } from './validate.ts';

const junk = fc.constantFrom<unknown>(
  undefined,
  null,
  -1,
  0,
  1.5,
  2 ** 60,
  '',
  'foo',
  'p0',
  'e0',
  '2011-02-29',
  '2012-02-29',
  '2011Q5',
  '2011Q2',
  '2011q2',
  [],
  ['p9'],
  ['p0', 'p0'],
  {},
  true,
  'visit',
  'report',
  'symposium',
  'boss',
  'lead',
  'town-2010',
);

const FIELDS = [
  ['pack'],
  ['pairing'],
  ['pairing', 'termStart'],
  ['pairing', 'termEnd'],
  ['pairing', 'weakVillage'],
  ['pairing', 'people'],
  ['pairing', 'people', 0],
  ['pairing', 'people', 0, 'id'],
  ['pairing', 'people', 1, 'id'],
  ['pairing', 'people', 1, 'role'],
  ['events'],
  ['events', 0],
  ['events', 0, 'id'],
  ['events', 1, 'id'],
  ['events', 1, 'type'],
  ['events', 0, 'date'],
  ['events', 1, 'people'],
  ['events', 0, 'department'],
  ['events', 1, 'amount'],
  ['events', 0, 'category'],
  ['events', 1, 'period'],
] as const;

function set(root: unknown, path: readonly (string | number)[], value: unknown): void {
  let target = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null) return;
    target = next as Record<string | number, unknown>;
  }
  target[path[path.length - 1]] = value;
}

describe('the fast ledger check', () => {
  it('accepts exactly what the ledger schema accepts', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.array(fc.tuple(fc.constantFrom(...FIELDS), junk), { minLength: 1, maxLength: 3 }),
        ({ ledger, at }, changes) => {
          const broken = structuredClone(ledger);
          for (const [path, value] of changes) set(broken, path, structuredClone(value));
          const accepted = validateLedger(broken).ok;
          let thrown: unknown;
          try {
            evaluate(broken, at);
          } catch (err) {
            thrown = err;
          }
          if (accepted) expect(thrown).toBeUndefined();
          else expect(thrown).toBeInstanceOf(LedgerError);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
