/** Finding calendar dates written the British way in minutes ("8th June 2011", "Monday 25 June 2012"). */

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

const DAY_MONTH_YEAR = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, "gi");
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s+${DAY},?\\s+(\\d{4})\\b`, "gi");
const NUMERIC_UK = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const DAY_MONTH = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b(?!\\.?,?\\s+\\d{4})`, "gi");
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, "gi");
const MONTH_ONLY = new RegExp(`\\b(?:(?:the\\s+)?end\\s+of\\s+)?${MONTH}\\b`, "i");

export function monthNumber(name: string): number {
  const index = MONTH_NAMES.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));
  return index + 1;
}

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function validDate(year: number, month: number, day: number): CalendarDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const ok = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return ok && year >= 1900 && year <= 2200 ? { year, month, day } : null;
}

function lastDayOfMonth(year: number, month: number): CalendarDate {
  return { year, month, day: new Date(Date.UTC(year, month, 0)).getUTCDate() };
}

/** The earliest complete date (with a year) written in `text`, or null. */
export function findFullDate(text: string): CalendarDate | null {
  return findFullDates(text)[0]?.date ?? null;
}

/** Every complete date (with a year) written in `text`, in order, with where it starts. */
export function findFullDates(text: string): { index: number; date: CalendarDate }[] {
  const found: { index: number; date: CalendarDate }[] = [];
  const collect = (pattern: RegExp, read: (m: RegExpMatchArray) => CalendarDate | null) => {
    for (const match of text.matchAll(pattern)) {
      const date = read(match);
      if (date && match.index !== undefined) found.push({ index: match.index, date });
    }
  };
  collect(DAY_MONTH_YEAR, (m) => validDate(Number(m[3]), monthNumber(m[2] ?? ""), Number(m[1])));
  collect(MONTH_DAY_YEAR, (m) => validDate(Number(m[3]), monthNumber(m[1] ?? ""), Number(m[2])));
  collect(NUMERIC_UK, (m) => validDate(Number(m[3]), Number(m[2]), Number(m[1])));
  collect(ISO, (m) => validDate(Number(m[1]), Number(m[2]), Number(m[3])));
  return found.sort((a, b) => a.index - b.index);
}

/** A day and month written without a year ("held on 8 June"), or null. */
export function findDayMonth(text: string): { month: number; day: number } | null {
  for (const match of text.matchAll(DAY_MONTH)) {
    const month = monthNumber(match[2] ?? "");
    const day = Number(match[1]);
    if (validDate(2000, month, day)) return { month, day };
  }
  return null;
}

/** A year written in `text` ("June 2011", "2011-12"), or null. */
export function findYear(text: string): number | null {
  const match = /\b(19\d{2}|20\d{2}|21\d{2})\b/.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * A due date from loose wording, resolved against the meeting date: "30 June" (next 30 June on or
 * after the meeting), "30 June 2012", "July 2012" or "September" / "end of July" (last day of that month).
 * Returns null for "next meeting", "ongoing" and the like, or when a year is needed and unknown.
 */
export function parseDueDate(text: string, meetingDate: string | null): string | null {
  const full = findFullDate(text);
  if (full) return toIsoDate(full);
  const monthYear = firstMatch(MONTH_YEAR, text);
  if (monthYear) return toIsoDate(lastDayOfMonth(Number(monthYear[2]), monthNumber(monthYear[1] ?? "")));
  if (!meetingDate) return null;
  const dayMonth = findDayMonth(text);
  if (dayMonth) return onOrAfter(meetingDate, (year) => validDate(year, dayMonth.month, dayMonth.day));
  const monthOnly = MONTH_ONLY.exec(text);
  if (monthOnly?.[1]) {
    const month = monthNumber(monthOnly[1]);
    return onOrAfter(meetingDate, (year) => lastDayOfMonth(year, month));
  }
  return null;
}

function onOrAfter(meetingDate: string, inYear: (year: number) => CalendarDate | null): string | null {
  const year = Number(meetingDate.slice(0, 4));
  const sameYear = inYear(year);
  if (sameYear && toIsoDate(sameYear) >= meetingDate) return toIsoDate(sameYear);
  const nextYear = inYear(year + 1);
  return nextYear ? toIsoDate(nextYear) : null;
}

function firstMatch(pattern: RegExp, text: string): RegExpMatchArray | null {
  return text.matchAll(pattern).next().value ?? null;
}
