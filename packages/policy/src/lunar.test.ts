import { LunarDay, SolarDay } from 'tyme4ts';
import { describe, expect, it } from 'vitest';
import { springFestival, twelfthLunarMonth } from './lunar.ts';

// The published dates (国务院办公厅 holiday notices) for 2024–2030.
const festivals: Record<number, string> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

const solar = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return SolarDay.fromYmd(y!, m!, d!);
};

describe('lunar dates (issue 14 items 3–4)', () => {
  it('puts the Spring Festival of 2024–2030 where the calendar does', () => {
    for (const [year, date] of Object.entries(festivals)) {
      expect(springFestival(Number(year))).toBe(date);
      const lunar = solar(date).getLunarDay();
      expect([lunar.getYear(), lunar.getMonth(), lunar.getDay()]).toEqual([Number(year), 1, 1]);
    }
  });

  it('spans the whole 12th lunar month of 2024–2030 and nothing around it', () => {
    for (let year = 2024; year <= 2030; year += 1) {
      const { from, to } = twelfthLunarMonth(year);
      const first = solar(from).getLunarDay();
      const last = solar(to).getLunarDay();
      expect([first.getYear(), Math.abs(first.getMonth()), first.getDay()]).toEqual([year, 12, 1]);
      expect([last.getYear(), Math.abs(last.getMonth())]).toEqual([year, 12]);
      // The day before is in the 11th month; the day after is the new year's first.
      const before = solar(from).next(-1).getLunarDay();
      expect(Math.abs(before.getMonth())).toBe(11);
      expect(solar(to).next(1).getLunarDay().getMonth()).toBe(1);
    }
    expect(twelfthLunarMonth(2024)).toEqual({ from: '2024-12-31', to: '2025-01-28' });
    expect(LunarDay.fromYmd(2025, 12, 1).getSolarDay().toString()).toBe('2026年1月19日');
  });
});
