import type { KnownBlock } from "@slack/types";
import { type ImageBuilder, Message } from "slack-block-builder";
import { asTyped, escapeMrkdwn } from "../../../../slack/format";
import { toSlackMessage } from "../../../../slack/message";
import {
  type AuditEntry,
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

/** Who an audit entry names: a lead or the deputy as a mention, else the system or the reporter. */
export function actorMention(entry: Pick<AuditEntry, "actor">): string {
  const [kind, id] = entry.actor.split(":");
  if ((kind === "lead" || kind === "deputy") && id) return `<@${id}>`;
  if (kind === "system") return "the system";
  return id === "anonymous" || id === "confidential" ? `the ${id} reporter` : id ? `<@${id}>` : "someone";
}

/** Someone's own words as a section, shown exactly as typed (never read as formatting). */
export function typedSection(text: string, max = 2900): KnownBlock {
  const trimmed = text.trim();
  return { type: "section", text: asTyped(trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed) };
}

/**
 * The same words inside a context block. slack-block-builder takes strings (as mrkdwn) or builders
 * there, so this is a builder that builds a plain_text object.
 */
export function typedElement(text: string, max = 2000): ImageBuilder {
  const trimmed = text.trim();
  const typed = asTyped(trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed);
  return { build: () => typed } as unknown as ImageBuilder;
}

/** Block Kit blocks from slack-block-builder builders, to mix with blocks built by hand. */
export function blocksOf(...builders: Parameters<ReturnType<typeof Message>["blocks"]>): KnownBlock[] {
  return toSlackMessage(Message({ text: " " }).blocks(...builders)).blocks;
}
