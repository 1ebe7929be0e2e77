// Anhui 2011 (S2 §2.2): "每年至少召开一次联席会议、制定一份工作计划、共上一次党课、组织一次文体活动、
// 进行一次为民志愿服务、开展一次走访慰问" — the "six ones".
import { describe, expect, it } from 'vitest';
import { activity, fund, ledgerOf, periodsOf, visit } from '../test/ledgers.ts';
import { evaluate } from './evaluate.ts';
import type { LedgerEvent } from './ledger.ts';

const SIX = [
  'joint_meeting',
  'work_plan',
  'party_lesson',
  'culture_sports',
  'volunteer_service',
  'resident_visit',
];

function ah(events: LedgerEvent[], termStart = '2011-01-01', termEnd = '2013-12-31') {
  return ledgerOf('ah-2011', { termStart, termEnd }, events);
}

describe('R-SIX-ONES', () => {
  it('gives one entry per category and year, in the order the documents list them', () => {
    const status = evaluate(ah([activity('2011-05-04', 'work_plan')]), '2011-06-30');
    expect(status.rules.map((r) => r.rule)).toEqual(['R-SIX-ONES']);
    const periods = periodsOf(status, 'R-SIX-ONES');
    expect(periods.map((p) => p.category)).toEqual(SIX);
    expect(periods[1]).toEqual({
      category: 'work_plan',
      from: '2011-01-01',
      to: '2011-12-31',
      required: 1,
      actual: 1,
      status: 'met',
      evidence: [expect.any(String)],
    });
    expect(periods.filter((p) => p.status === 'due')).toHaveLength(5);
  });

  it('is met only when every one of the six happened that year', () => {
    const all = SIX.map((category, i) => activity(`2011-0${i + 1}-15`, category));
    const status = evaluate(ah(all.slice(0, 5)), '2012-01-01');
    const year2011 = periodsOf(status, 'R-SIX-ONES').filter((p) => p.from === '2011-01-01');
    expect(year2011.map((p) => p.status)).toEqual(['met', 'met', 'met', 'met', 'met', 'missed']);
    expect(status.summary).toEqual({ met: 5, due: 6, due_soon: 0, missed: 1, late: 0 });
  });

  it('ignores symposiums, funds and visits, which are not among the six', () => {
    const status = evaluate(
      ah([activity('2011-02-01', 'symposium'), fund('2011-02-01', 1), visit('2011-02-01')]),
      '2011-12-31',
    );
    expect(periodsOf(status, 'R-SIX-ONES').every((p) => p.actual === 0)).toBe(true);
  });

  it('requires nothing in a first year shorter than half a (leap) year, one from exactly half', () => {
    // 2012-07-03..12-31 is 182 of 366 days (0.497); 2012-07-02.. is 183 days (0.5, rounds up)
    const short = evaluate(ah([], '2012-07-03', '2013-06-30'), '2013-01-01');
    expect(periodsOf(short, 'R-SIX-ONES').filter((p) => p.from === '2012-07-03')).toEqual(
      SIX.map((category) => expect.objectContaining({ category, required: 0, status: 'met' })),
    );
    const half = evaluate(ah([], '2012-07-02', '2013-06-30'), '2013-01-01');
    expect(periodsOf(half, 'R-SIX-ONES')[0]).toMatchObject({ required: 1, status: 'missed' });
  });

  it('counts an activity on a leap day inside a term that starts on it', () => {
    const status = evaluate(
      ah([activity('2012-02-29', 'resident_visit')], '2012-02-29', '2012-12-31'),
      '2012-02-29',
    );
    const periods = periodsOf(status, 'R-SIX-ONES');
    expect(periods[5]).toMatchObject({
      from: '2012-02-29',
      to: '2012-12-31',
      required: 1, // 307 of 366 days
      actual: 1,
      status: 'met',
    });
  });

  it('has one period for a term inside a single year', () => {
    const status = evaluate(ah([], '2011-03-01', '2011-09-30'), '2012-01-01');
    const periods = periodsOf(status, 'R-SIX-ONES');
    expect(new Set(periods.map((p) => `${p.from}..${p.to}`))).toEqual(
      new Set(['2011-03-01..2011-09-30']),
    );
    expect(periods.every((p) => p.required === 1 && p.status === 'missed')).toBe(true);
  });
});
