/** Reading action points: "Action: Tim Kelsey to circulate by 30 June", "Due: September", action-log rows. */
import { parseDueDate } from "./dates";

export interface ParsedAction {
  text: string;
  owner: string | null;
  due: string | null;
}

const ACTION_LABEL = /^actions?(?:\s+points?)?\s*[:\-–—]\s*(.*)$/i;
const BARE_ACTION_LABEL = /^ACTIONS?\s+(?=[A-Z])(.*)$/;
const DUE_LABEL = /^(?:due(?:\s+date)?|deadline|by when|target date|timescale)\s*[:\-–—]\s*(.+)$/i;
const TRAILING_ACTION = /^(.*?[.!?])\s+(?:ACTIONS?|Actions?)\s*[:\-–—]\s*(.+)$/;
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
  const words = body.replace(/[.;]$/, "").split(/\s+/);
  return words.length <= 4 && words.every((w) => /^[\p{Lu}\d][\p{L}'’.\-/&]*$/u.test(w));
}

/** Text, owner and due date of an action body, due dates resolved against the meeting date. */
export function parseAction(body: string, meetingDate: string | null): ParsedAction {
  const ownerField = OWNER_FIELD.exec(body)?.[1]?.trim();
  const dueField = DUE_FIELD.exec(body)?.[1]?.trim();
  const text = body
    .replace(/\s*\((?:[^)]*\b(?:owner|lead|due|deadline)\b[^)]*)\)/gi, "")
    .replace(/\s+/g, " ")
    .trim();
  const owner = ownerField ?? ownerFromSentence(text);
  const dueText = dueField ?? DUE_BY.exec(text)?.[1];
  return { text, owner: owner || null, due: dueText ? parseDueDate(dueText, meetingDate) : null };
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
  const due = find(/^(?:due|due date|deadline|by when|date|target date|timescale|when)$/i);
  const heading = find(/^(?:agenda item|item|ref|reference|no\.?|minute ref(?:erence)?|min ref)$/i);
  const text = note ?? action;
  if (text === null || (owner === null && due === null && note === null)) return null;
  const ownerColumn = owner ?? (note !== null && action !== null ? action : null);
  return { text, owner: ownerColumn, due, heading };
}
