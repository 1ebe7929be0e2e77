// fast-check generators of ledgers that keep the contract, with dates around the term's edges.
import fc from 'fast-check';
import { dayNumber, formatDay } from '../src/dates.ts';
import type { Ledger, LedgerEvent } from '../src/ledger.ts';
import { ACTIVITY_CATEGORIES, PACK_IDS, ROLES } from '../src/index.ts';

const FIRST_DAY = dayNumber(2009, 1, 1);
const LAST_DAY = dayNumber(2013, 12, 31);

export interface Scenario {
  ledger: Ledger;
  at: string;
}

function quarterName(index: number): string {
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

function eventArbitrary(start: number, end: number, personIds: string[]) {
  const date = fc.integer({ min: start - 120, max: end + 120 }).map(formatDay);
  const firstQuarter = Math.floor(start / 365.25 + 1970) * 4 - 4;
  return fc.oneof(
    fc.record({
      type: fc.constant('visit' as const),
      date,
      people: fc.subarray(personIds),
      department: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('fund' as const),
      date,
      amount: fc.integer({ min: 0, max: 30000 }),
    }),
    fc.record({
      type: fc.constant('activity' as const),
      date,
      category: fc.constantFrom(...ACTIVITY_CATEGORIES),
    }),
    fc.record({
      type: fc.constant('report' as const),
      date,
      period: fc.integer({ min: firstQuarter, max: firstQuarter + 28 }).map(quarterName),
    }),
  );
}

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    pack: fc.constantFrom(...PACK_IDS),
    start: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    length: fc.integer({ min: 0, max: 1600 }),
    weakVillage: fc.option(fc.boolean(), { nil: undefined }),
    roles: fc.array(fc.constantFrom(...ROLES), { maxLength: 5 }),
  })
  .chain(({ pack, start, length, weakVillage, roles }) => {
    const end = start + length;
    const people = roles.map((role, i) => ({ id: `p${i}`, role }));
    const ids = people.map((p) => p.id);
    return fc.record({
      ledger: fc
        .array(eventArbitrary(start, end, ids), { maxLength: 40 })
        .map((events): Ledger => ({
          pack,
          pairing: { termStart: formatDay(start), termEnd: formatDay(end), weakVillage, people },
          events: events.map((e, i) => ({ id: `e${i}`, ...e }) as LedgerEvent),
        })),
      at: fc.integer({ min: start - 60, max: end + 200 }).map(formatDay),
    });
  });
