/**
 * Telling minutes from the other documents published beside them: press releases, news stories,
 * agendas, board papers and pages announcing meeting dates. A document is taken as minutes unless
 * it carries the marks of one of those and little of the record of a meeting (an attendance list,
 * minuted decisions, a "Minutes of..." title).
 */
import { isDecisionSentence } from "./classify";
import { findFullDates } from "./dates";
import type { MinutesDocument } from "./parse";
import { splitSentences } from "./text";

const PRESS_RELEASE = [
  /^(?:news|press|media) release\b/im,
  /\bfor immediate release\b/i,
  /^ends\.?$/im,
  /\bnotes? to editors\b/i,
  /\b(?:media|press) (?:enquiries|contact|office)\b/i,
  /^embargoed\b/im,
];
const BOARD_PAPER = [
  /\breport to (?:the )?(?:governing body|board|committee|council)\b/i,
  /\bpurpose of (?:the|this) (?:report|paper)\b/i,
  /\b(?:governing body|board|committee|members) (?:is|are) asked to\b/i,
  /^(?:paper|enclosure|report) (?:number|no\.?|ref(?:erence)?)\b/im,
  /^recommendations?:?$/im,
  /^(?:executive summary|background)$/im,
];
const AGENDA_TITLE = /^(?:(?:draft )?agenda\b(?!\s+item)|.{0,80}\bagenda$)/im;
const AGENDA_COLUMNS =
  /\b(?:purpose|paper|papers|presenter|presented by|lead|enclosure|time|for (?:decision|approval|information|noting|discussion))\b/gi;
const MINUTES_TITLE =
  /\b(?:minutes|notes|record) of (?:the|a|an)\b[^\n]{0,120}\b(?:meeting|board|committee|group|body|forum|session)\b|^(?:approved |draft |confirmed )?minutes\b/im;
const REPORTED_SPEECH = /\b(?:said|says|told|added|according to)\b/gi;
const QUOTATION = /[“"][^”"]{15,}[”"]/g;
/** Past-tense reporting that minutes are written in ("The Board noted", "SJ reported that"). */
const MINUTED = /\b(?:noted|reported|presented|welcomed|discussed|agreed|approved|resolved|confirmed|declared)\b/i;

/** Why a document is not minutes ("a press release"), or null when it reads as minutes. */
export function notMinutesReason(
  text: string,
  parsed: Pick<MinutesDocument, "attendees" | "apologies" | "items">,
): string | null {
  const record = recordEvidence(text, parsed);
  if (record.strong) return null;
  if (PRESS_RELEASE.filter((pattern) => pattern.test(text)).length >= 2) {
    return "a press release: it reports on the organisation, it does not minute a meeting";
  }
  if (BOARD_PAPER.filter((pattern) => pattern.test(text)).length >= 2) {
    return "a board paper: a report to a meeting with recommendations, not the minutes of one";
  }
  if (isAgenda(text, record.minuted)) return "an agenda: items listed without minutes";
  if (isDateList(text) && record.minuted <= 2) return "an announcement of meeting dates, not minutes";
  if (isNewsStory(text, parsed, record.minuted)) return "a news story about a meeting, not its minutes";
  return null;
}

function recordEvidence(
  text: string,
  parsed: Pick<MinutesDocument, "attendees" | "apologies" | "items">,
): { strong: boolean; minuted: number } {
  const people = parsed.attendees.length + parsed.apologies.length;
  const sentences = parsed.items.filter((item) => item.kind !== "action").flatMap((item) => splitSentences(item.text));
  const decisions = sentences.filter(isDecisionSentence).length;
  const minuted = sentences.filter((sentence) => MINUTED.test(sentence)).length;
  const titled = MINUTES_TITLE.test(text.slice(0, 2000));
  const strong = (people >= 3 && (minuted >= 2 || titled)) || (titled && decisions >= 2) || decisions >= 4;
  return { strong, minuted };
}

function isAgenda(text: string, minuted: number): boolean {
  const opening = text.split("\n").slice(0, 15).join("\n");
  const titled = AGENDA_TITLE.test(opening) && !MINUTES_TITLE.test(opening);
  const columns = text
    .split("\n")
    .some((line) => new Set((line.match(AGENDA_COLUMNS) ?? []).map((word) => word.toLowerCase())).size >= 3);
  return (titled || columns) && minuted <= 2;
}

/** Most lines give a date and little else: "Thursday 24 January 2013, 1.30pm, Civic Centre". */
function isDateList(text: string): boolean {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const dated = lines.filter(
    (line) => findFullDates(line).length > 0 && line.split(/\s+/).filter((word) => word !== "|").length <= 16,
  ).length;
  const dateTable = lines.some((line) => /^date \| (?:day \| )?time\b/i.test(line));
  return dated >= 4 && (dated >= lines.length * 0.3 || dateTable);
}

/** Reported speech and quotations with no agenda items: a story about a meeting. */
function isNewsStory(text: string, parsed: Pick<MinutesDocument, "items">, minuted: number): boolean {
  const speech = (text.match(REPORTED_SPEECH) ?? []).length;
  const quotes = (text.match(QUOTATION) ?? []).length;
  const headed = new Set(parsed.items.map((item) => item.heading).filter(Boolean)).size;
  return speech >= 2 && quotes >= 1 && headed <= 1 && minuted <= 2;
}
