import { Blocks, Md, Message } from "slack-block-builder";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import type { AuditEntry, ConcernDetail, ConcernMessageRecord } from "../../domain";
import { londonDateTimeLabel } from "../../domain/time-labels";
import {
  actorMention,
  authorText,
  classification,
  excerpt,
  objectiveText,
  quoted,
  raisedByText,
  reference,
  reporterText,
} from "./text";

const AUDIT_LINES = 20;

function auditLine(entry: AuditEntry): string {
  if (entry.action === "purge") return `${londonDateTimeLabel(entry.at)} · purge`;
  const change = entry.from && entry.to && entry.from !== entry.to ? ` (${entry.from} → ${entry.to})` : "";
  const note = entry.note && entry.action !== "submit" ? `: ${excerpt(entry.note, 200)}` : "";
  return `${londonDateTimeLabel(entry.at)} · ${entry.action.replace("_", " ")}${change} by ${actorMention(entry)}${note}`;
}

export function conversationLines(messages: ConcernMessageRecord[], reporterName: string): string[] {
  return messages.map((message) => {
    const who = message.author === "lead" ? "Concern leads" : reporterName;
    return `${Md.bold(who)} · ${londonDateTimeLabel(message.createdAt)}\n${excerpt(message.text, 600)}`;
  });
}

/** Who has it: the assignment, and any lead who recused (the deputy has it when every lead did). */
function handlingText(concern: ConcernDetail["concern"]): string {
  const assigned = `${Md.bold("Assigned to")} ${concern.assigneeId ? `<@${concern.assigneeId}>` : "nobody yet"}`;
  const recused = concern.recused.length
    ? ` · ${Md.bold("Recused")} ${concern.recused.map((lead) => `<@${lead}>`).join(", ")} (they do not see it)`
    : "";
  return `${assigned}${recused}`;
}

/** `/concerns CON-0042` for a lead: the whole record, who raised it (confidential included), and its audit trail. */
export function concernDetailMessage(detail: ConcernDetail): SlackMessage {
  const { concern } = detail;
  const ref = reference(concern);
  const supporters = detail.supporters.map((supporter) => reporterText(supporter.identity, "lead"));
  const audit = detail.audit.slice(-AUDIT_LINES).map(auditLine);
  const source = concern.source;
  const blocks = [
    Blocks.Section({ text: `${Md.bold(ref)} · ${classification(concern)}\n${objectiveText(concern)}` }),
    Blocks.Section({
      text: `${Md.bold("Raised by")} ${reporterText(concern.reporter, "lead")} · ${raisedByText(concern)}${supporters.length ? `\nAlso raised by: ${supporters.join(", ")}` : ""}`,
    }),
    Blocks.Section({ text: handlingText(concern) }),
    Blocks.Section({ text: `${Md.bold("What happened")}\n${excerpt(concern.whatHappened, 2500)}` }),
    concern.quoteChoice === "replaced"
      ? Blocks.Context().elements(
          "Raised from a Slack message: the reporter replaced its quote with their own summary, so nothing of the message is stored.",
        )
      : undefined,
    source
      ? Blocks.Section({
          text: `${Md.bold("The message")}${source.permalink ? ` from ${authorText(source.author)} · <${source.permalink}|original>` : " (link not kept)"}\n${quoted(excerpt(source.text, 2500))}`,
        })
      : undefined,
    detail.messages.length
      ? Blocks.Section({ text: excerpt(conversationLines(detail.messages, "Reporter").join("\n\n"), 2900) })
      : undefined,
    Blocks.Section({
      text: `${Md.bold("Audit trail")}${detail.audit.length > AUDIT_LINES ? ` (latest ${AUDIT_LINES} of ${detail.audit.length})` : ""}\n${audit.join("\n")}`.slice(
        0,
        2990,
      ),
    }),
    Blocks.Context().elements(
      "Only concern leads see this. The audit trail cannot be edited: `npx localism audit verify` checks it.",
    ),
  ];
  return toSlackMessage(
    Message({ text: `${ref}: ${classification(concern)}` }).blocks(blocks.filter((block) => block !== undefined)),
  );
}
