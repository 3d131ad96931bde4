import { stringify } from "csv-stringify/sync";
import { AGAIN_LABELS, AGAIN_QUESTION, CLEAR_LABELS, CLEAR_QUESTION } from "../checkin";
import { financialYearOf, quarterMonths } from "../quarters";
import { londonDateLabel } from "../time-labels";
import { type ConcernReport, objectiveRowLabel, type TimeMeasure } from "./report";
import { countText, FEWER_THAN_5, type ShownCount, SMALL_NUMBER } from "./suppression";

const STATUS_COLUMNS = ["New", "Acknowledged", "Resolved", "Total"];
const CLEAR_COLUMNS = [CLEAR_LABELS.yes, CLEAR_LABELS.partly, CLEAR_LABELS.no, "Answers"];
const AGAIN_COLUMNS = [AGAIN_LABELS.yes, AGAIN_LABELS.unsure, AGAIN_LABELS.no, "Answers"];

/** The report's title: "CCG autonomy concerns: 2013 Q1 (January to March 2013)". */
export function reportTitle(report: ConcernReport): string {
  return `CCG autonomy concerns: ${report.quarter.year} Q${report.quarter.q} (${quarterMonths(report.quarter)})`;
}

/** Which quarters these are, said plainly (calendar quarters, not the NHS financial year's). */
export function periodSentence(report: ConcernReport): string {
  const { quarter } = report;
  const fyQuarter = quarter.q === 1 ? 4 : quarter.q - 1;
  return (
    `Concerns raised from ${londonDateLabel(quarter.start)} to ${londonDateLabel(new Date(quarter.end.getTime() - 1))} ` +
    `(London time), with their status on ${londonDateLabel(report.generatedAt)}. ${quarter.key} is a calendar quarter; ` +
    `in NHS financial-year terms it is quarter ${fyQuarter} of ${financialYearOf(quarter)}.`
  );
}

export const SUPPRESSION_SENTENCE =
  `Counts from 1 to ${SMALL_NUMBER - 1} are shown as "${FEWER_THAN_5}", and where one of them could be worked out ` +
  "from the totals another count is not shown either, so that nobody can be identified.";

export function timeSentence(what: string, measure: TimeMeasure, target?: number): string {
  const against = target === undefined ? "" : `, against a target of ${plural(target, "working day")}`;
  if (measure.median === null)
    return `${what}: the median is not shown, as ${FEWER_THAN_5} concerns give it${against}.`;
  return `${what}: median ${formatDays(measure.median)}${against} (from ${measure.basedOn} concerns).`;
}

function formatDays(days: number): string {
  return days === 1 ? "1 working day" : `${Number.isInteger(days) ? days : days.toFixed(1)} working days`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function row(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, "\\|").replace(/\n+/g, " ")).join(" | ")} |`;
}

function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => "---")), ...rows.map(row)];
}

const texts = (counts: ShownCount[]) => counts.map(countText);

/** "Yes: 7; Partly: fewer than 5; No: not shown; Answers: 12" */
function answers(columns: readonly string[], counts: ShownCount[]): string {
  return counts.map((count, i) => `${columns[i] ?? ""}: ${countText(count)}`).join("; ");
}

export const THEMES_METHOD =
  "Themes are the words and pairs of words the leads used most in their resolution notes, each concern counted " +
  `once, after leaving out common words; a theme is listed only when at least ${SMALL_NUMBER} concerns' notes use it.`;

/** The report as Markdown, ready to paste into a governing body paper. */
export function reportMarkdown(report: ConcernReport): string {
  const { acknowledge } = report;
  const lines = [
    `# ${reportTitle(report)}`,
    "",
    periodSentence(report),
    SUPPRESSION_SENTENCE,
    ...(report.leftOut ? ["Concerns you have recused yourself from are not included."] : []),
    "",
    `**Concerns raised:** ${countText(report.raised)}`,
    "",
    "## By objective and status",
    "",
    ...table(
      ["Objective", ...STATUS_COLUMNS],
      report.table.rows.map((r) => [objectiveRowLabel(r.objective), ...texts(r.cells)]),
    ),
    "",
    "## Time to respond",
    "",
    `In working days (weekends and England and Wales bank holidays left out), from the day a concern was raised.`,
    "",
    `- ${timeSentence("Acknowledged", acknowledge, acknowledge.target)} Within the target: ${countText(acknowledge.within)}; later: ${countText(acknowledge.later)}; acknowledged in all: ${countText(acknowledge.acknowledged)}.`,
    `- ${timeSentence("Resolved", report.resolve)}`,
    "",
    "## Themes in the leads' resolution notes",
    "",
    ...(report.themes.length > 0
      ? report.themes.map((theme) => `- ${theme.theme} (${theme.count} concerns)`)
      : [`No theme is used in ${SMALL_NUMBER} or more concerns' resolution notes.`]),
    "",
    THEMES_METHOD,
    "",
    "## What changed as a result",
    "",
    ...(report.changes.length > 0
      ? report.changes.map((change) => `- ${change.replace(/\s*\n\s*/g, " ")}`)
      : ["Nothing was recorded for this quarter."]),
    "",
    "## Staff check-ins after resolution",
    "",
    "Asked once of each person who raised a resolved concern; answers are not linked to anyone or to any concern.",
    "",
    `- ${CLEAR_QUESTION} ${answers(CLEAR_COLUMNS, report.checkins.clear)}`,
    `- ${AGAIN_QUESTION} ${answers(AGAIN_COLUMNS, report.checkins.again)}`,
    "",
    `_Generated by localism-bot on ${londonDateLabel(report.generatedAt)}._`,
    "",
  ];
  return lines.join("\n");
}

/** The same figures as CSV (section, item, group, value), for a spreadsheet. */
export function reportCsv(report: ConcernReport): string {
  const records: string[][] = [
    ["Period", report.quarter.key, "", periodSentence(report)],
    ["Concerns raised", "All", "", countText(report.raised)],
  ];
  for (const r of report.table.rows)
    for (const [i, cell] of r.cells.entries())
      records.push([
        "By objective and status",
        objectiveRowLabel(r.objective),
        STATUS_COLUMNS[i] ?? "",
        countText(cell),
      ]);
  const { acknowledge } = report;
  records.push(
    ["Time to respond", "Median working days to acknowledge", "", median(acknowledge)],
    ["Time to respond", "Acknowledgement target (working days)", "", String(acknowledge.target)],
    ["Time to respond", "Acknowledged within the target", "", countText(acknowledge.within)],
    ["Time to respond", "Acknowledged later", "", countText(acknowledge.later)],
    ["Time to respond", "Median working days to resolve", "", median(report.resolve)],
  );
  for (const theme of report.themes) records.push(["Themes", theme.theme, "concerns", String(theme.count)]);
  for (const change of report.changes) records.push(["What changed", "", "", change]);
  for (const [i, cell] of report.checkins.clear.entries())
    records.push(["Check-ins", CLEAR_QUESTION, CLEAR_COLUMNS[i] ?? "", countText(cell)]);
  for (const [i, cell] of report.checkins.again.entries())
    records.push(["Check-ins", AGAIN_QUESTION, AGAIN_COLUMNS[i] ?? "", countText(cell)]);
  records.push(["Notes", "Small numbers", "", SUPPRESSION_SENTENCE], ["Notes", "Themes", "", THEMES_METHOD]);
  return stringify(records, {
    header: true,
    columns: ["Section", "Item", "Group", "Value"],
    escape_formulas: true,
    bom: true,
  });
}

function median(measure: TimeMeasure): string {
  return measure.median === null ? `not shown (${FEWER_THAN_5} concerns)` : String(measure.median);
}
