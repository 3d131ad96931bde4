import { Bits, Blocks, Elements, Md, Message } from "slack-block-builder";
import { escapeMrkdwn } from "../../../../slack/format";
import { ACTIONS } from "../../../../slack/ids";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import { type AuditEntry, availableActions, type ConcernRecord, type WorkflowAction } from "../../domain";
import { londonDateLabel } from "../../domain/time-labels";
import {
  authorText,
  classification,
  excerpt,
  impactAndBody,
  objectiveText,
  quoted,
  raisedByText,
  reference,
  reporterText,
  STATUS_LABELS,
} from "./text";

export interface CardContext {
  /** The latest status change or note, to say who did what last. */
  latest: AuditEntry | null;
  messageCount: number;
}

const SIGNPOST_NAMES = {
  patient_safety: "patient safety",
  protected_disclosure: "speaking up (Freedom to Speak Up)",
  personal_grievance: "HR / grievance",
} as const;

const BUTTONS: Record<WorkflowAction, { text: string; actionId: string; style?: "primary" | "danger" }> = {
  acknowledge: { text: "Acknowledge", actionId: ACTIONS.concernAcknowledge, style: "primary" },
  note: { text: "Add note", actionId: ACTIONS.concernNote },
  resolve: { text: "Resolve", actionId: ACTIONS.concernResolve },
  reopen: { text: "Reopen", actionId: ACTIONS.concernReopen },
};

function latestText(latest: AuditEntry | null): string | undefined {
  if (!latest || latest.action === "purge" || latest.action === "submit") return undefined;
  const who = latest.actor.startsWith("lead:") ? `<@${latest.actor.slice(5)}>` : "the reporter";
  const what = {
    acknowledge: "Acknowledged",
    resolve: "Resolved",
    reopen: "Reopened",
    note: "Note added",
    reply: "Replied to the reporter",
    reporter_reply: "The reporter replied",
    block: "Thread blocked",
    unblock: "Thread unblocked",
    support: "Someone else raised it too",
    export: "Exported",
  }[latest.action];
  const note = latest.note && latest.action !== "note" ? `: ${excerpt(latest.note, 300)}` : "";
  return `${what}${latest.action === "reporter_reply" || latest.action === "support" ? "" : ` by ${who}`} on ${londonDateLabel(latest.at)}${note}`;
}

function buttons(concern: ConcernRecord) {
  const workflow = availableActions(concern.status).map((action) => {
    const spec = BUTTONS[action];
    const button = Elements.Button({ text: spec.text, actionId: spec.actionId, value: concern.id });
    return spec.style === "primary" ? button.primary() : button;
  });
  if (concern.reporter.mode !== "anonymous") return workflow;
  const reply = concern.threadBlocked
    ? []
    : [Elements.Button({ text: "Reply (anonymous)", actionId: ACTIONS.concernReply, value: concern.id })];
  const block = concern.threadBlocked
    ? Elements.Button({ text: "Unblock thread", actionId: ACTIONS.concernUnblockThread, value: concern.id })
    : Elements.Button({ text: "Block thread", actionId: ACTIONS.concernBlockThread, value: concern.id })
        .danger()
        .confirm(
          Bits.ConfirmationDialog({
            title: "Block this thread?",
            text: "The reporter will no longer be able to reply. You will still not know who they are.",
            confirm: "Block",
            deny: "Cancel",
          }),
        );
  return [...workflow, ...reply, block];
}

function sourceText(concern: ConcernRecord): string | undefined {
  const source = concern.source;
  if (!source) return undefined;
  const origin = source.permalink
    ? `From ${authorText(source.author)} · <${source.permalink}|original message>`
    : "_The reporter chose not to keep the link, channel or author of the message._";
  return `${Md.bold("The message")}\n${quoted(excerpt(source.text, 1200))}\n${origin}`;
}

/** The triage card in the concern leads' channel; updated in place on every change. Never names a confidential reporter. */
export function triageCard(concern: ConcernRecord, context: CardContext): SlackMessage {
  const ref = reference(concern);
  const signposts = concern.signposts.map((kind) => SIGNPOST_NAMES[kind]).join(", ");
  const thread =
    concern.reporter.mode === "anonymous" && (context.messageCount > 0 || concern.threadBlocked)
      ? `Anonymous conversation: ${context.messageCount} message${context.messageCount === 1 ? "" : "s"}${concern.threadBlocked ? " · blocked" : ""}`
      : undefined;
  const blocks = [
    Blocks.Section({
      text: `${Md.bold(`${ref} · ${STATUS_LABELS[concern.status]}`)}\n${escapeMrkdwn(impactAndBody(concern))}`,
    }),
    Blocks.Section().fields(
      `${Md.bold("Objective")}\n${escapeMrkdwn(objectiveText(concern))}`,
      `${Md.bold("Raised by")}\n${reporterText(concern.reporter, "staff")}`,
      `${Md.bold("Raised on")}\n${londonDateLabel(concern.createdAt)}`,
      `${Md.bold("Support")}\n${raisedByText(concern)}`,
    ),
    Blocks.Section({ text: `${Md.bold("What happened")}\n${excerpt(concern.whatHappened, 2000)}` }),
    sourceText(concern) ? Blocks.Section({ text: sourceText(concern) }) : undefined,
    signposts ? Blocks.Context().elements(`The reporter was shown where else to go: ${signposts}.`) : undefined,
    latestText(context.latest) || thread
      ? Blocks.Context().elements(...[latestText(context.latest), thread].filter((t): t is string => Boolean(t)))
      : undefined,
    Blocks.Actions().elements(buttons(concern)),
    Blocks.Context().elements(`Only concern leads can use these buttons. \`/concerns ${ref}\` shows the full record.`),
  ];
  const text = `${ref}: ${STATUS_LABELS[concern.status].toLowerCase()} CCG autonomy concern (${classification(concern)})`;
  return toSlackMessage(Message({ text }).blocks(blocks.filter((block) => block !== undefined)));
}
