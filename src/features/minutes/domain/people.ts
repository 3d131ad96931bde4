/** Recognising attendance and apologies sections, and reading names out of them. */
import { isAllCaps } from "./lines";

export type PeopleList = "attendees" | "apologies";

const ATTENDEE_HEADINGS =
  /^(?:present|members present|present members|attendance|attendees|attending|in attendance|also (?:present|in attendance|attending)|participants|members|board members|[\w '’&-]{0,40}\bmembers|officials|presenters|observers|secretariat)$/i;
const APOLOGY_HEADINGS = /^apologies(?: for absence)?(?: received)?$/i;
const INLINE_LIST =
  /^(present|in attendance|attendees|apologies(?: for absence)?)\s*(?:were received from|received from|from)?\s*[:\-–]?\s+(.+)$/i;

/** Words that mark a line as a heading or sentence rather than a person's name. */
const NOT_IN_NAMES = new Set([
  "and",
  "of",
  "for",
  "to",
  "on",
  "in",
  "with",
  "from",
  "at",
  "by",
  "about",
  "is",
  "was",
  "were",
  "will",
  "welcome",
  "welcomes",
  "introduction",
  "introductions",
  "minutes",
  "matters",
  "arising",
  "update",
  "report",
  "agreement",
  "strategy",
  "plan",
  "review",
  "finance",
  "performance",
  "governance",
  "risk",
  "any",
  "other",
  "business",
  "date",
  "next",
  "meeting",
  "declarations",
  "declaration",
  "interest",
  "interests",
  "questions",
  "public",
  "board",
  "committee",
  "data",
  "programme",
  "item",
  "agenda",
  "actions",
  "action",
  "log",
  "summary",
  "close",
  "aob",
  "apologies",
  "present",
  "attendance",
  "note",
]);
const NAME_PARTICLES = new Set(["de", "van", "von", "der", "den", "la", "le", "da", "du", "di", "bin", "al", "the"]);

/** Which people list a heading line opens ("PRESENT (as listed)", "Apologies:"), if any. */
export function peopleHeading(line: string): PeopleList | null {
  const bare = line
    .replace(/\([^)]*\)/g, "")
    .replace(/[:.\s]+$/, "")
    .trim();
  if (APOLOGY_HEADINGS.test(bare)) return "apologies";
  if (ATTENDEE_HEADINGS.test(bare) && bare.split(/\s+/).length <= 5) return "attendees";
  return null;
}

/** "Apologies: A (NED), B and C." or "Present: X, Y" on one line: the list and its names. */
export function inlinePeople(line: string): { list: PeopleList; names: string[] } | null {
  const match = INLINE_LIST.exec(line);
  if (!match?.[1] || !match[2]) return null;
  const list: PeopleList = /^apolog/i.test(match[1]) ? "apologies" : "attendees";
  const names = splitNameList(match[2]);
  return names.length > 0 ? { list, names } : null;
}

/** A short label inside an attendance list such as "Department of Health:". */
export function isGroupLabel(line: string): boolean {
  return /:$/.test(line) && line.split(/\s+/).length <= 8 && !/^[-•*–]/.test(line);
}

/**
 * The name on an attendance line, without its role: "Francis Maude (Chair)" -> "Francis Maude",
 * "- Professor Malcolm Grant - Chair" -> "Professor Malcolm Grant". Returns null when the line is not
 * a name. Bullet lines are trusted more, as lists under a "Present" heading often name posts, not people.
 */
export function nameFromLine(line: string): string | null {
  const isBullet = /^[-•*–▪●]\s/.test(line);
  const text = line.replace(/^[-•*–▪●]\s+/, "");
  const name = stripRole(text);
  if (!name || (/[.;!?]$/.test(text) && !isBullet)) return null;
  if (!isBullet) return looksLikeName(name) ? name : null;
  const readsAsSentence = /[.!?]$/.test(text) && name.split(/\s+/).length >= 5;
  return looksLikeListEntry(name) && !readsAsSentence && !hasVerb(name) ? name : null;
}

const VERBS = new Set(["was", "were", "is", "are", "will", "has", "have", "had", "agreed", "noted", "approved"]);

function hasVerb(text: string): boolean {
  return text.split(/\s+/).some((word) => VERBS.has(word.toLowerCase()));
}

function stripRole(text: string): string {
  return text
    .replace(/\([^)]*\)?/g, " ")
    .split(/\s+[-–—]\s+|,\s+|:\s+/)[0]!
    .replace(/\s{2,}/g, " ")
    .replace(/[,;:.]+$/, "")
    .trim();
}

function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > 6 || name.length > 60 || isAllCaps(name)) return false;
  return words.every((word) => {
    const lower = word.toLowerCase().replace(/[’']s$/, "");
    if (NOT_IN_NAMES.has(lower)) return false;
    return /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(word) || NAME_PARTICLES.has(word);
  });
}

function looksLikeListEntry(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length <= 8 && name.length <= 80 && /^[A-Z]/.test(name);
}

function splitNameList(text: string): string[] {
  const withoutNotes = text.replace(/\([^)]*\)/g, " ");
  const firstSentence = withoutNotes.split(/\.(?:\s|$)/)[0] ?? "";
  return firstSentence
    .split(/\s*[,;]\s*|\s+and\s+|\s*&\s*/)
    .map((part) => part.replace(/\s{2,}/g, " ").trim())
    .filter((part) => part && looksLikeListEntry(part) && part.split(/\s+/).length <= 6);
}
