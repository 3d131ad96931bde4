/** Recognising the kinds of line found in minutes: headings, list entries and decision sentences. */
import { isAllCaps } from "./lines";

const ITEM_HEADING = /^item\s*(?:no\.?\s*)?(\d+[a-z]?)?\s*[-–—:.)]\s*(.+)$/i;
const NUMBERED = /^(\d{1,2})[.)]?\s+(.+)$/;
/** "14 March 2013" on a line of its own is the meeting's date, not item 14 "March 2013". */
const DAY_MONTH_YEAR =
  /^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+\d{4}\b/i;
/** Minute references: "GB/12/85", "BCB/12/176", "GB 12/47", "13/045", "ICB/23/045", "CB/13/01". */
const MINUTE_REFERENCE = /^(?:[A-Z]{1,5}[\s/-]?)?\d{1,3}\/\d{1,3}[a-z]?\.?\s+(.+)$/;
const SUB_NUMBERED = /^\d{1,2}(?:\.\d{1,2})+\.?\s+(.+)$/;
const LIST_MARKER = /^(?:[-•*–▪●]|\(?[a-z]\)|\(?[ivx]{1,4}\)|[a-z]\.)\s+(.+)$/;
const LABEL = /^(?:actions?|due|deadline|owner|lead|by when|resolved|agreed|decision|note)\s*[:\-–]/i;
/** Words that make a line a sentence of the minutes rather than a heading. */
const SENTENCE_VERBS =
  /\b(?:was|were|had|has|have|would|will|said|reported|asked|agreed|noted|presented|welcomed|confirmed|explained|described)\b/i;
/** Sections after the items: action logs, summaries of resolutions, appendices. */
const BACK_MATTER =
  /^(?:(?:summary|schedule|record|table|log) of (?:actions|decisions|resolutions)|actions(?: arising| log| summary| agreed| schedule| tracker)?|action (?:log|points|schedule|tracker|summary|sheet)|decisions? log|summary of (?:actions|resolutions)|(?:appendix|annex|attachment)\b.*)[:.]?(?:\s*\(.*\))?$/i;

/** The title of a heading line ("ITEM 2 - Finance", "3. Welcome", "Data from the Health Sector"), else null. */
export function headingOf(line: string): string | null {
  return strongHeadingOf(line) ?? (isNumberedLine(line) ? null : weakHeadingOf(line));
}

/** The title of a numbered or referenced heading ("ITEM 2 - Finance", "3. Welcome", "GB/12/85 Minutes"), else null. */
export function strongHeadingOf(line: string): string | null {
  const item = ITEM_HEADING.exec(line);
  if (item?.[2] && (item[1] || isAllCaps(line) || line.length <= 90) && !line.includes(" | ")) return item[2].trim();
  const reference = MINUTE_REFERENCE.exec(line);
  if (reference?.[1]) return headingLike(reference[1]) ? reference[1].trim() : null;
  const numbered = NUMBERED.exec(line);
  if (DAY_MONTH_YEAR.test(line.trim())) return null;
  if (numbered?.[2]) return headingLike(numbered[2]) ? numbered[2].trim() : null;
  return null;
}

/** A heading numbered as a sub-item ("5.1 Primary care"), else null. */
export function subHeadingOf(line: string): string | null {
  const match = SUB_NUMBERED.exec(line);
  return match?.[1] && headingLike(match[1]) && !SENTENCE_VERBS.test(match[1]) ? match[1].trim() : null;
}

/** An unnumbered heading ("Data from the Health Sector"): short, no closing punctuation, not a sentence. */
export function weakHeadingOf(line: string): string | null {
  if (SUB_NUMBERED.test(line) || LIST_MARKER.test(line) || SENTENCE_VERBS.test(line)) return null;
  return headingLike(line) ? line.trim() : null;
}

/** "Action log", "Summary of actions", "Appendix A": the items are over. */
export function isBackMatterHeading(line: string): boolean {
  return BACK_MATTER.test(line.trim());
}

function isNumberedLine(line: string): boolean {
  return (
    ITEM_HEADING.test(line) || (NUMBERED.test(line) && !DAY_MONTH_YEAR.test(line.trim())) || MINUTE_REFERENCE.test(line)
  );
}

/** Explicitly numbered headings ("ITEM 2 - ...", "3. Welcome") end an attendance list whatever they say. */
export function isNumberedHeading(line: string): boolean {
  return (
    ITEM_HEADING.test(line) ||
    (((NUMBERED.test(line) && !DAY_MONTH_YEAR.test(line.trim())) || MINUTE_REFERENCE.test(line)) &&
      headingOf(line) !== null)
  );
}

function headingLike(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/);
  if (trimmed.length > 90 || words.length > 12 || LABEL.test(trimmed) || trimmed.includes(" | ")) return false;
  if (/[.,;:!?]$/.test(trimmed) || /[.!?]\s+[A-Z]/.test(trimmed)) return false;
  return /^["'“‘]?[\p{Lu}\d]/u.test(trimmed);
}

/** The text of a list entry or numbered paragraph without its marker ("- x", "(a) x", "1.2 x", "GB 12/47 x"). */
export function stripMarker(line: string): string {
  const patterns = [LIST_MARKER, SUB_NUMBERED, MINUTE_REFERENCE, NUMBERED];
  for (const pattern of patterns) {
    const match = pattern.exec(line);
    if (match) return (match[match.length - 1] ?? line).trim();
  }
  return line.trim();
}

const DECIDING_BODY =
  "(?:the\\s+)?(?:[\\w'’-]+\\s+){0,4}?(?:board|committee|meeting|group|governing body|panel|authority|members|secretary of state|ministers?|chair(?:man)?|partnership)";
const DECISION_VERB =
  "(?:agreed|approved|decided|noted|resolved|endorsed|ratified|accepted|confirmed|supported|adopted|recommended|signed off)";
const BODY_DECIDED = new RegExp(
  `^${DECIDING_BODY}\\s+(?:also\\s+|formally\\s+|unanimously\\s+|therefore\\s+)?${DECISION_VERB}\\b`,
  "i",
);
const IT_WAS_DECIDED = /^it was (?:also\s+|further\s+)?(?:agreed|decided|resolved|noted|approved|confirmed)\b/i;
const PASSIVE_DECISION =
  /\b(?:was|were) (?:formally\s+|duly\s+|unanimously\s+)?(?:approved|agreed|ratified|endorsed|adopted|signed off)\b/i;
const DECISION_LABEL = /^(?:resolved|agreed|decision|decided)\s*[:\-–]/i;

/** "The Board agreed...", "It was agreed...", "The minutes ... were approved", "RESOLVED: ..." */
export function isDecisionSentence(sentence: string): boolean {
  const text = sentence.trim();
  return (
    DECISION_LABEL.test(text) || BODY_DECIDED.test(text) || IT_WAS_DECIDED.test(text) || PASSIVE_DECISION.test(text)
  );
}

/** A closing lead-in such as "In discussion the following points were made:" carries nothing itself. */
export function dropLeadIn(text: string): string {
  return text
    .replace(
      /\s*(?:In discussion,? )?the following (?:points|issues|comments) (?:were|was) (?:made|raised|noted)[^.:]*:\s*$/i,
      "",
    )
    .replace(/\s*(?:Looking (?:forward|ahead)|Key points|In summary):\s*$/i, "")
    .trim();
}
