import { stringify } from "csv-stringify/sync";
import { type BodyInvolved, type ConcernStatus, formatReference, type Impact, type ObjectiveChoice } from "./concern";
import { type ReporterIdentity, reporterLabel, type Viewer } from "./identity";
import { BODY_LABELS, IMPACT_LABELS, OBJECTIVE_LABELS } from "./labels";

export interface ConcernExportRow {
  reference: number;
  createdAt: Date;
  status: ConcernStatus;
  objective: ObjectiveChoice;
  body: BodyInvolved;
  impact: Impact;
  reporter: ReporterIdentity;
  supporterCount: number;
  summary: string;
  sourcePermalink: string | null;
}

/** Excel refuses cells longer than 32,767 characters; a quoted source message can be longer. */
const MAX_CELL_CHARS = 32_000;
const TRUNCATION_MARK = " […]";

const COLUMNS = [
  { key: "reference", header: "Reference" },
  { key: "created", header: "Created" },
  { key: "status", header: "Status" },
  { key: "objective", header: "Objective" },
  { key: "body", header: "Body" },
  { key: "impact", header: "Impact" },
  { key: "identityMode", header: "Identity mode" },
  { key: "reporter", header: "Reporter" },
  { key: "supporters", header: "Supporters" },
  { key: "summary", header: "Summary" },
  { key: "sourcePermalink", header: "Source permalink" },
];

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads names correctly, and any text
 * cell starting with = + - @ (or a tab / carriage return) prefixed with an apostrophe so it can
 * never run as a formula. Confidential reporters are named only when a lead is exporting.
 */
export function concernsToCsv(rows: readonly ConcernExportRow[], options: { viewer: Viewer }): string {
  const records = rows.map((row) => toRecord(row, options.viewer));
  return stringify(records, { header: true, columns: COLUMNS, escape_formulas: true, bom: true });
}

function toRecord(row: ConcernExportRow, viewer: Viewer): Record<string, string | number> {
  return {
    reference: formatReference(row.reference),
    created: row.createdAt.toISOString(),
    status: row.status,
    objective: OBJECTIVE_LABELS[row.objective],
    body: BODY_LABELS[row.body],
    impact: IMPACT_LABELS[row.impact],
    identityMode: row.reporter.mode,
    reporter: reporterLabel(row.reporter, viewer),
    supporters: row.supporterCount,
    summary: truncate(row.summary),
    sourcePermalink: row.sourcePermalink ?? "",
  };
}

function truncate(text: string): string {
  return text.length <= MAX_CELL_CHARS
    ? text
    : text.slice(0, MAX_CELL_CHARS - TRUNCATION_MARK.length) + TRUNCATION_MARK;
}
