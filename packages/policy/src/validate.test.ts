// A ledger that breaks the contract is rejected with a message naming the entry (issue 5).
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import type { Ledger } from './ledger.ts';
import { LedgerError, parseLedger, validateLedger } from './validate.ts';

function example(): Ledger {
  return {
    pack: 'sh-2010',
    pairing: {
      termStart: '2010-07-01',
      termEnd: '2013-07-31',
      weakVillage: true,
      people: [
        { id: 'p1', role: 'principal' },
        { id: 'p3', role: 'lead' },
      ],
    },
    events: [
      { id: 'e1', type: 'visit', date: '2010-09-12', people: ['p1', 'p3'], department: true },
      { id: 'e2', type: 'fund', date: '2010-10-01', amount: 15000 },
      { id: 'e3', type: 'activity', date: '2010-11-02', category: 'joint_meeting' },
      { id: 'e4', type: 'report', date: '2010-10-08', period: '2010Q3' },
    ],
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- breaking the contract on purpose
type Breakage = (ledger: any) => void;

const cases: [string, Breakage, RegExp][] = [
  ['an unknown pack', (l) => (l.pack = 'sh-2099'), /^pack: unknown pack "sh-2099"/],
  [
    'a date that does not exist',
    (l) => (l.pairing.termStart = '2010-02-30'),
    /^pairing\.termStart: bad date "2010-02-30"/,
  ],
  [
    'an event on 29 February of a common year',
    (l) => (l.events[1].date = '2011-02-29'),
    /^events\[1\] \(id "e2"\): bad date "2011-02-29"/,
  ],
  [
    'a date not written YYYY-MM-DD',
    (l) => (l.events[0].date = '2010/09/12'),
    /^events\[0\] \(id "e1"\): bad date/,
  ],
  [
    'a term that ends before it starts',
    (l) => (l.pairing.termEnd = '2010-06-30'),
    /^pairing\.termEnd: term ends \(2010-06-30\) before it starts \(2010-07-01\)/,
  ],
  [
    'an event of unknown type',
    (l) => (l.events[2].type = 'party'),
    /^events\[2\] \(id "e3"\): unknown type "party"/,
  ],
  [
    'an activity of unknown category',
    (l) => (l.events[2].category = 'foo'),
    /^events\[2\] \(id "e3"\): unknown category "foo"/,
  ],
  [
    'a visit naming an unknown person',
    (l) => l.events[0].people.push('p9'),
    /^events\[0\] \(id "e1"\): visit names unknown person "p9"/,
  ],
  [
    'a negative amount',
    (l) => (l.events[1].amount = -1),
    /^events\[1\] \(id "e2"\): negative amount -1/,
  ],
  [
    'an amount that is not whole yuan',
    (l) => (l.events[1].amount = 10.5),
    /^events\[1\] \(id "e2"\): field "amount" must be a whole number/,
  ],
  [
    'a malformed quarter',
    (l) => (l.events[3].period = '2010Q5'),
    /^events\[3\] \(id "e4"\): malformed quarter "2010Q5"/,
  ],
  [
    'a quarter written another way',
    (l) => (l.events[3].period = '2010-Q3'),
    /^events\[3\] \(id "e4"\): malformed quarter "2010-Q3"/,
  ],
  [
    'an unknown role',
    (l) => (l.pairing.people[1].role = 'boss'),
    /^pairing\.people\[1\] \(id "p3"\): unknown role "boss"/,
  ],
  [
    'two events with one id',
    (l) => (l.events[3].id = 'e1'),
    /^events\[3\] \(id "e1"\): duplicate event id "e1"/,
  ],
  [
    'two people with one id',
    (l) => l.pairing.people.push({ id: 'p1', role: 'team' }),
    /^pairing\.people\[2\] \(id "p1"\): duplicate person id "p1"/,
  ],
  [
    'a fund without an amount',
    (l) => delete l.events[1].amount,
    /^events\[1\] \(id "e2"\): missing field "amount"/,
  ],
  [
    'events that are not a list',
    (l) => (l.events = {}),
    /^events: field "events" must be an array/,
  ],
];

describe('ledger validation', () => {
  it('accepts the issue example', () => {
    expect(validateLedger(example())).toMatchObject({ ok: true });
    expect(parseLedger(example())).toEqual(example());
  });

  it.each(cases)('rejects %s, naming the entry', (_, breakIt, message) => {
    const ledger = example();
    breakIt(ledger);
    const result = validateLedger(ledger);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(`${issue.where}: ${issue.en}`).toMatch(message);
    expect(issue.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(cases)('makes evaluate throw for %s', (_, breakIt, message) => {
    const ledger = example();
    breakIt(ledger);
    expect(() => evaluate(ledger, '2011-12-31')).toThrow(LedgerError);
    expect(() => evaluate(ledger, '2011-12-31')).toThrow(
      new RegExp(message.source.replace(/^\^/, '')),
    );
  });

  it('reports every bad entry at once, in Chinese and English', () => {
    const ledger = example() as Ledger & { events: Record<string, unknown>[] };
    ledger.events[1].amount = -5;
    ledger.events[2].category = 'foo';
    expect(() => parseLedger(ledger)).toThrow(
      '台账不符合约定 (invalid ledger):\n' +
        '  events[1] (id "e2"): negative amount -5 / 金额不能为负数：-5\n' +
        '  events[2] (id "e3"): unknown category "foo" / 未知的活动类别 "foo"',
    );
  });

  it('rejects something that is not a ledger at all', () => {
    expect(validateLedger(null)).toMatchObject({ ok: false, issues: [{ where: 'ledger' }] });
    expect(() => evaluate(null as unknown as Ledger, '2011-12-31')).toThrow(LedgerError);
  });

  it('names a cyclic value without failing itself', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const ledger = { ...example(), pack: cyclic };
    expect(() => parseLedger(ledger)).toThrow(/^.*\n {2}pack: unknown pack \[object Object\]/);
  });

  it('rejects a bad as-of date', () => {
    expect(() => evaluate(example(), '2011-02-29')).toThrow(/bad "at" date/);
  });
});
