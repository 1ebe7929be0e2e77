// Shanghai 2010 (S1 §10): "党委主要领导和班子成员在协议帮扶期间至少走访1次，分管领导和具体负责部门
// 每年走访不少于2次 … 帮扶经济薄弱村的要有具体的经济要求（每年不低于2万元）".
import { describe, expect, it } from 'vitest';
import { ledgerOf, periodsOf, visit, fund } from '../test/ledgers.ts';
import { evaluate } from './evaluate.ts';
import type { Ledger } from './ledger.ts';

const people = [
  { id: 'p1', role: 'principal' },
  { id: 'p2', role: 'team' },
  { id: 'p3', role: 'lead' },
  { id: 'p4', role: 'member' },
] as const;

function sh(events: Ledger['events'], pairing: Partial<Ledger['pairing']> = {}): Ledger {
  return ledgerOf('sh-2010', { people: [...people], weakVillage: true, ...pairing }, events);
}

describe('the issue example', () => {
  const example: Ledger = {
    pack: 'sh-2010',
    pairing: {
      termStart: '2010-07-01',
      termEnd: '2013-07-31',
      weakVillage: true,
      people: [
        { id: 'p1', role: 'principal' },
        { id: 'p2', role: 'team' },
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

  it('gives the documented entries, rules in pack order', () => {
    const status = evaluate(example, '2011-12-31');
    expect(status.pack).toBe('sh-2010');
    expect(status.at).toBe('2011-12-31');
    expect(status.rules.map((r) => r.rule)).toEqual([
      'R-VISIT-LEAD',
      'R-VISIT-PRINCIPAL',
      'R-WEAK-FUNDS',
    ]);
    expect(periodsOf(status, 'R-VISIT-LEAD')[0]).toEqual({
      from: '2010-07-01',
      to: '2010-12-31',
      required: 1,
      actual: 1,
      status: 'met',
      evidence: ['e1'],
    });
    expect(periodsOf(status, 'R-VISIT-PRINCIPAL')[0]).toEqual({
      person: 'p1',
      from: '2010-07-01',
      to: '2013-07-31',
      required: 1,
      actual: 1,
      status: 'met',
      evidence: ['e1'],
    });
    expect(periodsOf(status, 'R-WEAK-FUNDS')[0]).toEqual({
      from: '2010-07-01',
      to: '2010-12-31',
      required: 10082,
      actual: 15000,
      status: 'met',
      evidence: ['e2'],
    });
  });

  it('lists every period begun by at and counts them in the summary', () => {
    const status = evaluate(example, '2011-12-31');
    expect(periodsOf(status, 'R-VISIT-LEAD')[1]).toMatchObject({
      from: '2011-01-01',
      to: '2011-12-31',
      required: 2,
      actual: 0,
      status: 'due_soon',
    });
    expect(periodsOf(status, 'R-VISIT-PRINCIPAL')[1]).toMatchObject({
      person: 'p2',
      status: 'due',
    });
    expect(status.summary).toEqual({ met: 3, due: 1, due_soon: 2, missed: 0, late: 0 });
    expect(Object.keys(status.summary)).toEqual(['met', 'due', 'due_soon', 'missed', 'late']);
  });
});

describe('R-VISIT-LEAD: the leader in charge or the department visits at least twice a year', () => {
  it('counts visits with the lead or with the department, not other visits', () => {
    const status = evaluate(
      sh([
        visit('2011-03-01', ['p3']),
        visit('2011-04-01', [], true),
        visit('2011-05-01', ['p1', 'p2', 'p4']),
      ]),
      '2011-06-30',
    );
    expect(periodsOf(status, 'R-VISIT-LEAD')).toEqual([
      expect.objectContaining({ required: 2, actual: 2, status: 'met' }),
    ]);
  });

  it('misses a year with one visit once the year is over, and starts the next year afresh', () => {
    const status = evaluate(sh([visit('2011-03-01', ['p3'])]), '2012-01-01');
    expect(periodsOf(status, 'R-VISIT-LEAD')).toEqual([
      expect.objectContaining({
        from: '2011-01-01',
        to: '2011-12-31',
        actual: 1,
        status: 'missed',
      }),
      expect.objectContaining({ from: '2012-01-01', to: '2012-12-31', actual: 0, status: 'due' }),
    ]);
  });

  it('on the last day of a year still reports it as due soon, not missed', () => {
    const [period] = periodsOf(evaluate(sh([]), '2011-12-31'), 'R-VISIT-LEAD');
    expect(period.status).toBe('due_soon');
  });

  it('on the first day of a year lists that year as due', () => {
    const periods = periodsOf(evaluate(sh([]), '2012-01-01'), 'R-VISIT-LEAD');
    expect(periods.map((p) => [p.from, p.status])).toEqual([
      ['2011-01-01', 'missed'],
      ['2012-01-01', 'due'],
    ]);
  });

  it('prorates the first and last partial years of a mid-year term', () => {
    const status = evaluate(
      sh([], { termStart: '2010-07-01', termEnd: '2013-07-31' }),
      '2013-12-31',
    );
    expect(periodsOf(status, 'R-VISIT-LEAD').map((p) => [p.from, p.to, p.required])).toEqual([
      ['2010-07-01', '2010-12-31', 1],
      ['2011-01-01', '2011-12-31', 2],
      ['2012-01-01', '2012-12-31', 2],
      ['2013-01-01', '2013-07-31', 1],
    ]);
  });

  it('counts visits on the term boundary dates and not a day outside', () => {
    const status = evaluate(
      sh(
        [
          visit('2010-06-30', ['p3']),
          visit('2010-07-01', ['p3']),
          visit('2013-07-31', ['p3']),
          visit('2013-08-01', ['p3']),
        ],
        { termStart: '2010-07-01', termEnd: '2013-07-31' },
      ),
      '2014-01-01',
    );
    const periods = periodsOf(status, 'R-VISIT-LEAD');
    expect(periods[0]).toMatchObject({ actual: 1, status: 'met' });
    expect(periods[3]).toMatchObject({ actual: 1, status: 'met' });
  });

  it('counts a visit on at but not one after it', () => {
    const ledger = sh([visit('2011-05-01', ['p3']), visit('2011-06-01', ['p3'])]);
    expect(periodsOf(evaluate(ledger, '2011-06-01'), 'R-VISIT-LEAD')[0].actual).toBe(2);
    expect(periodsOf(evaluate(ledger, '2011-05-31'), 'R-VISIT-LEAD')[0].actual).toBe(1);
  });
});

describe('R-VISIT-PRINCIPAL: principal leader and each team member visit once during the term', () => {
  it('gives one entry per principal or team member, in ledger order, over the whole term', () => {
    const status = evaluate(sh([visit('2012-05-05', ['p2', 'p3'])]), '2012-06-01');
    expect(periodsOf(status, 'R-VISIT-PRINCIPAL')).toEqual([
      {
        person: 'p1',
        from: '2011-01-01',
        to: '2013-12-31',
        required: 1,
        actual: 0,
        status: 'due',
        evidence: [],
      },
      expect.objectContaining({ person: 'p2', actual: 1, status: 'met' }),
    ]);
  });

  it('is due soon in the last 30 days of the term and missed after it', () => {
    const ledger = sh([]);
    const statuses = (at: string) =>
      periodsOf(evaluate(ledger, at), 'R-VISIT-PRINCIPAL').map((p) => p.status);
    expect(statuses('2013-11-30')).toEqual(['due', 'due']);
    expect(statuses('2013-12-01')).toEqual(['due_soon', 'due_soon']);
    expect(statuses('2013-12-31')).toEqual(['due_soon', 'due_soon']);
    expect(statuses('2014-01-01')).toEqual(['missed', 'missed']);
  });

  it('counts visits on the term boundaries only, and a repeated name once', () => {
    const status = evaluate(
      sh([
        visit('2010-12-31', ['p1']),
        visit('2011-01-01', ['p2', 'p2']),
        visit('2014-01-01', ['p1']),
      ]),
      '2014-06-01',
    );
    expect(
      periodsOf(status, 'R-VISIT-PRINCIPAL').map((p) => [p.person, p.actual, p.status]),
    ).toEqual([
      ['p1', 0, 'missed'],
      ['p2', 1, 'met'],
    ]);
  });

  it('has no entries before the term starts, and none without principal or team', () => {
    expect(periodsOf(evaluate(sh([]), '2010-12-31'), 'R-VISIT-PRINCIPAL')).toEqual([]);
    const leadOnly = sh([], { people: [{ id: 'p3', role: 'lead' }] });
    expect(periodsOf(evaluate(leadOnly, '2011-12-31'), 'R-VISIT-PRINCIPAL')).toEqual([]);
  });
});

describe('R-WEAK-FUNDS: at least ¥20,000 a year for a weak village', () => {
  it('sums the amounts of the year', () => {
    const status = evaluate(
      sh([fund('2011-02-01', 12000), fund('2011-09-01', 8000), fund('2012-01-01', 500)]),
      '2012-01-01',
    );
    expect(periodsOf(status, 'R-WEAK-FUNDS')).toEqual([
      expect.objectContaining({ required: 20000, actual: 20000, status: 'met' }),
      expect.objectContaining({ required: 20000, actual: 500, status: 'due' }),
    ]);
  });

  it('misses a year one yuan short', () => {
    const status = evaluate(sh([fund('2011-02-01', 19999)]), '2012-01-01');
    expect(periodsOf(status, 'R-WEAK-FUNDS')[0]).toMatchObject({ actual: 19999, status: 'missed' });
  });

  it('prorates a partial leap year by 366 days', () => {
    const status = evaluate(
      sh([fund('2012-07-01', 10055)], { termStart: '2012-07-01', termEnd: '2013-06-30' }),
      '2013-01-01',
    );
    expect(periodsOf(status, 'R-WEAK-FUNDS')[0]).toMatchObject({
      from: '2012-07-01',
      to: '2012-12-31',
      required: 10055,
      status: 'met',
    });
    expect(periodsOf(status, 'R-WEAK-FUNDS')[1]).toMatchObject({
      from: '2013-01-01',
      to: '2013-06-30',
      required: 9918, // 20000 × 181 / 365 = 9917.8
    });
  });

  it('is absent for a village that is not weak or not marked weak', () => {
    for (const pairing of [{ weakVillage: false }, { weakVillage: undefined }]) {
      const status = evaluate(sh([fund('2011-02-01', 100)], pairing), '2011-12-31');
      expect(status.rules.map((r) => r.rule)).toEqual(['R-VISIT-LEAD', 'R-VISIT-PRINCIPAL']);
    }
  });
});
