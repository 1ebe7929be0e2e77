// The arithmetic of periods and statuses fixed in issue 5 ("Exact semantics").
import { dayNumber, daysInYear } from './dates.ts';
import type { EntryStatus } from './vocabulary.ts';

/**
 * A yearly minimum for the part of `year` a term covers, rounded half up in integers:
 * floor((2 × min × overlapDays + daysInYear) / (2 × daysInYear)).
 */
export function prorate(min: number, overlapDays: number, year: number): number {
  const yearDays = daysInYear(year);
  return Math.floor((2 * min * overlapDays + yearDays) / (2 * yearDays));
}

export function firstDayOfYear(year: number): number {
  return dayNumber(year, 1, 1);
}

export function lastDayOfYear(year: number): number {
  return dayNumber(year, 12, 31);
}

/** First day of a quarter numbered year × 4 + quarter − 1. */
export function firstDayOfQuarter(quarter: number): number {
  return dayNumber(Math.floor(quarter / 4), (quarter % 4) * 3 + 1, 1);
}

export function lastDayOfQuarter(quarter: number): number {
  return firstDayOfQuarter(quarter + 1) - 1;
}

/** Quarter number (year × 4 + quarter − 1) of a calendar date. */
export function quarterOf(year: number, month: number): number {
  return year * 4 + Math.floor((month - 1) / 3);
}

/**
 * Status of a counted duty over [.., to] as of `at`: met once the requirement is reached;
 * otherwise missed after the period, due soon in its last `dueSoonDays` days, else due.
 */
export function periodStatus(
  required: number,
  actual: number,
  to: number,
  at: number,
  dueSoonDays: number,
): EntryStatus {
  if (actual >= required) return 'met';
  if (to < at) return 'missed';
  return at >= to - dueSoonDays ? 'due_soon' : 'due';
}

/**
 * Status of a report falling due on `due` as of `at`, given the reports filed by `at`:
 * one on time → met; only later ones → late; none → missed after the due date, else due (soon).
 */
export function reportStatus(
  onTime: number,
  late: number,
  due: number,
  at: number,
  dueSoonDays: number,
): EntryStatus {
  if (onTime > 0) return 'met';
  if (late > 0) return 'late';
  if (at > due) return 'missed';
  return at >= due - dueSoonDays ? 'due_soon' : 'due';
}
