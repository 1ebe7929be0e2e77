import { chinaDay, deadlineEnd } from '../../rounds/dates.ts';

/**
 * How long a code lasts (issue 12 item 6, "expires with the event"). A code is opened on the
 * event's day (China time) and expires at the earlier of the end of that day (24:00 China time)
 * and `CODE_HOURS` after it was opened: a code photographed and passed around stops working
 * within a working day, and an organizer whose event runs longer opens a new one.
 */
export const CODE_HOURS = 6;

/** Whether a code may be opened now for an event on `date`: only on the event's own day. */
export const isEventDay = (date: string, now: Date) => chinaDay(now) === date;

export function codeExpiry(date: string, now: Date): Date {
  const endOfDay = deadlineEnd(date).getTime();
  return new Date(Math.min(endOfDay, now.getTime() + CODE_HOURS * 3_600_000));
}
