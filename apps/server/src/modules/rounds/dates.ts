// Deadlines are calendar days in China time (UTC+8, no daylight saving): a deadline day is open
// until 24:00 of that day (R-DEADLINE-INTENT, R-DEADLINE-SIGN).
const dayMs = 86_400_000;
const offsetMs = 8 * 3_600_000;

/** The instant at which the given deadline day has passed. */
export const deadlineEnd = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + dayMs);

export const isPast = (day: string, now: Date) => now.getTime() >= deadlineEnd(day).getTime();

/** Today's date in China time as YYYY-MM-DD. */
export const chinaDay = (now: Date) =>
  new Date(now.getTime() + offsetMs).toISOString().slice(0, 10);

/** Calendar days from today (China time) to the deadline day: 0 on the day, negative after. */
export const daysLeft = (day: string, now: Date) =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${chinaDay(now)}T00:00:00Z`)) / dayMs);

/** A YYYY-MM-DD day as written in Chinese documents: 2010年4月30日. */
export function chineseDate(day: string) {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
