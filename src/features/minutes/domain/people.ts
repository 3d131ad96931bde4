/** Recognising attendance and apologies sections, and reading names out of them. */
import { isAllCaps } from "./lines";

export type PeopleList = "attendees" | "apologies";

const ATTENDEE_HEADINGS =
  /^(?:present|members present|present members|attendance|attendees|attending|in attendance|also (?:present|in attendance|attending)|participants|members|voting members|non-voting members|board members|officials|presenters|observers|secretariat)$/i;
/** "Open Health Data Board Members", "CCG MEMBERS": a group's name over its members (not "The Chair welcomed members"). */
const GROUP_MEMBERS = /^(?:(?:[A-Z][\w'’&-]*|&)\s+){1,5}(?:Members|MEMBERS)$/;
const APOLOGY_HEADINGS = /^apologies(?: for absence)?(?: received)?$/i;
const INLINE_LIST =
  /^(present|members present|in attendance|also (?:present|in attendance)|attendees|members|apologies(?: for absence)?)\s*(?:were received from|received from|from)?\s*[:\-–]?\s+(.+)$/i;
/** "Apologies for absence were received from Joan Petty, Non Executive Director, and Dr Colin Ward." */
const APOLOGIES_SENTENCE =
  /\bapologies(?: for absence)?\s+(?:were|had been|have been)\s+(?:received|given|noted|sent)\s+(?:from|by|on behalf of)\s+([^.]+?)(?:\.(?:\s|$)|$)/i;

export const PERSON_TITLES = new Set([
  "dr",
  "doctor",
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "prof",
  "professor",
  "sir",
  "dame",
  "lord",
  "lady",
  "baroness",
  "baron",
  "cllr",
  "councillor",
  "councillors",
  "rt",
  "hon",
  "rev",
  "revd",
  "the",
]);

/** Words that mark a line as a heading or sentence rather than a person's name. */
const NOT_IN_NAMES = new Set([
  // rooms of a venue line under the date ("Conference Room, Millbrook Health Centre")
  "room",
  "rooms",
  "boardroom",
  "suite",
  "chamber",
  "auditorium",
  "theatre",
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
  "notes",
  "name",
  "initials",
  "role",
  "title",
  "organisation",
  "organization",
  "designation",
]);

/** Words of job titles and organisations: a list entry made of them names a post, not a person. */
const ROLE_WORDS = new Set([
  "chair",
  "chairman",
  "chairwoman",
  "vice",
  "deputy",
  "chief",
  "executive",
  "director",
  "directors",
  "officer",
  "officers",
  "member",
  "manager",
  "secretary",
  "head",
  "lead",
  "nurse",
  "doctor",
  "consultant",
  "adviser",
  "advisor",
  "representative",
  "clinical",
  "commissioning",
  "finance",
  "financial",
  "operating",
  "medical",
  "nursing",
  "national",
  "regional",
  "designate",
  "interim",
  "acting",
  "non",
  "non-executive",
  "lay",
  "gp",
  "nhs",
  "ccg",
  "csu",
  "council",
  "trust",
  "group",
  "team",
  "unit",
  "authority",
  "department",
  "health",
  "care",
  "services",
  "service",
  "locality",
  "practice",
  "patient",
  "patients",
  "healthwatch",
  "governing",
  "body",
  "audit",
  "policy",
  "strategy",
  "transition",
  "partnerships",
  "general",
  "government",
  "relations",
  "customer",
  "customers",
  "affairs",
  "communications",
  "contracting",
  "procurement",
  "corporate",
  "planning",
  "operations",
  "information",
  "intelligence",
  "resources",
  "workforce",
  "quality",
  "safeguarding",
  "engagement",
  "transformation",
  "improvement",
  "medicines",
  "commissioner",
  "support",
  "development",
  "accountable",
  "registered",
  "secondary",
  "primary",
  "public",
  "cabinet",
  "portfolio",
  "holder",
  "minutes",
  "secretariat",
  "clerk",
  "observer",
  "participant",
  "attendance",
]);
const NAME_PARTICLES = new Set(["de", "van", "von", "der", "den", "la", "le", "da", "du", "di", "bin", "al", "the"]);

/** Which people list a heading line opens ("PRESENT (as listed)", "Apologies:"), if any. */
export function peopleHeading(line: string): PeopleList | null {
  const bare = line
    .replace(/\([^)]*\)/g, "")
    .replace(/^\d{1,2}[.)]?\s+|^item\s+\d+\s*[-–:.]\s*/i, "")
    .replace(/[:.\s]+$/, "")
    .trim();
  if (APOLOGY_HEADINGS.test(bare)) return "apologies";
  if ((ATTENDEE_HEADINGS.test(bare) || GROUP_MEMBERS.test(bare)) && bare.split(/\s+/).length <= 6) return "attendees";
  return null;
}

/** "Apologies: A (NED), B and C." or "Present: X, Y" on one line: the list and its names. */
export function inlinePeople(line: string): { list: PeopleList; names: string[] } | null {
  const match = INLINE_LIST.exec(line);
  if (!match?.[1] || !match[2]) return null;
  const list: PeopleList = /^apolog/i.test(match[1]) ? "apologies" : "attendees";
  const names = splitNameList(match[2].replace(/^\|\s*/, ""));
  return names.length > 0 ? { list, names } : null;
}

/** The people named in a sentence such as "Apologies were received from Joan Petty and Dr Colin Ward." */
export function apologiesInSentence(text: string): string[] {
  const match = APOLOGIES_SENTENCE.exec(text);
  return match?.[1] ? splitNameList(match[1]) : [];
}

/** Cover-sheet labels whose names are the paper's authors, not the meeting's attendance. */
const NOT_PEOPLE =
  /^(?:presented by|prepared by|author|authors|report author|lead (?:director|officer)|sponsor(?:ing director)?|contact|by|from|to|cc|sent|signed)\b/i;

/**
 * Every person named with a role on one line, as a two-column attendance table flattened into text
 * gives them: "Rachel Oduya, Director General Sir Graham Pettifer, Chief Executive" -> both names.
 * A name is a run of capitalised words ending before a comma, a bracket or a dash; job-title words
 * in front of it, and anything before a title such as "Sir" or "Dr", are not part of it.
 */
export function namesInLine(line: string): string[] {
  if (NOT_PEOPLE.test(line) || /[.!?]$/.test(line) || /\b(?:was|were|is|are|had|has|said|reported)\b/.test(line))
    return [];
  const names: string[] = [];
  const runs = line.matchAll(/((?:[\p{Lu}][\p{L}'’.-]*\s+){1,6}[\p{Lu}][\p{L}'’.-]*)(?=\s*(?:,|\(|\s[-–—]\s))/gu);
  for (const run of runs) {
    // "Head of Customer Relations": capitalised words after "of" are the rest of a job title.
    let words = (run[1] ?? "").split(/\s+/);
    const title = words.findIndex((word) => PERSON_TITLES.has(word.toLowerCase().replace(/\.$/, "")) && word !== "The");
    if (title < 0 && /\b(?:of|for|and|the|to|in|at|with)\s+$/.test(line.slice(0, run.index ?? 0))) continue;
    if (title > 0) words = words.slice(title);
    while (words.length > 2 && ROLE_WORDS.has((words[0] ?? "").toLowerCase())) words = words.slice(1);
    const name = words.join(" ");
    const lower = words.map((word) => word.toLowerCase());
    if (lower.some((word) => ROLE_WORDS.has(word) || PLACE_WORDS.has(word))) continue;
    if (looksLikeName(name)) names.push(name);
  }
  return names;
}

/**
 * The people a line of an attendance list without a heading names: two or more with their roles
 * ("Rachel Oduya, Director General Sir Graham Pettifer, Chief Executive"), or one whose title marks
 * where the name starts ("Secretary of State Professor Sir Anthony Kelway, Chair").
 */
export function peopleOnLine(line: string): string[] {
  const names = namesInLine(line);
  if (names.length >= 2) return names;
  const [only] = names;
  return only && PERSON_TITLES.has(only.split(/\s+/)[0]!.toLowerCase().replace(/\.$/, "")) ? [only] : [];
}

/** Words of venues and addresses ("Weaver Room, Kingsmill House"), never of names in attendance lists. */
const PLACE_WORDS = new Set([
  "room",
  "rooms",
  "house",
  "road",
  "street",
  "lane",
  "avenue",
  "bridge",
  "hall",
  "centre",
  "center",
  "building",
  "park",
  "square",
  "court",
  "chamber",
  "chambers",
  "suite",
  "floor",
  "mill",
  "offices",
  "hotel",
  "hospital",
  "library",
  "theatre",
]);

/**
 * "Main Hall, Brenfield Community Centre, Mill Lane": a venue, whose first part ends in a place
 * word as a surname can ("Hall", "Bridge"), told from "Jennifer Hall, Chief Nurse" by the places
 * that follow it and the absence of any role.
 */
function readsAsVenue(text: string): boolean {
  const parts = text.split(/\s*,\s*/).map((part) => part.toLowerCase().split(/\s+/).filter(Boolean));
  const [first, ...rest] = parts;
  if (!first?.length || rest.length === 0) return false;
  const isPlace = (word: string) => PLACE_WORDS.has(word);
  return (
    isPlace(first[first.length - 1] ?? "") &&
    rest.some((words) => words.some(isPlace)) &&
    !parts.some((words) => words.some((word) => ROLE_WORDS.has(word)))
  );
}

/** A short label inside an attendance list such as "Department of Health:". */
export function isGroupLabel(line: string): boolean {
  return /:$/.test(line) && line.split(/\s+/).length <= 8 && !/^[-•*–]/.test(line);
}

/**
 * The name on an attendance line, without its role: "Francis Maude (Chair)" -> "Francis Maude",
 * "- Professor Malcolm Grant - Chair" -> "Professor Malcolm Grant", "Dr Rashid Iqbal RI Clinical Chair"
 * -> "Dr Rashid Iqbal", "Chief Finance Officer: Jane Roe" -> "Jane Roe". Returns null when the line
 * is not a name. Bullet lines are trusted more, as lists under a "Present" heading often name posts.
 */
export function nameFromLine(line: string): string | null {
  const isBullet = /^[-•*–▪●]\s/.test(line);
  const text = line.replace(/^[-•*–▪●]\s+/, "");
  if (readsAsVenue(text)) return null;
  const roleFirst = nameAfterRole(text);
  if (roleFirst) return roleFirst;
  const initialled = nameBeforeInitials(text);
  if (initialled) return initialled;
  const name = stripRole(text);
  if (!name || (/[.;!?]$/.test(text) && !isBullet)) return null;
  if (!isBullet) return looksLikeName(name) ? name : null;
  const readsAsSentence = /[.!?]$/.test(text) && name.split(/\s+/).length >= 5;
  return looksLikeListEntry(name) && !readsAsSentence && !hasVerb(name) && !isRoleOnly(name) ? name : null;
}

/**
 * A post listed where a person would be ("- Chair, NHS Commissioning Board", "Secretary of State
 * for Health (chair)"): minutes that name no one list who attended this way.
 */
export function postFromLine(line: string): string | null {
  const text = line
    .replace(/^[-•*–▪●]\s+/, "")
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(/[.;:]+$/, "")
    .trim();
  if (!text || text.split(/\s+/).length > 10 || /[.!?]/.test(text) || !/^\p{Lu}/u.test(text)) return null;
  return isRoleOnly(text.split(/,\s*/)[0] ?? "") ? text : null;
}

/** "Rachel Oduya, Director General": a name followed by a role (the shape of an unlabelled attendance list). */
export function personWithRole(line: string): string | null {
  const text = line.replace(/^[-•*–▪●]\s+/, "");
  if (NOT_PEOPLE.test(text) || readsAsVenue(text)) return null;
  const initialled = nameBeforeInitials(text);
  if (initialled) return initialled;
  const match = /^(.+?)(?:\s*,\s+|\s+[-–—]\s+|\s*\()(.+)$/.exec(text);
  if (!match?.[1] || !match[2] || /[.;!?]$/.test(text)) return null;
  return looksLikeName(match[1].trim()) && !looksLikeName(match[2].replace(/\)$/, "").trim()) ? match[1].trim() : null;
}

/** "Chief Finance Officer: Jane Roe FCA": the name after a role label (an attendance list written role first). */
export function personAfterRole(line: string): string | null {
  return nameAfterRole(line.replace(/^[-•*–▪●]\s+/, ""));
}

function nameAfterRole(text: string): string | null {
  const match = /^([^:]{3,100}):\s+(.+)$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const role = match[1].trim();
  const name = stripRole(match[2]);
  const roleWords = role
    .toLowerCase()
    .split(/[\s,/&()-]+/)
    .filter(Boolean);
  if (!roleWords.some((word) => ROLE_WORDS.has(word)) || looksLikeName(stripRole(role))) return null;
  return looksLikeName(name) ? name : null;
}

/** "Dr Rashid Iqbal RI Clinical Chair" (a table row without cell separators): the name its initials follow. */
function nameBeforeInitials(text: string): string | null {
  const words = text.split(/\s+/);
  for (let index = 2; index < Math.min(words.length, 8); index++) {
    const token = words[index] ?? "";
    if (!/^[A-Z][A-Za-z]{0,3}$/.test(token) || token.replace(/[^A-Z]/g, "").length < 2) continue;
    const nameWords = words.slice(0, index);
    const candidate = nameWords.join(" ");
    if (!looksLikeName(candidate)) continue;
    const bare = nameWords.filter((word) => !PERSON_TITLES.has(word.toLowerCase().replace(/\.$/, "")));
    if (bare.length < 2) continue;
    const capitals = token.replace(/[^A-Z]/g, "");
    const firstLetters = bare.map((word) => word[0] ?? "").join("");
    const withParts = bare
      .map((word) =>
        word
          .split("-")
          .map((part) => part[0] ?? "")
          .join(""),
      )
      .join("");
    if (capitals === firstLetters || capitals === withParts) return candidate;
  }
  return null;
}

const VERBS = new Set(["was", "were", "is", "are", "will", "has", "have", "had", "agreed", "noted", "approved"]);

function hasVerb(text: string): boolean {
  return text.split(/\s+/).some((word) => VERBS.has(word.toLowerCase()));
}

function stripRole(text: string): string {
  return text
    .replace(/\([^)]*\)?/g, " ")
    .split(/\s+[-–—]\s+|,\s+|:\s+|\s+\|\s+/)[0]!
    .replace(/\s{2,}/g, " ")
    .replace(/[,;:.]+$/, "")
    .trim();
}

/** Two to six capitalised words, no heading or sentence words, not a job title. */
export function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 7 || name.length > 60 || isAllCaps(name)) return false;
  const bare = words.filter((word) => !PERSON_TITLES.has(word.toLowerCase().replace(/\.$/, "")));
  if (bare.length === 0) return false;
  if (bare.some((word) => ROLE_WORDS.has(word.toLowerCase()))) return false;
  return words.every((word) => {
    const lower = word.toLowerCase().replace(/[’']s$/, "");
    if (NOT_IN_NAMES.has(lower)) return false;
    return /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(word) || NAME_PARTICLES.has(word);
  });
}

/** "Non Executive Director", "NHS Brackenshire North CCG": a job title or an organisation, not a person. */
function isRoleOnly(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/[\s,/&()]+/)
    .filter((word) => word && !PERSON_TITLES.has(word));
  const roles = words.filter((word) => ROLE_WORDS.has(word)).length;
  return words.length > 0 && (roles >= 2 || roles === words.length);
}

function looksLikeListEntry(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length <= 8 && name.length <= 80 && /^[A-Z]/.test(name);
}

/**
 * Names from a list written on one line. Entries are separated by semicolons (each may carry its
 * role after a comma or in brackets), else by commas and "and"; a run of names with no separators
 * at all (a two-column table flattened into one line) is split at each title or every two words.
 */
export function splitNameList(text: string): string[] {
  const withoutNotes = text.replace(/\([^)]*\)/g, " ");
  const firstSentence = withoutNotes.split(/\.(?:\s|$)/)[0] ?? "";
  const cleaned = firstSentence
    .split(/\s*;\s*/)
    .flatMap((entry) => entry.split(/\s*,\s*|\s+and\s+|\s*&\s*|\s+[-–—]\s+/))
    .map((entry) =>
      entry
        .replace(/^(?:and|from|councillors?)\s+/i, "")
        .replace(/\s{2,}/g, " ")
        .trim(),
    )
    .filter(Boolean);
  if (cleaned.length === 1 && cleaned[0]!.split(/\s+/).length >= 6) {
    const split = splitFlattenedNames(cleaned[0]!);
    if (split) return split;
  }
  return cleaned.filter((entry) => looksLikeListEntry(entry) && entry.split(/\s+/).length <= 6 && looksLikeName(entry));
}

/** "Margaret Tolland Roger Heald Dr Imogen Lacey": names run together, split at titles or every two words. */
function splitFlattenedNames(text: string): string[] | null {
  const words = text.split(/\s+/);
  if (!words.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word))) return null;
  const names: string[] = [];
  let current: string[] = [];
  let needed = 2;
  for (const word of words) {
    const isTitle = PERSON_TITLES.has(word.toLowerCase().replace(/\.$/, ""));
    if (isTitle && current.length > 0 && current.some((w) => !PERSON_TITLES.has(w.toLowerCase().replace(/\.$/, "")))) {
      names.push(current.join(" "));
      current = [];
      needed = 2;
    }
    current.push(word);
    if (isTitle) continue;
    if (/^\p{Lu}\.?$/u.test(word)) continue;
    needed--;
    if (needed === 0) {
      names.push(current.join(" "));
      current = [];
      needed = 2;
    }
  }
  if (current.length) return null;
  return names.every(looksLikeName) ? names : null;
}

/** A name reduced to compare two mentions of one person ("Ms Caroline Dunne" and "Caroline Dunne"). */
export function personKey(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, " ")
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\d'’-]/gu, ""))
    .filter(Boolean);
  let start = 0;
  while (start < words.length - 1 && PERSON_TITLES.has(words[start]!.toLowerCase())) start++;
  let end = words.length;
  while (end - 1 > start && /^[A-Z]{2,6}$/.test(words[end - 1]!)) end--;
  return words.slice(start, end).join(" ").toLowerCase();
}
