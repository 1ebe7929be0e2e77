import { LunarDay } from 'tyme4ts';

// Dates of the Chinese calendar that people-work falls on (issue 14 items 3–4): the Spring
// Festival (春节 condolence visits, R-CARE) and the 12th lunar month (腊月 symposium of mobile
// members home for the festival, R-MOBILE-EIGHT). The calendar is tyme4ts's; nothing here
// computes a lunar date by hand.

const iso = (d: { getYear(): number; getMonth(): number; getDay(): number }) =>
  `${d.getYear()}-${String(d.getMonth()).padStart(2, '0')}-${String(d.getDay()).padStart(2, '0')}`;

const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** The Spring Festival (正月初一) of lunar year `year`, which falls in Gregorian `year`. */
export const springFestival = (year: number) => iso(LunarDay.fromYmd(year, 1, 1).getSolarDay());

/**
 * The 12th lunar month (腊月) of lunar year `year`, inclusive: from its first day to the eve of
 * the next Spring Festival, so a leap 12th month is inside it. It lies mostly in January and
 * February of `year + 1`.
 */
export function twelfthLunarMonth(year: number): { from: string; to: string } {
  return {
    from: iso(LunarDay.fromYmd(year, 12, 1).getSolarDay()),
    to: dayBefore(springFestival(year + 1)),
  };
}
