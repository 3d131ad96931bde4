/** The opening lines of minutes (title, date, venue) and the document title drawn from them. */
import { actionBody } from "./actions";
import { headingOf, isNumberedHeading } from "./classify";
import { inlinePeople, nameFromLine, peopleHeading, personWithRole } from "./people";

const MAX_PREAMBLE_LINES = 8;

/** Opening lines (title, date, venue) before the attendance list, the first item or the first real paragraph. */
export function preambleLength(lines: string[]): number {
  const limit = Math.min(lines.length, MAX_PREAMBLE_LINES);
  for (let index = 0; index < limit; index++) {
    const line = lines[index] ?? "";
    const structural =
      peopleHeading(line) || inlinePeople(line) || isNumberedHeading(line) || actionBody(line) !== null;
    if (structural || (index > 0 && isSentenceParagraph(line))) return index;
    if (index > 0 && headingOf(line) && isSentenceParagraph(lines[index + 1] ?? "") && !/\d{4}/.test(line)) {
      return index;
    }
  }
  return Math.min(1, lines.length);
}

function isSentenceParagraph(line: string): boolean {
  if (/^(?:minutes|notes|record|summary) of\b/i.test(line) || /\bheld (?:on|at)\b/i.test(line)) return false;
  return /[.!?]["'”’)]*$/.test(line) && line.split(/\s+/).length >= 6;
}

/** "NHS COMMISSIONING BOARD AUTHORITY" over "Minutes of...": a name, not a list entry or an attendance line. */
function isOrganisationLine(line: string): boolean {
  return (
    line.length <= 100 &&
    !/^[-•*–▪●]\s/.test(line) &&
    !/[.:;,]$/.test(line) &&
    peopleHeading(line) === null &&
    nameFromLine(line) === null &&
    personWithRole(line) === null
  );
}

/** Opening lines that are not the document's own: notes from whoever republished it, email headers, page chrome. */
const NOT_A_TITLE =
  /^(?:\[.*\]|this is an? (?:html|text) version\b|(?:from|to|sent|date|subject|cc):|\d+\s*min(?:ute)?s?\s+read$|we use cookies|this (?:site|website) uses cookies|colleagues,?$|dear\b)/i;
const MINUTES_TITLE =
  /\b(?:minutes|notes|record) of (?:the|a|an)\b|^(?:approved |draft |confirmed )?(?:minutes|notes)\b|\bminutes\b[^()]*$/i;

/**
 * The title given by the feed or page, else the opening line that names the minutes, after the
 * organisation's name when it stands on the line before ("TRANSPARENCY BOARD: Minutes of the meeting...").
 */
export function documentTitle(hinted: string | undefined, preamble: string[]): string {
  if (hinted?.trim() && !NOT_A_TITLE.test(hinted.trim())) return hinted.trim();
  const lines = preamble.filter(
    (line) =>
      !NOT_A_TITLE.test(line) &&
      peopleHeading(line) === null &&
      inlinePeople(line) === null &&
      !/^[-•*–▪●]\s/.test(line) &&
      !line.includes(" | ") &&
      !(/:$/.test(line) && line.split(/\s+/).length <= 5),
  );
  const named = lines.findIndex((line) => MINUTES_TITLE.test(line) && line.length <= 200 && !/^[-•*–▪●]\s/.test(line));
  if (named > 0) {
    const before = lines[named - 1] ?? "";
    const line = (lines[named] ?? "").replace(/[:.]$/, "");
    return /^(?:minutes|notes|record) of\b/i.test(line) && isOrganisationLine(before) ? `${before}: ${line}` : line;
  }
  const [first, second] = lines;
  if (!first) return "Untitled minutes";
  if (second && /^(?:minutes|notes|record) of\b/i.test(second)) return `${first}: ${second.replace(/[:.]$/, "")}`;
  return first;
}
