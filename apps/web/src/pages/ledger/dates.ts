// Ledger dates are China-time calendar days (the server counts days in Asia/Shanghai), whatever
// the phone's own time zone.
const chinaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in China as YYYY-MM-DD. */
export const chinaToday = (now: Date = new Date()) => chinaDay.format(now);

/** The quarter a YYYY-MM-DD date falls in, as `2025Q1`. */
export const quarterOf = (date: string) =>
  `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * The quarters a report may be written for: those the term touches up to `today`'s, newest
 * first.
 */
export function reportQuarters(termStart: string, termEnd: string, today: string): string[] {
  const last = quarterOf(termEnd < today ? termEnd : today);
  const quarters: string[] = [];
  let [year, q] = [Number(termStart.slice(0, 4)), Number(quarterOf(termStart).slice(5))];
  for (let current = `${year}Q${q}`; current <= last; current = `${year}Q${q}`) {
    quarters.unshift(current);
    [year, q] = q === 4 ? [year + 1, 1] : [year, q + 1];
  }
  return quarters;
}

/**
 * The quarter a report is most likely being written for: the last one that has ended, or the
 * current one when none of the term's has ended yet.
 */
export function defaultQuarter(quarters: string[], today: string): string | undefined {
  const current = quarterOf(today);
  return quarters.find((q) => q < current) ?? quarters[0];
}

/** A date-time the server sent (ISO), shown in China time to the minute. */
export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
