import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** "Monday 23 March 2026 at 09:00 (Europe/London)" */
export function formatRunTime(instant: Date, timeZone: string): string {
  return `${format(new TZDate(instant.getTime(), timeZone), "EEEE d MMMM yyyy 'at' HH:mm")} (${timeZone})`;
}

/** "23 March 2026, 14:05" in UK time, for fetch and digest history. */
export function formatUkTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), "Europe/London"), "d MMMM yyyy, HH:mm");
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
