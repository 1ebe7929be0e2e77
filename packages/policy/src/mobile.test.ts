import { describe, expect, it } from 'vitest';
import { twelfthLunarMonth } from './lunar.ts';
import { mobileDutyDateProblem, mobileDutyPeriod, mobileDutyStates } from './mobile.ts';

const statusOf = (states: ReturnType<typeof mobileDutyStates>) =>
  Object.fromEntries(states.map((s) => [s.duty, s.status]));

describe('mobile members’ yearly duties (R-MOBILE-REPORT)', () => {
  it('puts the symposium of every year 2024–2030 in that lunar year’s 12th month', () => {
    for (let year = 2024; year <= 2030; year += 1)
      expect(mobileDutyPeriod('symposium', year)).toEqual(twelfthLunarMonth(year));
    expect(mobileDutyPeriod('symposium', 2024)).toEqual({ from: '2024-12-31', to: '2025-01-28' });
  });

  it('dates the halves, the letter before 七一 and the good deed in the calendar year', () => {
    expect(mobileDutyPeriod('reportH1', 2025)).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(mobileDutyPeriod('reportH2', 2025)).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(mobileDutyPeriod('letter', 2025).to).toBe('2025-06-30');
    expect(mobileDutyPeriod('goodDeed', 2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('moves each duty through not yet, due and overdue as the year turns', () => {
    const away = { from: '2024-03-01', to: null };
    // Mid-December 2024: the second half still due, 腊月 not yet begun.
    expect(statusOf(mobileDutyStates(2024, away, [], '2024-12-15'))).toEqual({
      reportH1: 'overdue',
      reportH2: 'due',
      goodDeed: 'due',
      letter: 'overdue',
      symposium: 'notYet',
    });
    // 10 January 2025: 2024's second half and deed are overdue; its 腊月 symposium is due now.
    expect(statusOf(mobileDutyStates(2024, away, [], '2025-01-10'))).toMatchObject({
      reportH2: 'overdue',
      goodDeed: 'overdue',
      symposium: 'due',
    });
    // And 2025's own duties: the first half due, the second not yet.
    expect(statusOf(mobileDutyStates(2025, away, [], '2025-01-10'))).toEqual({
      reportH1: 'due',
      reportH2: 'notYet',
      goodDeed: 'due',
      letter: 'due',
      symposium: 'notYet',
    });
    // After 2024's 腊月 ends (Spring Festival 2025-01-29) the symposium is overdue.
    expect(statusOf(mobileDutyStates(2024, away, [], '2025-01-29')).symposium).toBe('overdue');
  });

  it('counts a record on time as done and a late report as late', () => {
    const away = { from: '2024-03-01', to: null };
    const states = mobileDutyStates(
      2024,
      away,
      [
        { duty: 'reportH1', date: '2024-06-30' },
        { duty: 'reportH2', date: '2025-01-05' },
        { duty: 'symposium', date: '2025-01-20' },
      ],
      '2025-02-01',
    );
    expect(statusOf(states)).toMatchObject({
      reportH1: 'done',
      reportH2: 'late',
      symposium: 'done',
    });
    expect(states.find((s) => s.duty === 'reportH2')!.date).toBe('2025-01-05');
  });

  it('asks nothing of periods the member was not away', () => {
    expect(Object.values(statusOf(mobileDutyStates(2025, null, [], '2025-08-01')))).toEqual(
      Array(5).fill('notApplicable'),
    );
    // Left in September, back in November: only the second half and the deed apply.
    const states = statusOf(
      mobileDutyStates(2025, { from: '2025-09-01', to: '2025-11-30' }, [], '2026-03-01'),
    );
    expect(states).toEqual({
      reportH1: 'notApplicable',
      reportH2: 'overdue',
      goodDeed: 'overdue',
      letter: 'notApplicable',
      symposium: 'notApplicable',
    });
  });

  it('refuses dates outside a duty’s period, and late ones where lateness is no excuse', () => {
    expect(mobileDutyDateProblem('reportH2', 2025, '2025-06-30')).toMatch(/不能早于/);
    expect(mobileDutyDateProblem('reportH1', 2025, '2025-07-05')).toBeNull();
    expect(mobileDutyDateProblem('goodDeed', 2025, '2026-01-02')).toMatch(/之间/);
    expect(mobileDutyDateProblem('symposium', 2024, '2024-12-30')).toMatch(/不能早于/);
    expect(mobileDutyDateProblem('symposium', 2024, '2025-01-28')).toBeNull();
    expect(mobileDutyDateProblem('symposium', 2024, '2025-01-29')).toMatch(/之间/);
  });
});
