import { escapeMrkdwn } from "../../../../slack/format";
import {
  BODY_LABELS,
  type ConcernRecord,
  type ConcernStatus,
  formatReference,
  IMPACT_LABELS,
  OBJECTIVE_LABELS,
  type ReporterIdentity,
  raisedByCount,
  reporterLabel,
  type Viewer,
} from "../../domain";

/** Small pieces of wording shared by the concern views. */

export const STATUS_LABELS: Record<ConcernStatus, string> = {
  new: "New",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
};

export function reference(concern: Pick<ConcernRecord, "number">): string {
  return formatReference(concern.number);
}

/** "1 person raised this" / "3 people raised this". */
export function raisedByText(concern: Pick<ConcernRecord, "supporterCount">): string {
  const count = raisedByCount(concern);
  return count === 1 ? "1 person raised this" : `${count} people raised this`;
}

export function objectiveText(concern: Pick<ConcernRecord, "objective">): string {
  return concern.objective === "not_sure"
    ? "Not sure which objective"
    : `Objective ${OBJECTIVE_LABELS[concern.objective]}`;
}

/** "High impact · Regional team" */
export function impactAndBody(concern: ConcernRecord): string {
  return `${IMPACT_LABELS[concern.impact]} impact · ${BODY_LABELS[concern.body]}`;
}

/** "New · High impact · Regional team" */
export function classification(concern: ConcernRecord): string {
  return `${STATUS_LABELS[concern.status]} · ${impactAndBody(concern)}`;
}

/** A Slack user id renders as a mention; a bot's name as plain text. */
export function authorText(author: string | null): string {
  if (!author) return "someone";
  return /^[UW][A-Z0-9]{2,}$/.test(author) ? `<@${author}>` : escapeMrkdwn(author);
}

/** Who raised it, for a viewer: named reporters by mention, confidential ones only to leads. */
export function reporterText(identity: ReporterIdentity, viewer: Viewer): string {
  if (identity.mode === "named") return `<@${identity.userId}>`;
  if (identity.mode === "confidential" && viewer === "lead") return `Confidential: <@${identity.userId}>`;
  return escapeMrkdwn(reporterLabel(identity, viewer).replace(/^./, (first) => first.toUpperCase()));
}

/** Text that may be long, cut for a block and said to be cut. */
export function excerpt(text: string, max: number): string {
  const clean = escapeMrkdwn(text.trim());
  if (clean.length <= max) return clean;
  const note = `… _(${text.length.toLocaleString("en-GB")} characters; the whole text is kept)_`;
  return `${clean.slice(0, max - note.length)}${note}`;
}

/** Quotes every line, for mrkdwn. */
export function quoted(text: string): string {
  return text
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
}
