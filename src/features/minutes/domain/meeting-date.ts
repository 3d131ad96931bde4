import { TZDate } from "@date-fns/tz";
import { type CalendarDate, findDayMonth, findFullDate, findFullDates, findYear, toIsoDate } from "./dates";

const UK_TIME_ZONE = "Europe/London";

export interface MeetingDateSources {
  /** Title from the feed or the page, e.g. "Transparency Board Minutes - 8th June 2011". */
  title?: string;
  /** The opening lines of the document: title, date, venue and attendance, before the first item. */
  preamble: string[];
  /** The whole document text. */
  text: string;
  /** When the feed says the document was published or updated. */
  feedDate?: Date;
}

/** Words after which a date in a title is the meeting's ("Board minutes - 8 June 2011"). */
const MEETING_WORDS = /\b(?:minutes|notes|meeting|board|committee|group|body|forum|held)\b/i;
/** A line saying what the minutes are of: "Minutes of the meeting held on ...", "Notes of the ... group". */
const MINUTES_LINE = /\b(?:minutes|notes|record|summary|note)\s+of\b|^(?:minutes|notes)\b|\bheld\s+(?:on|in|at)\b/i;
/** A title line naming a meeting, with no date of its own ("NHS Commissioning Board Authority Accountability Meeting"). */
const MEETING_TITLE = /\b(?:minutes|notes|meeting|board|committee|group|forum|governing body)\b/i;
/** A line that opens with its date, as a meeting's date line does ("Wednesday 11 July 2012, Richmond House"). */
const OPENS_WITH_DATE =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]+\.?,?\s+\d{4}|[a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b/i;
/**
 * Dates that are not the meeting's: when a page or post was published, updated or approved, the
 * next or previous meeting, an email's own Date: header, a blog's editorial date.
 */
const NOT_THE_MEETING =
  /\b(?:published|publication|posted|updated|reviewed|issued|release|editorial|approved\s+(?:by|on|at)|ratified|status|signed|circulated|copyright|next meeting|date of (?:the )?next|previous meeting|last meeting|comments?|read)\b|^(?:sent|received):|©/i;
/** An email's own header ("Date: Mon, 11 Feb 2013 16:42:07 +0000"), not a meeting's "Date:" line. */
const EMAIL_HEADER = /^(?:date|sent):\s.*\b\d{1,2}:\d{2}(?::\d{2})?\b.*(?:[+-]\d{4}|GMT|UTC|BST|[AP]M)\b/i;
/** "Minutes of the meeting ... held on Thursday 13 December 2012": a date the text says the meeting was held on. */
const HELD_ON =
  /\b(?:held|meeting|minutes|notes|took place)\b[^.]{0,120}\bon\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?$/i;

/**
 * The meeting date as "YYYY-MM-DD". In order: the date the opening lines say the meeting was held
 * on ("Minutes of the meeting held on 8 June 2011"); a date in the title that follows the meeting's
 * name ("Governing Body minutes - 13 December 2012", not "Editorial Monday 30 July 2012: minutes
 * of..."); the meeting's own date line (a minutes title with its date, a date line under the
 * meeting's title); any other date in the opening lines that is not a publication, approval or
 * next-meeting date; a day and month with the year from the title or the feed date; a "held on"
 * phrase anywhere; otherwise the feed date itself. Among equals the first wins, so a stale template
 * sub-heading further down is ignored.
 */
export function findMeetingDate(sources: MeetingDateSources): string | null {
  const opening = bestOpeningDate(joinWrappedDates(sources.preamble));
  if (opening && opening.strength >= 4) return toIsoDate(opening.date);
  const titleDate = meetingDateInTitle(sources.title ?? "");
  if (titleDate) return toIsoDate(titleDate);
  if (opening && opening.strength >= 2) return toIsoDate(opening.date);
  const anyTitleDate = findFullDate(sources.title ?? "");
  if (anyTitleDate) return toIsoDate(anyTitleDate);
  if (opening) return toIsoDate(opening.date);
  const heldOn = /\b(?:held|meeting)\s+on\s+([^\n.:;]{0,60})/i.exec(sources.text)?.[1] ?? "";
  const full = findFullDate(heldOn);
  if (full) return toIsoDate(full);
  const openingText = [sources.title ?? "", ...sources.preamble].join("\n");
  const dayMonth = findDayMonth(openingText) ?? findDayMonth(heldOn);
  const feedDay = sources.feedDate ? londonDate(sources.feedDate) : null;
  if (dayMonth) {
    const year = findYear(openingText) ?? (feedDay ? Number(feedDay.slice(0, 4)) : null);
    if (year !== null) {
      const candidate = toIsoDate({ year, ...dayMonth });
      return feedDay && candidate > feedDay ? toIsoDate({ year: year - 1, ...dayMonth }) : candidate;
    }
  }
  return feedDay;
}

/** A line ending in a day and month ("... held on Thursday 23 January"). */
const ENDS_WITH_DAY_MONTH =
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s*$/i;

/**
 * Opening lines with a date that wrapping split between its month and its year ("... held in public
 * on Thursday 23 January" / "2014, 1.30pm", as a PDF's title wraps) joined back into one line.
 */
function joinWrappedDates(preamble: string[]): string[] {
  const joined: string[] = [];
  for (const line of preamble) {
    const last = joined[joined.length - 1];
    if (last !== undefined && ENDS_WITH_DAY_MONTH.test(last) && /^\s*(?:19|20|21)\d{2}\b/.test(line)) {
      joined[joined.length - 1] = `${last.trimEnd()} ${line.trim()}`;
    } else {
      joined.push(line);
    }
  }
  return joined;
}

function meetingDateInTitle(title: string): CalendarDate | null {
  for (const { index, date } of findFullDates(title)) {
    if (MEETING_WORDS.test(title.slice(0, index)) && !NOT_THE_MEETING.test(title.slice(0, index))) return date;
  }
  return null;
}

/**
 * The strongest date in the opening lines: 4 the date the meeting was "held on", 3 the meeting's own
 * date line (a minutes title with its date, or a date line under the meeting's title), 2 a meeting
 * mentioned beside it, 1 any other.
 */
function bestOpeningDate(preamble: string[]): { date: CalendarDate; strength: number } | null {
  let best: { date: CalendarDate; strength: number } | null = null;
  preamble.forEach((line, index) => {
    if (EMAIL_HEADER.test(line)) return;
    for (const found of findFullDates(line)) {
      const before = line.slice(0, found.index);
      if (NOT_THE_MEETING.test(before) || (NOT_THE_MEETING.test(line) && !MINUTES_LINE.test(before))) continue;
      const previous = preamble[index - 1] ?? "";
      let strength = 1;
      if (HELD_ON.test(before)) strength = 4;
      else if (MINUTES_LINE.test(before)) strength = 3;
      else if (OPENS_WITH_DATE.test(line) && MEETING_TITLE.test(previous) && findFullDates(previous).length === 0) {
        strength = 3;
      } else if (MEETING_TITLE.test(before)) strength = 2;
      if (!best || strength > best.strength) best = { date: found.date, strength };
    }
  });
  return best;
}

function londonDate(instant: Date): string {
  const local = new TZDate(instant.getTime(), UK_TIME_ZONE);
  return toIsoDate({ year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() });
}
