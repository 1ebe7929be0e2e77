// Festival condolence visits (慰问, R-CARE): the Spring Festival from the lunar calendar
// (packages/policy `springFestival`, tyme4ts) and 七一 (1 July). A visit is listed from 30 days
// before its festival; it is overdue when none is recorded 15 days after. Pure date arithmetic on
// China calendar days (YYYY-MM-DD), so the queries and the tests share it.
import {
  festivals,
  VISIT_GRACE_DAYS,
  VISIT_LEAD_DAYS,
  type Festival,
  type FestivalDay,
  type VisitState,
} from '@pairing/shared';
import { springFestival } from '@pairing/policy';

const dayMs = 86_400_000;

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** The festival's day in `year` (the Spring Festival of lunar year `year` falls in that year). */
export const festivalDate = (festival: Festival, year: number) =>
  festival === 'springFestival' ? springFestival(year) : `${year}-07-01`;

/** The days on which a visit for the festival's occurrence may be recorded: its window. */
export function visitWindow(festival: Festival, year: number) {
  const date = festivalDate(festival, year);
  return { from: addDays(date, -VISIT_LEAD_DAYS), to: addDays(date, VISIT_GRACE_DAYS) };
}

/**
 * The occurrence a case stands before on `today`: the latest whose window has opened. It stays
 * the current one (due, then overdue if never visited) until the next year's window opens.
 */
export function currentOccurrence(festival: Festival, today: string): FestivalDay {
  const y = Number(today.slice(0, 4));
  // The Spring Festival of next year opens its window in late December at the earliest.
  const year = [y + 1, y, y - 1].find(
    (candidate) => visitWindow(festival, candidate).from <= today,
  )!;
  const date = festivalDate(festival, year);
  return { festival, year, date, daysLeft: daysBetween(today, date) };
}

export const currentOccurrences = (today: string, only?: Festival) =>
  festivals.filter((f) => !only || f === only).map((f) => currentOccurrence(f, today));

/**
 * Where a case stands for an occurrence: not owed if opened after the festival; recorded once a
 * visit is; else due until 15 days after the festival, overdue after.
 */
export function visitState(
  occurrence: Pick<FestivalDay, 'date'>,
  openedOn: string,
  visited: boolean,
  today: string,
): VisitState {
  if (openedOn > occurrence.date) return 'notOwed';
  if (visited) return 'recorded';
  return today <= addDays(occurrence.date, VISIT_GRACE_DAYS) ? 'due' : 'overdue';
}
