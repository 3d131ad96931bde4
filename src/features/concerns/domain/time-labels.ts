import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { calendarDate, LONDON } from "./working-days";

/** "14:05", "14:05 tomorrow" or "14:05 on Tuesday 3 March" (London time), for "you can submit again at ...". */
export function londonTimeLabel(at: Date, now: Date): string {
  const time = format(at, "HH:mm", { in: tz(LONDON) });
  if (calendarDate(at) === calendarDate(now)) return time;
  const tomorrow = new Date(now.getTime() + 24 * 60 * 60 * 1000);
  if (calendarDate(at) === calendarDate(tomorrow)) return `${time} tomorrow`;
  return `${time} on ${format(at, "EEEE d MMMM", { in: tz(LONDON) })}`;
}

/** "3 March 2026", London date. */
export function londonDateLabel(at: Date): string {
  return format(at, "d MMMM yyyy", { in: tz(LONDON) });
}

/** "3 Mar 2026, 14:05", London time. */
export function londonDateTimeLabel(at: Date): string {
  return format(at, "d MMM yyyy, HH:mm", { in: tz(LONDON) });
}
