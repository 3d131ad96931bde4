import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { DigestFilter } from "../../domain/compose";

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

/** "items on objectives 1 and 3", "items that touch CCG autonomy", "items on objective 2 that touch CCG autonomy"; null for everything. */
export function describeFilter(filter: DigestFilter): string | null {
  const numbers = filter.objectives;
  const listed = numbers.length > 1 ? `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}` : `${numbers[0]}`;
  const objectives = numbers.length === 0 ? "" : ` on objective${numbers.length > 1 ? "s" : ""} ${listed}`;
  if (filter.autonomyOnly) return `items${objectives} that touch CCG autonomy`;
  return objectives ? `items${objectives}` : null;
}
