import type { ConcernStatus } from "./concern";
import { addWorkingDays, calendarDate, isWorkingDay, LONDON } from "./working-days";

export interface ReminderState {
  createdAt: Date;
  status: ConcernStatus;
  lastReminderAt: Date | null;
}

export const DEFAULT_ACKNOWLEDGE_WITHIN_WORKING_DAYS = 2;

/**
 * True when a concern is still unacknowledged `workingDays` working days after it was raised
 * (same time of day, London time), no reminder has gone out yet today (London date), and today is
 * a working day: nobody is nudged about it on a weekend or a bank holiday.
 */
export function reminderDue(
  concern: ReminderState,
  now: Date,
  holidays: ReadonlySet<string>,
  workingDays = DEFAULT_ACKNOWLEDGE_WITHIN_WORKING_DAYS,
): boolean {
  if (concern.status !== "new") return false;
  if (!isWorkingDay(now, holidays, LONDON)) return false;
  if (now < addWorkingDays(concern.createdAt, workingDays, holidays, LONDON)) return false;
  return !concern.lastReminderAt || calendarDate(concern.lastReminderAt) !== calendarDate(now);
}
