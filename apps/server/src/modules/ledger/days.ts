// Calendar days of the ledger: China-time days (Asia/Shanghai) and quarters (R-REPORT-Q).
import type { Clock } from '../../lib/clock.ts';
import { chinaDay } from '../rounds/dates.ts';

/** Today in China time, YYYY-MM-DD: what a record's date and its counting day are compared to. */
export const todayOf = (clock: Clock) => chinaDay(clock.now());

/** The first and last day of a quarter written `2025Q2`. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  const startMonth = (q - 1) * 3;
  const from = new Date(Date.UTC(year, startMonth, 1));
  const to = new Date(Date.UTC(year, startMonth + 3, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
