import { tz } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, isWeekend } from "date-fns";

export const LONDON = "Europe/London";

/**
 * Working days are Monday to Friday, not bank holidays, judged by the calendar date in `timeZone`
 * (so 23:30 UTC on a Sunday in summer is already Monday in London). Holidays are "YYYY-MM-DD".
 */
export function isWorkingDay(date: Date, holidays: ReadonlySet<string>, timeZone = LONDON): boolean {
  return !isWeekend(date, { in: tz(timeZone) }) && !holidays.has(calendarDate(date, timeZone));
}

/** The calendar date of an instant in `timeZone`, as "YYYY-MM-DD". */
export function calendarDate(date: Date, timeZone = LONDON): string {
  return format(date, "yyyy-MM-dd", { in: tz(timeZone) });
}

/**
 * Moves `n` working days forward (or back, for negative n), keeping the local time of day: from
 * Friday 16:00 one working day is Monday 16:00, and from Saturday it is Monday too.
 */
export function addWorkingDays(start: Date, n: number, holidays: ReadonlySet<string>, timeZone = LONDON): Date {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, not ${n}`);
  const step = Math.sign(n);
  let current = start;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    current = addDays(current, step, { in: tz(timeZone) });
    if (isWorkingDay(current, holidays, timeZone)) remaining -= 1;
  }
  return new Date(current.getTime());
}

/**
 * Working days after `start`'s date up to and including `end`'s date: from a Friday to the next
 * Monday is 1, within one day it is 0. Swapping the arguments negates the result.
 */
export function workingDaysBetween(start: Date, end: Date, holidays: ReadonlySet<string>, timeZone = LONDON): number {
  const days = differenceInCalendarDays(end, start, { in: tz(timeZone) });
  if (days < 0) return -workingDaysBetween(end, start, holidays, timeZone);
  let count = 0;
  for (let i = 1; i <= days; i++) {
    if (isWorkingDay(addDays(start, i, { in: tz(timeZone) }), holidays, timeZone)) count += 1;
  }
  return count;
}
