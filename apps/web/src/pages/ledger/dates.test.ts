import { describe, expect, it } from 'vitest';
import { chinaToday, defaultQuarter, quarterOf, reportQuarters } from './dates.ts';

describe('ledger dates', () => {
  it("takes today's date in China, whatever the device's zone", () => {
    // 23:30 UTC on 31 March is already 1 April in Shanghai.
    expect(chinaToday(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
  });

  it('names the quarter of a day', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual([
      '2026Q1',
      '2026Q1',
      '2026Q2',
      '2026Q4',
    ]);
  });

  it("offers the term's quarters up to today's, newest first, defaulting to the last ended", () => {
    const quarters = reportQuarters('2025-08-15', '2028-08-14', '2026-05-02');
    expect(quarters).toEqual(['2026Q2', '2026Q1', '2025Q4', '2025Q3']);
    expect(defaultQuarter(quarters, '2026-05-02')).toBe('2026Q1');
    // In the term's first quarter nothing has ended yet: that quarter itself.
    expect(
      defaultQuarter(reportQuarters('2026-04-10', '2029-04-09', '2026-05-02'), '2026-05-02'),
    ).toBe('2026Q2');
    // After the term, up to its last quarter.
    expect(reportQuarters('2024-01-01', '2024-06-30', '2026-05-02')).toEqual(['2024Q2', '2024Q1']);
  });
});
