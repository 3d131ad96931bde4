/** Line-level clean-up shared by PDF extraction and the minutes parser. */

const TERMINAL = /[.!?:;]["'”’)\]]*$/;
const STARTS_BLOCK = new RegExp(
  [
    "^(?:[-•*–▪●]\\s",
    "\\(?[a-z]\\)\\s",
    "\\(?[ivx]+\\)\\s",
    "\\d+(?:\\.\\d+)+\\.?\\s",
    "\\d+[.)]\\s",
    // minute references: "GB/12/85", "BCB/12/176", "13/045", "CB/13/01"
    "(?:[A-Z]{1,5}\\s?)?\\d{1,3}\\/\\d{1,3}",
    // action references: "A2 ", "A12/41", "GB12/A31"
    "[A-Z]{1,3}\\d{1,3}(?:\\/[A-Z]{0,2}\\d{1,3})?\\s",
    "item\\b",
    "actions?\\b",
    "due\\b",
    "deadline\\b",
    "owner\\b",
    "apologies\\b",
    "present\\b",
    "resolved\\b)",
  ].join("|"),
  "i",
);
/** "Dr Amir Khan – Chair", "Rachel Oduya, Director General": a person and a role, as attendance lists print them. */
const PERSON_AND_ROLE =
  /^(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame|Cllr|Councillor|Lord|Lady)\.?\s+)*\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s*(?:[,–—]|\s-\s)/u;
/** "Dr Meera Chauhan MCh GP Member": a row of an attendance table printed without cell separators. */
const NAME_AND_INITIALS =
  /^(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame|Cllr|Councillor)\.?\s+)*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}\s+[A-Z](?:[a-z]?[A-Z]){1,2}[a-z]?(?:\s|$)/u;
/** "13/049 Contract negotiations 2013/14: the Foundation Trust": a whole numbered heading, not a wrapped sentence. */
const NUMBERED_HEADING =
  /^(?:item\s+\d+[a-z]?\s*[-–—:.]?|\d{1,2}[.)]?|(?:[A-Z]{1,5}[\s/-]?)?\d{1,3}\/\d{1,3}[a-z]?\.?)\s+(?![^.;!?]*[.;!?]["'”’)]*\s)(?!.*\b(?:is|are|was|were|had|has|have|would|will|could|should|said|reported|asked|agreed|noted|presented|welcomed|confirmed|explained)\b)(?:\S+\s+){0,11}\S+$/i;

/** A line ending with a full date: an action-log row or a date line, not a wrapped sentence. */
const ENDS_WITH_DATE = /\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\s+\d{4}$/;

/** A sentence, a wide gap, then initials alone: the owner in a minutes layout with an Action column. */
const RIGHT_MARGIN_OWNER =
  /^(.*[.!?)])\s{3,}([A-Z](?:[a-z]?[A-Z]){1,2}[a-z]?(?:\s*[/,&]\s*[A-Z](?:[a-z]?[A-Z]){1,2}[a-z]?)*)\s*$/;

/** Lines that belong to the page, not the minutes: separators, signature blocks, page review dates. */
const FURNITURE = [
  /^[-=_*~.·•+| ]{4,}$/,
  /^page \d+(?: of \d+)?$/i,
  /^signed:?\s*[.…_]{4,}/i,
  /^date:?\s*[.…_]{4,}$/i,
  /^(?:page )?last (?:updated|reviewed|modified):?\s/i,
  /^next review (?:due|date):?\s/i,
  /^this (?:e-?mail|message) and any attachments\b/i,
];
/** Below this many characters of typical line length a text is not taken as hard-wrapped. */
const MIN_WRAP_WIDTH = 40;

/**
 * Splits text into trimmed, non-empty lines with page furniture dropped. A line that plainly
 * continues the previous one (no blank line between, previous line unfinished, and this one starting
 * in lower case or the previous one running to the text's wrap width) is joined to it; a paragraph
 * number alone on its line ("1.") is joined to the paragraph it numbers.
 * Tabs, and runs of three or more spaces, between cells become " | " so tab-separated and
 * space-aligned tables read like HTML ones.
 */
export function toLines(text: string): string[] {
  return mergeLines(text);
}

/**
 * PDF text comes one printed line at a time. Joins the lines of each wrapped paragraph as toLines
 * does and returns blocks separated by blank lines.
 */
export function joinWrappedLines(text: string): string {
  return mergeLines(text).join("\n\n");
}

export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, "");
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/** A line that belongs to the page rather than the document ("Page 2 of 4", "Signed ....", "-----"). */
export function isFurniture(line: string): boolean {
  return FURNITURE.some((pattern) => pattern.test(line));
}

interface RawLine {
  text: string;
  blankBefore: boolean;
  blankAfter: boolean;
}

function rawLines(text: string): RawLine[] {
  const all = text.replace(/\r\n?/g, "\n").split("\n").map(cleanLine);
  const lines: RawLine[] = [];
  all.forEach((line, index) => {
    if (!line) return;
    const blankBefore = index === 0 || !all[index - 1];
    const blankAfter = index === all.length - 1 || !all[index + 1];
    // A bare page number stands between blank lines; a paragraph number ("1.") runs into its paragraph.
    if (/^\d{1,3}$/.test(line) && blankBefore && blankAfter) return;
    if (isFurniture(line)) return;
    lines.push({ text: line, blankBefore, blankAfter });
  });
  return lines;
}

/** The length most full lines of a hard-wrapped text reach (90th percentile), or null when it is not wrapped. */
function wrapWidth(lines: RawLine[]): number | null {
  const joined = lines.filter((line) => !line.blankAfter);
  if (joined.length < 4) return null;
  const lengths = joined.map((line) => line.text.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  return width >= MIN_WRAP_WIDTH && width <= 160 ? width : null;
}

function mergeLines(text: string): string[] {
  const raw = rawLines(text);
  const width = wrapWidth(raw);
  const lines: string[] = [];
  let previousRaw: RawLine | null = null;
  for (const line of raw) {
    const previous = lines.at(-1);
    const adjacent = previousRaw !== null && !line.blankBefore && !previousRaw.blankAfter;
    if (previous !== undefined && adjacent && continues(previous, line.text, previousRaw?.text ?? "", width)) {
      lines[lines.length - 1] = `${previous} ${line.text}`;
    } else {
      lines.push(line.text);
    }
    previousRaw = line;
  }
  return lines;
}

function continues(previous: string, next: string, previousPrinted: string, width: number | null): boolean {
  if (/^\d{1,2}(?:\.\d{1,2})*\.$/.test(previous)) return true;
  if (TERMINAL.test(previous) || STARTS_BLOCK.test(next) || previous.includes(" | ") || next.includes(" | ")) {
    return false;
  }
  // A list that goes on over the next line ("Present: Dr A, Mr B,") is one line, names and all.
  if (/^[a-z(]/.test(next) || /(?:,|\band)$/.test(previous)) return true;
  if (NUMBERED_HEADING.test(previous)) return false;
  if (width === null || PERSON_AND_ROLE.test(next) || NAME_AND_INITIALS.test(next)) return false;
  if (NAME_AND_INITIALS.test(previousPrinted) || ENDS_WITH_DATE.test(previous)) return false;
  return previousPrinted.length >= width * 0.75 && !isAllCaps(previousPrinted);
}

function cleanLine(line: string): string {
  const plain = line.replace(/\u00a0/g, " ");
  // A row of a table drawn in text ("| Dr A Khan | AK | Chair |"): its cells, empty ones kept in place.
  if (/^\s*\|.*\|\s*$/.test(plain) && !/^\s*\|[\s|]*\|\s*$/.test(plain)) {
    const cells = plain.trim().slice(1, -1).split("|");
    return cells.map((cell) => cell.replace(/\s+/g, " ").trim()).join(" | ");
  }
  // initials at the right margin of a sentence, in an Action column ("...the report.      LP")
  const owned = plain.replace(RIGHT_MARGIN_OWNER, "$1 ACTION: $2");
  // a paragraph number or bullet with a hanging indent ("1.1   The Chair welcomed") is not a column,
  // unless more columns follow ("2      Circulate the plan      AK      March 2013")
  const hanging = /^(\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|\(?[a-z]\)|[-•*–▪●]))\s{2,}(?=\S)(.*)$/.exec(owned);
  const marked = hanging && !/\S {3,}\S/.test(hanging[2] ?? "") ? `${hanging[1]} ${hanging[2]}` : owned;
  const cells = marked.includes("|") ? marked : marked.replace(/(\S) {3,}(?=\S)/g, "$1 | ");
  return cells
    .replace(/\s*\t+\s*/g, " | ")
    .replace(/ {2,}/g, " ")
    .replace(/^\s*\|\s*|\s*\|\s*$/g, "")
    .trim();
}
