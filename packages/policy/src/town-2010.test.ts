// Town "1+1"/"1+2" (S5): "每年为结对村党员上一堂党课，与村“两委”成员和党员进行1—2次座谈"
// (R-LESSON) and "机关单位党组织每季度向所在上级党委报告一次" (R-REPORT-Q).
import { describe, expect, it } from 'vitest';
import { activity, ledgerOf, periodsOf, report } from '../test/ledgers.ts';
import { evaluate } from './evaluate.ts';
import type { LedgerEvent } from './ledger.ts';

function town(events: LedgerEvent[], termStart = '2010-08-15', termEnd = '2011-02-10') {
  return ledgerOf('town-2010', { termStart, termEnd }, events);
}

describe('R-LESSON: one Party lesson and at least one symposium a year', () => {
  it('gives a party_lesson and a symposium entry per year', () => {
    const status = evaluate(
      town(
        [activity('2010-09-01', 'party_lesson'), activity('2010-09-02', 'symposium')],
        '2010-08-15',
        '2011-12-31',
      ),
      '2011-12-15',
    );
    expect(periodsOf(status, 'R-LESSON').map((p) => [p.category, p.from, p.to, p.status])).toEqual([
      ['party_lesson', '2010-08-15', '2010-12-31', 'met'],
      ['symposium', '2010-08-15', '2010-12-31', 'met'],
      ['party_lesson', '2011-01-01', '2011-12-31', 'due_soon'],
      ['symposium', '2011-01-01', '2011-12-31', 'due_soon'],
    ]);
  });

  it('prorates 2011-01-01..02-10 (41 days) to nothing required', () => {
    const status = evaluate(town([]), '2011-03-01');
    const year2011 = periodsOf(status, 'R-LESSON').filter((p) => p.from === '2011-01-01');
    expect(year2011.map((p) => [p.required, p.status])).toEqual([
      [0, 'met'],
      [0, 'met'],
    ]);
  });
});

describe('R-REPORT-Q: a report for every quarter the term touches, due 10 days after it', () => {
  it('lists the quarters clipped to the term', () => {
    const status = evaluate(town([]), '2011-12-31');
    expect(periodsOf(status, 'R-REPORT-Q').map((p) => [p.from, p.to, p.required])).toEqual([
      ['2010-08-15', '2010-09-30', 1],
      ['2010-10-01', '2010-12-31', 1],
      ['2011-01-01', '2011-02-10', 1],
    ]);
  });

  it('is met by a report on the due date and late for one the day after', () => {
    const onDue = evaluate(town([report('2010-10-10', '2010Q3')]), '2010-12-01');
    expect(periodsOf(onDue, 'R-REPORT-Q')[0]).toMatchObject({ actual: 1, status: 'met' });
    const dayAfter = evaluate(town([report('2010-10-11', '2010Q3')]), '2010-12-01');
    expect(periodsOf(dayAfter, 'R-REPORT-Q')[0]).toMatchObject({ actual: 1, status: 'late' });
    expect(dayAfter.summary.late).toBe(1);
  });

  it('is met by an on-time report even when a late one follows, with both as evidence', () => {
    const status = evaluate(
      town([
        { id: 'late', type: 'report', date: '2010-11-01', period: '2010Q3' },
        { id: 'early', type: 'report', date: '2010-09-20', period: '2010Q3' },
      ]),
      '2010-12-01',
    );
    expect(periodsOf(status, 'R-REPORT-Q')[0]).toMatchObject({
      actual: 2,
      status: 'met',
      evidence: ['early', 'late'],
    });
  });

  it('moves from due to due soon to missed around the due date', () => {
    const statusAt = (at: string) => periodsOf(evaluate(town([]), at), 'R-REPORT-Q')[0].status;
    expect(statusAt('2010-09-09')).toBe('due');
    expect(statusAt('2010-09-10')).toBe('due_soon'); // due 2010-10-10 − 30 days
    expect(statusAt('2010-10-10')).toBe('due_soon');
    expect(statusAt('2010-10-11')).toBe('missed');
  });

  it('does not count a report filed after at, so a late report is missed until it is filed', () => {
    const ledger = town([report('2010-10-20', '2010Q3')]);
    expect(periodsOf(evaluate(ledger, '2010-10-15'), 'R-REPORT-Q')[0].status).toBe('missed');
    expect(periodsOf(evaluate(ledger, '2010-10-20'), 'R-REPORT-Q')[0].status).toBe('late');
  });

  it('counts a report for the quarter it names whatever its date, even outside the term', () => {
    // the last quarter is clipped to 2011-02-10 but still falls due on 2011-04-10
    const status = evaluate(town([report('2011-04-10', '2011Q1')]), '2011-12-31');
    expect(periodsOf(status, 'R-REPORT-Q')[2]).toMatchObject({ actual: 1, status: 'met' });
    const early = evaluate(town([report('2010-08-01', '2010Q3')]), '2010-08-15');
    expect(periodsOf(early, 'R-REPORT-Q')).toEqual([
      expect.objectContaining({ from: '2010-08-15', actual: 1, status: 'met' }),
    ]);
  });

  it('ignores reports naming quarters the term does not touch', () => {
    const status = evaluate(
      town([report('2010-07-05', '2010Q2'), report('2011-07-05', '2011Q2')]),
      '2011-12-31',
    );
    expect(periodsOf(status, 'R-REPORT-Q').every((p) => p.actual === 0)).toBe(true);
  });

  it('lists a quarter from its first day in the term and not before', () => {
    const ledger = town([], '2010-07-01', '2011-06-30');
    expect(periodsOf(evaluate(ledger, '2010-09-30'), 'R-REPORT-Q')).toHaveLength(1);
    expect(periodsOf(evaluate(ledger, '2010-10-01'), 'R-REPORT-Q')).toHaveLength(2);
  });
});

describe('as of a date before the term', () => {
  it('lists every rule with no periods and an all-zero summary', () => {
    const status = evaluate(town([report('2010-08-01', '2010Q3')]), '2010-08-14');
    expect(status.rules).toEqual([
      { rule: 'R-LESSON', periods: [] },
      { rule: 'R-REPORT-Q', periods: [] },
    ]);
    expect(status.summary).toEqual({ met: 0, due: 0, due_soon: 0, missed: 0, late: 0 });
  });
});
