// Properties every status must keep, whatever the ledger (issue 5, "What it must show").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../test/arbitraries.ts';
import { oracle } from '../test/oracle.ts';
import { dayNumber, formatDay, parseDay } from './dates.ts';
import { evaluate } from './evaluate.ts';
import type { LedgerEvent } from './ledger.ts';
import type { ComplianceStatus } from './status.ts';
import { ACTIVITY_CATEGORIES } from './vocabulary.ts';

const RUNS = { numRuns: 400 };

function entriesByKey(status: ComplianceStatus): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const { rule, periods } of status.rules) {
    for (const p of periods) {
      byKey.set(`${rule}|${p.person ?? ''}|${p.category ?? ''}|${p.from}`, p.status);
    }
  }
  return byKey;
}

const extraEvent: fc.Arbitrary<LedgerEvent> = fc.oneof(
  fc.record({
    id: fc.constant('extra'),
    type: fc.constant('activity' as const),
    date: fc.integer({ min: dayNumber(2008, 9, 1), max: dayNumber(2014, 12, 31) }).map(formatDay),
    category: fc.constantFrom(...ACTIVITY_CATEGORIES),
  }),
  fc.record({
    id: fc.constant('extra'),
    type: fc.constant('fund' as const),
    date: fc.integer({ min: dayNumber(2008, 9, 1), max: dayNumber(2014, 12, 31) }).map(formatDay),
    amount: fc.integer({ min: 0, max: 30000 }),
  }),
  fc.record({
    id: fc.constant('extra'),
    type: fc.constant('report' as const),
    date: fc.integer({ min: dayNumber(2008, 9, 1), max: dayNumber(2014, 12, 31) }).map(formatDay),
    period: fc
      .tuple(fc.integer({ min: 2008, max: 2014 }), fc.integer({ min: 1, max: 4 }))
      .map(([y, q]) => `${y}Q${q}`),
  }),
  fc.record({
    id: fc.constant('extra'),
    type: fc.constant('visit' as const),
    date: fc.integer({ min: dayNumber(2008, 9, 1), max: dayNumber(2014, 12, 31) }).map(formatDay),
    department: fc.boolean(),
  }),
);

describe('compliance properties', () => {
  it('agrees with a naive reading of the semantics on random ledgers', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ ledger, at }) => {
        expect(evaluate(ledger, at)).toEqual(oracle(ledger, at));
      }),
      { numRuns: 1000 },
    );
  });

  it('adding an event never turns a met entry into anything else', () => {
    fc.assert(
      fc.property(scenarioArbitrary, extraEvent, fc.nat(), ({ ledger, at }, extra, where) => {
        const before = evaluate(ledger, at);
        const events = [...ledger.events];
        events.splice(where % (events.length + 1), 0, extra);
        const after = evaluate({ ...ledger, events }, at);
        const afterByKey = entriesByKey(after);
        expect(afterByKey.size).toBe(entriesByKey(before).size);
        for (const [key, status] of entriesByKey(before)) {
          if (status === 'met') expect(afterByKey.get(key), key).toBe('met');
        }
      }),
      RUNS,
    );
  });

  it('moving at forward never turns a missed entry back into met', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 1, max: 800 }), ({ ledger, at }, days) => {
        const later = entriesByKey(evaluate(ledger, formatDay(parseDay(at) + days)));
        for (const [key, status] of entriesByKey(evaluate(ledger, at))) {
          if (status !== 'missed') continue;
          expect(later.has(key), key).toBe(true);
          expect(later.get(key), key).not.toBe('met');
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the events', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary.chain((scenario) =>
          fc.record({
            scenario: fc.constant(scenario),
            shuffled: fc.shuffledSubarray(scenario.ledger.events, {
              minLength: scenario.ledger.events.length,
            }),
          }),
        ),
        ({ scenario: { ledger, at }, shuffled }) => {
          expect(evaluate({ ...ledger, events: shuffled }, at)).toEqual(evaluate(ledger, at));
        },
      ),
      RUNS,
    );
  });

  it('does not depend on event order for a ledger of thousands of events', () => {
    const rand = fc.sample(fc.integer({ min: 0, max: 1500 }), { numRuns: 3000, seed: 5 });
    const events = rand.map((offset, i): LedgerEvent => ({
      id: `e${(i * 7919) % 3000}`,
      type: 'activity',
      date: formatDay(dayNumber(2011, 1, 1) + offset),
      category: ACTIVITY_CATEGORIES[i % ACTIVITY_CATEGORIES.length],
    }));
    const ledger = {
      pack: 'ah-2011' as const,
      pairing: { termStart: '2011-01-01', termEnd: '2014-12-31' },
      events,
    };
    const forward = evaluate(ledger, '2015-01-01');
    expect(evaluate({ ...ledger, events: [...events].reverse() }, '2015-01-01')).toEqual(forward);
    const evidence = forward.rules[0].periods[0].evidence;
    expect(evidence.length).toBeGreaterThan(1);
    const days = evidence.map((id) => events.find((e) => e.id === id)!.date);
    expect([...days].sort()).toEqual(days);
  });

  it('summary counts exactly the entries by status', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ ledger, at }) => {
        const status = evaluate(ledger, at);
        const counted = { met: 0, due: 0, due_soon: 0, missed: 0, late: 0 };
        for (const rule of status.rules) for (const p of rule.periods) counted[p.status]++;
        expect(status.summary).toEqual(counted);
      }),
      RUNS,
    );
  });
});
