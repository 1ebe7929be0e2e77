import { describe, expect, it } from 'vitest';
import { parseDay } from './dates.ts';
import { periodStatus, prorate, reportStatus } from './periods.ts';

describe('proration of a yearly minimum (round half up, integers)', () => {
  it('gives the whole minimum for a whole year, leap or not', () => {
    expect(prorate(20000, 365, 2011)).toBe(20000);
    expect(prorate(20000, 366, 2012)).toBe(20000);
    expect(prorate(2, 366, 2012)).toBe(2);
  });

  it('reproduces the issue example: ¥20,000 over 2010-07-01..2010-12-31 is ¥10,082', () => {
    expect(prorate(20000, 184, 2010)).toBe(10082);
  });

  it('divides by 366 in a leap year', () => {
    // 20000 × 184 / 366 = 10054.6 → 10055, where a common year would give 10082
    expect(prorate(20000, 184, 2012)).toBe(10055);
  });

  it('rounds an exact half up and anything below it down', () => {
    expect(prorate(1, 183, 2012)).toBe(1); // 183 / 366 = 0.5
    expect(prorate(1, 182, 2012)).toBe(0);
    expect(prorate(2, 92, 2011)).toBe(1); // 184 / 365 = 0.504
    expect(prorate(2, 91, 2011)).toBe(0);
  });
});

describe('status of a counted period', () => {
  const end = parseDay('2011-12-31');
  it('is met as soon as the requirement is reached, and when nothing is required', () => {
    expect(periodStatus(2, 2, end, parseDay('2011-03-01'), 30)).toBe('met');
    expect(periodStatus(0, 0, end, parseDay('2012-03-01'), 30)).toBe('met');
  });
  it('is missed only once the period has ended before at', () => {
    expect(periodStatus(2, 1, end, end, 30)).toBe('due_soon');
    expect(periodStatus(2, 1, end, end + 1, 30)).toBe('missed');
  });
  it('is due soon from 30 days before the end', () => {
    expect(periodStatus(1, 0, end, parseDay('2011-12-01'), 30)).toBe('due_soon');
    expect(periodStatus(1, 0, end, parseDay('2011-11-30'), 30)).toBe('due');
  });
});

describe('status of a quarterly report', () => {
  const due = parseDay('2011-04-10');
  it('prefers a report on time over a late one', () => {
    expect(reportStatus(1, 1, due, due + 20, 30)).toBe('met');
    expect(reportStatus(0, 1, due, due + 20, 30)).toBe('late');
  });
  it('is missed after the due date, due soon in the 30 days before it, due earlier', () => {
    expect(reportStatus(0, 0, due, due + 1, 30)).toBe('missed');
    expect(reportStatus(0, 0, due, due, 30)).toBe('due_soon');
    expect(reportStatus(0, 0, due, due - 30, 30)).toBe('due_soon');
    expect(reportStatus(0, 0, due, due - 31, 30)).toBe('due');
  });
});
