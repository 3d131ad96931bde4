import { AGAIN_ANSWERS, type CheckinAnswer, CLEAR_ANSWERS } from "../checkin";
import type { ConcernStatus, ObjectiveChoice } from "../concern";
import { OBJECTIVE_LABELS } from "../labels";
import type { Quarter } from "../quarters";
import { workingDaysBetween } from "../working-days";
import { type ShownCount, SMALL_NUMBER, shown, suppressTable, suppressWithTotal } from "./suppression";
import { type Theme, themesOf } from "./themes";

/** What the report needs of one concern raised in the quarter. */
export interface ReportConcern {
  objective: ObjectiveChoice;
  status: ConcernStatus;
  createdAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  /** What the lead wrote to the reporter at the latest resolution. */
  resolutionNote: string | null;
  /** What changed as a result, as the lead wrote it for the report. */
  outcome: string | null;
}

export interface ReportInput {
  quarter: Quarter;
  generatedAt: Date;
  concerns: readonly ReportConcern[];
  checkins: readonly CheckinAnswer[];
  holidays: ReadonlySet<string>;
  /** CONCERN_ACK_WORKING_DAYS */
  acknowledgeTarget: number;
  /** True when concerns the reader recused from were left out. */
  leftOut: boolean;
}

export const REPORT_OBJECTIVES: readonly ObjectiveChoice[] = [1, 2, 3, 4, "not_sure"];
export const REPORT_STATUSES: readonly ConcernStatus[] = ["new", "acknowledged", "resolved"];

export interface TimeMeasure {
  /** Median working days; null when fewer than 5 concerns would give it. */
  median: number | null;
  /** How many concerns it is worked out from (shown only with the median). */
  basedOn: number;
}

export interface ConcernReport {
  quarter: Quarter;
  generatedAt: Date;
  /** Rows: the objectives then "All"; columns: the statuses then "Total". */
  table: { rows: Array<{ objective: ObjectiveChoice | "all"; cells: ShownCount[] }> };
  raised: ShownCount;
  acknowledge: TimeMeasure & { target: number; within: ShownCount; later: ShownCount; acknowledged: ShownCount };
  resolve: TimeMeasure;
  /** Resolution notes the themes come from (as a count that may be "fewer than 5"). */
  notes: ShownCount;
  themes: Theme[];
  /** "What changed as a result", each as the lead wrote it, in alphabetical order (no dates, no references). */
  changes: string[];
  /** Answers [yes, partly, no, total] and [yes, not sure, no, total]. */
  checkins: { clear: ShownCount[]; again: ShownCount[] };
  leftOut: boolean;
}

export function buildConcernReport(input: ReportInput): ConcernReport {
  const { concerns, holidays } = input;
  const values = REPORT_OBJECTIVES.map((objective) => {
    const mine = concerns.filter((concern) => concern.objective === objective);
    const byStatus = REPORT_STATUSES.map((status) => mine.filter((concern) => concern.status === status).length);
    return [...byStatus, mine.length];
  });
  const totals = REPORT_STATUSES.map((_, i) => values.reduce((sum, row) => sum + (row[i] ?? 0), 0));
  const table = suppressTable([...values, [...totals, concerns.length]]);
  const rows = [...REPORT_OBJECTIVES, "all" as const].map((objective, i) => ({ objective, cells: table[i] ?? [] }));

  const acknowledgeDays = concerns.flatMap((concern) =>
    concern.acknowledgedAt ? [workingDaysBetween(concern.createdAt, concern.acknowledgedAt, holidays)] : [],
  );
  const resolveDays = concerns.flatMap((concern) =>
    concern.resolvedAt && concern.status === "resolved"
      ? [workingDaysBetween(concern.createdAt, concern.resolvedAt, holidays)]
      : [],
  );
  const within = acknowledgeDays.filter((days) => days <= input.acknowledgeTarget).length;
  const [withinShown, laterShown, acknowledgedShown] = suppressWithTotal([
    within,
    acknowledgeDays.length - within,
    acknowledgeDays.length,
  ]);
  const resolved = concerns.filter((concern) => concern.status === "resolved");
  const notes = resolved.flatMap((concern) => (concern.resolutionNote?.trim() ? [concern.resolutionNote] : []));
  const changes = resolved
    .flatMap((concern) => (concern.outcome?.trim() ? [concern.outcome.trim()] : []))
    .sort((a, b) => a.localeCompare(b, "en-GB"));
  const count = <T>(answers: readonly T[], pick: (answer: CheckinAnswer) => T) => [
    ...answers.map((answer) => input.checkins.filter((checkin) => pick(checkin) === answer).length),
    input.checkins.length,
  ];

  return {
    quarter: input.quarter,
    generatedAt: input.generatedAt,
    table: { rows },
    raised: rows.at(-1)?.cells.at(-1) ?? shown(concerns.length),
    acknowledge: {
      ...timeMeasure(acknowledgeDays),
      target: input.acknowledgeTarget,
      within: withinShown ?? shown(within),
      later: laterShown ?? shown(acknowledgeDays.length - within),
      acknowledged: acknowledgedShown ?? shown(acknowledgeDays.length),
    },
    resolve: timeMeasure(resolveDays),
    notes: shown(notes.length),
    themes: themesOf(notes),
    changes,
    checkins: {
      clear: suppressWithTotal(count(CLEAR_ANSWERS, (answer) => answer.clear)),
      again: suppressWithTotal(count(AGAIN_ANSWERS, (answer) => answer.again)),
    },
    leftOut: input.leftOut,
  };
}

function timeMeasure(days: readonly number[]): TimeMeasure {
  return { median: days.length >= SMALL_NUMBER ? median(days) : null, basedOn: days.length };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function objectiveRowLabel(objective: ObjectiveChoice | "all"): string {
  return objective === "all" ? "All objectives" : OBJECTIVE_LABELS[objective];
}
