import { TZDate } from "@date-fns/tz";
import { findDayMonth, findFullDate, findYear, toIsoDate } from "./dates";

const UK_TIME_ZONE = "Europe/London";

export interface MeetingDateSources {
  /** Title from the feed or the page, e.g. "Transparency Board Minutes - 8th June 2011". */
  title?: string;
  /** The opening lines of the document, before attendance or the first item. */
  preamble: string[];
  /** The whole document text. */
  text: string;
  /** When the feed says the document was published or updated. */
  feedDate?: Date;
}

/**
 * The meeting date as "YYYY-MM-DD": from the title, then the opening lines ("Minutes of the meeting
 * held on 8 June 2011", "Monday 25 June 2012"), then a "held on" phrase anywhere; a day and month
 * with no year take the year from the title or the feed date; otherwise the feed date itself.
 * The first date in the opening lines wins, so a stale template sub-heading further down is ignored.
 */
export function findMeetingDate(sources: MeetingDateSources): string | null {
  const opening = [sources.title ?? "", ...sources.preamble].join("\n");
  const heldOn = /\b(?:held|meeting)\s+on\s+([^\n.:;]{0,60})/i.exec(sources.text)?.[1] ?? "";
  const full = findFullDate(sources.title ?? "") ?? findFullDate(opening) ?? findFullDate(heldOn);
  if (full) return toIsoDate(full);
  const dayMonth = findDayMonth(opening) ?? findDayMonth(heldOn);
  const feedDay = sources.feedDate ? londonDate(sources.feedDate) : null;
  if (dayMonth) {
    const year = findYear(opening) ?? (feedDay ? Number(feedDay.slice(0, 4)) : null);
    if (year !== null) {
      const candidate = toIsoDate({ year, ...dayMonth });
      return feedDay && candidate > feedDay ? toIsoDate({ year: year - 1, ...dayMonth }) : candidate;
    }
  }
  return feedDay;
}

function londonDate(instant: Date): string {
  const local = new TZDate(instant.getTime(), UK_TIME_ZONE);
  return toIsoDate({ year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() });
}
