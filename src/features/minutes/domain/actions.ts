/** Reading action points: "Action: Tim Kelsey to circulate by 30 June", "Due: September", action-log rows. */
import { findFullDates, parseDueDate, toIsoDate } from "./dates";

export interface ParsedAction {
  text: string;
  owner: string | null;
  due: string | null;
}

const ACTION_LABEL = /^actions?(?:\s+points?)?\s*[:\-–—]\s*(.*)$/i;
const BARE_ACTION_LABEL = /^ACTIONS?\s+(?=[A-Z])(.*)$/;
const DUE_LABEL = /^(?:due(?:\s+date)?|deadline|by when|target date|timescale)\s*[:\-–—]\s*(.+)$/i;
const TRAILING_ACTION = /^(.*?[.!?])\s+(?:ACTIONS?|Actions?)\s*[:\-–—]\s*(.+)$/;
/** Initials: "GH", "MCh", "JAk" (at least two capitals, so a short surname such as "Roe" is not taken for them). */
const INITIALS = "[A-Z](?:[a-z]?[A-Z]){1,2}[a-z]?";
const RESOLUTION_ACTION =
  /^[Tt]hat\s+(?:the\s+)?([A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|for|and|the)){0,7})\s+((?:write|report|bring|prepare|circulate|provide|arrange|send|present|publish|review|develop|produce|submit|draft|share|seek|set out|lead|update|respond|invite|contact|consult|agree|ensure|establish|take forward)\b.+)$/;

/**
 * A resolution telling someone to do something: "That the Director of Public Health write to both
 * CCGs setting out the Board's comments." -> an action for the Director of Public Health.
 */
export function resolutionAction(text: string, meetingDate: string | null): ParsedAction | null {
  const match = RESOLUTION_ACTION.exec(text.replace(/^(?:\(?[a-z]\)|[a-z]\.|\d+[.)])\s+/, "").trim());
  if (!match?.[1] || !match[2]) return null;
  const owner = match[1].replace(/\s+(?:of|for|and|the)$/, "");
  const parsed = parseAction(match[2], meetingDate);
  return { text: `${owner} ${parsed.text}`, owner, due: parsed.due };
}

/** "GH: write to the area team", "JS – circulate the plan": initials (or a short name) before the action. */
const OWNER_FIRST = new RegExp(
  `^(${INITIALS}(?:\\s*[/&,]\\s*${INITIALS})*|[A-Z][a-z]+\\s+[A-Z][a-z'’-]+)\\s*(?::|\\s[-–—])\\s+(.+)$`,
);
const OWNER_FIELD = /\b(?:owner|lead|responsible|by whom)\s*[:\-–—]\s*([^;,)(]+)/i;
const DUE_FIELD = /\b(?:due|deadline|by when|target date)\s*[:\-–—]\s*([^;)(]+)/i;
const DUE_BY =
  /\bby\s+((?:the\s+)?(?:end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+(?:\s+\d{4})?|[A-Za-z]+\s+\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*))\b/i;
const IMPERATIVE_VERBS = new Set([
  "circulate",
  "update",
  "provide",
  "prepare",
  "arrange",
  "write",
  "send",
  "review",
  "consider",
  "share",
  "draft",
  "present",
  "bring",
  "confirm",
  "check",
  "ensure",
  "agree",
  "publish",
  "produce",
  "report",
  "set",
  "establish",
  "develop",
  "include",
  "add",
  "amend",
  "revise",
  "liaise",
  "discuss",
  "schedule",
  "invite",
  "follow",
  "contact",
  "seek",
  "identify",
  "explore",
  "organise",
  "organize",
  "clarify",
  "respond",
  "submit",
]);

/** The body of an "Action: ..." line, or null when the line is not an action. */
export function actionBody(line: string): string | null {
  const match = ACTION_LABEL.exec(line) ?? BARE_ACTION_LABEL.exec(line);
  if (!match || /^actions?\s+(?:log|logs|arising|from|tracker|points?|required|summary|update)\b/i.test(line))
    return null;
  return (match[1] ?? "").trim();
}

/** The value of a "Due: September" line that follows an action, or null. */
export function dueLabelValue(line: string): string | null {
  return DUE_LABEL.exec(line)?.[1]?.trim() ?? null;
}

/** A paragraph closing with "ACTION: TK" splits into the paragraph and the action owner or text. */
export function trailingAction(paragraph: string): { before: string; action: string } | null {
  const match = TRAILING_ACTION.exec(paragraph);
  return match?.[1] && match[2] ? { before: match[1].trim(), action: match[2].trim() } : null;
}

/** A short action body that only names who ("ACTION: TK", "Action – Bill McCarthy"). */
export function isOwnerOnly(body: string): boolean {
  const words = body
    .replace(/[.;]$/, "")
    .split(/\s*[/&,]\s*|\s+and\s+|\s+/)
    .filter(Boolean);
  return words.length <= 4 && words.every((w) => /^[\p{Lu}\d][\p{L}'’.\-/&]*$/u.test(w));
}

/**
 * An action body naming only who and by when ("XX by 30 June", "AB/CD – by end of May", "JS by the
 * next meeting"): the owner and the due date, or null when the body says what is to be done.
 */
export function ownerOnlyWithDue(
  body: string,
  meetingDate: string | null,
): { owner: string; due: string | null } | null {
  const match = /^(.+?)\s*[,–—-]?\s+(?:by|before|due)\s+(.+?)[.;]?$/i.exec(body.trim());
  if (!match?.[1] || !match[2] || !isOwnerOnly(match[1])) return null;
  const when = match[2].trim();
  if (/^(?:the\s+)?(?:next|following|[A-Z][a-z]+)\s+(?:meeting|board|governing body)$/i.test(when)) {
    return { owner: match[1].trim(), due: null };
  }
  const due = parseDueDate(when, meetingDate);
  return due ? { owner: match[1].trim(), due } : null;
}

/** Text, owner and due date of an action body, due dates resolved against the meeting date. */
export function parseAction(body: string, meetingDate: string | null): ParsedAction {
  const labelled = OWNER_FIRST.exec(body);
  if (labelled?.[1] && labelled[2] && !/^(?:due|owner|lead|note|item|date)$/i.test(labelled[1])) {
    const rest = parseAction(labelled[2], meetingDate);
    return { ...rest, owner: labelled[1].trim() };
  }
  const ownerField = OWNER_FIELD.exec(body)?.[1]?.trim();
  const dueField = DUE_FIELD.exec(body)?.[1]?.trim();
  const text = body
    .replace(/\s*\((?:[^)]*\b(?:owner|lead|due|deadline)\b[^)]*)\)/gi, "")
    .replace(/\s+/g, " ")
    .trim();
  const owner = ownerField ?? ownerFromSentence(text);
  const dueText = dueField ?? DUE_BY.exec(text)?.[1];
  const due = dueText ? parseDueDate(dueText, meetingDate) : datedOccasion(text, meetingDate);
  return { text, owner: owner || null, due };
}

/**
 * "...to the Board meeting on 17 January 2013": with no "by" date, the one full date the action
 * names, when it falls on or after the meeting, is when it is due.
 */
function datedOccasion(text: string, meetingDate: string | null): string | null {
  const dates = findFullDates(text).map(({ date }) => toIsoDate(date));
  if (dates.length !== 1 || !dates[0]) return null;
  return meetingDate === null || dates[0] >= meetingDate ? dates[0] : null;
}

const OWNER_LABEL = new RegExp(
  `^(?:[-•*–▪●]\\s+)?(${INITIALS}(?:\\s*[/&,]\\s*${INITIALS})*|[A-Z][a-z]+(?:\\s+[A-Z][a-z'’-]+){1,2})\\s*:\\s+(.+)$`,
);

/** "- JT: circulate the draft terms of reference by 15 February": owner initials or name, then the action. */
export function ownerLabelledAction(line: string, meetingDate: string | null): ParsedAction | null {
  const match = OWNER_LABEL.exec(line);
  if (!match?.[1] || !match[2]) return null;
  const owner = match[1].trim();
  if (/^(?:action|actions|due|owner|lead|note|notes|item|date|present|apologies)$/i.test(owner)) return null;
  const parsed = parseAction(match[2], meetingDate);
  return { text: parsed.text, owner, due: parsed.due };
}

const PLAIN_LOG_HEADER =
  /^(?:(?:action\s*(?:no\.?|ref|number)|ref(?:erence)?|no\.?|item|minute)\s+)?action(?:s| required| description)?\s+(?:owner|lead|by whom|responsible|who)\s+(?:due(?:\s+date)?|by when|by|deadline|date|timescale|timing|when|target date)$/i;

/** "Action no Action Owner Due date": an action log's header printed without cell separators (PDF text). */
export function isPlainActionLogHeader(line: string): boolean {
  return PLAIN_LOG_HEADER.test(line.trim());
}

const DUE_AT_END =
  /(?:\s|^)((?:(?:weekly|monthly|quarterly|fortnightly|daily|by|to|until|from|end of|the end of)\s+){0,3}(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?|[A-Za-z]{3,9}\s+\d{4}|(?:the\s+)?(?:next|[A-Z][a-z]+)\s+meeting|ongoing|tbc|asap|immediately|complete|completed))\.?$/i;
const OWNER_AT_END = new RegExp(`(?:^|\\s)(${INITIALS}(?:\\s*[/&,]\\s*${INITIALS})*)$`);
const OWNER_TITLES = /^(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame|Cllr|Lord|Lady)\.?$/;

/**
 * The name ending the text before the due date: "... for each CCG Dame Barbara Hakin" -> "Dame
 * Barbara Hakin" (from the title), "... to the Department Paul Baumann" -> "Paul Baumann" (the last
 * two capitalised words).
 */
function nameAtEnd(text: string): string | null {
  const words = text.split(/\s+/);
  let start = words.length;
  while (start > 0 && start > words.length - 5 && /^[A-Z][\p{L}'’.-]*$/u.test(words[start - 1] ?? "")) start--;
  const run = words.slice(start);
  if (run.length < 2) return null;
  const title = run.findIndex((word) => OWNER_TITLES.test(word));
  const name = title >= 0 ? run.slice(title) : run.slice(-2);
  return name.length >= 2 ? name.join(" ") : null;
}
const ROW_REFERENCE = /^(?:[A-Z]{0,5}\d{0,4}\/?[A-Z]{0,3}\d{1,3}[a-z]?|\d{1,3})\.?\s+/;

/**
 * One row of an action log printed without cell separators, its wrapped lines joined:
 * "GB12/A31 Write to the area team ... with the minutes GH 16 November 2012". The due date (or
 * "next meeting") ends the row and the owner's initials come just before it. Null when the row
 * does not end that way (it goes on over the next line).
 */
export function plainActionLogRow(row: string, meetingDate: string | null): ParsedAction | null {
  const due = DUE_AT_END.exec(row);
  if (!due?.[1] || due.index === undefined) return null;
  const beforeDue = row.slice(0, due.index).trim();
  const owner = OWNER_AT_END.exec(beforeDue)?.[1] ?? nameAtEnd(beforeDue);
  if (!owner) return null;
  const text = beforeDue
    .slice(0, beforeDue.length - owner.length)
    .replace(ROW_REFERENCE, "")
    .trim();
  if (!text) return null;
  return { text, owner: owner.trim(), due: parseDueDate(due[1], meetingDate) };
}

/** "Tim Kelsey to circulate...", "The Transparency Director will present..." -> the subject. */
function ownerFromSentence(text: string): string | null {
  const match = /^(.{2,80}?)\s+(?:to|will|should|must|is to|are to|agreed to|undertook to)\s+(\w+)/.exec(text);
  if (!match?.[1] || !match[2] || match[2].toLowerCase() === "be") return null;
  const subject = match[1].replace(/^the\s+/i, "").trim();
  const firstWord = subject.split(/\s+/)[0]?.toLowerCase() ?? "";
  if (IMPERATIVE_VERBS.has(firstWord) || /^(?:a|an|all|this|it|there)$/.test(firstWord)) return null;
  if (subject.split(/\s+/).length > 8 || !/^[\p{Lu}\d]/u.test(subject)) return null;
  return subject;
}

/** Column roles of an action-log table header ("Action | Owner | Due"), or null if it is not one. */
export interface ActionLogColumns {
  text: number;
  owner: number | null;
  due: number | null;
  heading: number | null;
}

export function actionLogColumns(cells: string[]): ActionLogColumns | null {
  const find = (pattern: RegExp) => {
    const index = cells.findIndex((cell) => pattern.test(cell.trim()));
    return index >= 0 ? index : null;
  };
  const action = find(/^action(?:s| point| required)?$/i);
  const note = find(/^(?:note|notes|minute|discussion|description|detail|action description|summary)$/i);
  const owner = find(/^(?:owner|lead|responsible|by whom|who|action owner|lead officer)$/i);
  const due = find(
    /^(?:due|due date|date due|deadline|by when|by|date|target date|target|timescale|timing|when|completion date)$/i,
  );
  // Beside an Action column, a "Minute" column gives the minute's reference ("6.3"), not its text.
  const minuteReference = note !== null && action !== null && /^minute$/i.test(cells[note]?.trim() ?? "");
  const text = minuteReference ? action : (note ?? action);
  if (text === null || (owner === null && due === null && (note === null || minuteReference))) return null;
  const heading = minuteReference
    ? note
    : find(/^(?:agenda item|item|ref|reference|no\.?|minute ref(?:erence)?|min ref)$/i);
  const ownerColumn = owner ?? (note !== null && action !== null && !minuteReference ? action : null);
  return { text, owner: ownerColumn, due, heading };
}
