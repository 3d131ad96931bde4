import { Bits, Blocks, Elements, Md, Message } from "slack-block-builder";
import { escapeMrkdwn } from "../../../../slack/format";
import { ACTIONS } from "../../../../slack/ids";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import { type AuditEntry, availableActions, type ConcernRecord, type WorkflowAction } from "../../domain";
import { londonDateLabel } from "../../domain/time-labels";
import {
  actorMention,
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
  typedElement,
} from "./text";

/** Where a card is: the triage channel, or the direct messages of someone handling it once a lead recused. */
export type CardPlacement = { kind: "channel" } | { kind: "direct"; route: "leads" | "deputy" };

export interface CardContext {
  /** The latest status change or note, to say who did what last. */
  latest: AuditEntry | null;
  messageCount: number;
  placement?: CardPlacement;
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

const LATEST_WORDS: Record<Exclude<AuditEntry["action"], "purge" | "submit">, string> = {
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
  assign: "Assigned",
  recuse: "A lead recused themselves",
  deputy: "Passed to the deputy: every lead has recused",
  outcome: "Resolution recorded",
  publish: 'Published in "you said, we did"',
  report: "Reported",
};

/** Who did it and when, in mrkdwn; the note (the lead's own words) follows as plain text. */
function latestElements(latest: AuditEntry | null): Array<string | ReturnType<typeof typedElement>> {
  if (!latest || latest.action === "purge" || latest.action === "submit") return [];
  const by = latest.actor.startsWith("reporter:") || latest.actor === "system" ? "" : ` by ${actorMention(latest)}`;
  const when = ` on ${londonDateLabel(latest.at)}`;
  if (latest.action === "assign") {
    const to = /^assigned to (\S+)$/.exec(latest.note ?? "")?.[1];
    return [to ? `Assigned to <@${to}>${by}${when}` : `Unassigned${when}: the lead it was assigned to recused`];
  }
  const what = `${LATEST_WORDS[latest.action]}${by}${when}`;
  const note = latest.note && latest.action !== "note" ? latest.note.trim() : "";
  return note ? [`${what}:`, typedElement(note, 300)] : [what];
}

function buttons(concern: ConcernRecord) {
  const workflow = availableActions(concern.status).map((action) => {
    const spec = BUTTONS[action];
    const button = Elements.Button({ text: spec.text, actionId: spec.actionId, value: concern.id });
    return spec.style === "primary" ? button.primary() : button;
  });
  const more = Elements.OverflowMenu({ actionId: ACTIONS.concernMore }).options(
    Bits.Option({ text: "Assign…", value: `assign:${concern.id}` }),
    Bits.Option({ text: "Recuse myself…", value: `recuse:${concern.id}` }),
  );
  if (concern.reporter.mode !== "anonymous") return [...workflow, more];
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
  return [...workflow, ...reply, block, more];
}

/**
 * The quoted message, if the card may show it: always for named concerns; for confidential and
 * anonymous ones only when the reporter chose to keep it after being told what it shows.
 */
function sourceText(concern: ConcernRecord): string | undefined {
  if (concern.quoteChoice === "replaced")
    return "_Raised from a Slack message. The reporter replaced its quote with their own summary, so nothing of the message is stored._";
  const source = concern.source;
  if (!source) return undefined;
  if (concern.reporter.mode !== "named" && concern.quoteChoice !== "kept")
    return "_Raised from a Slack message. Its quote is not shown here, as it could identify the reporter._";
  const origin = source.permalink
    ? `From ${authorText(source.author)} · <${source.permalink}|original message>`
    : "_The reporter chose not to keep the link, channel or author of the message._";
  return `${Md.bold("The message")}\n${quoted(excerpt(source.text, 1200))}\n${origin}`;
}

function footer(concern: ConcernRecord, placement: CardPlacement): string {
  const ref = reference(concern);
  if (placement.kind === "channel")
    return `Only concern leads can use these buttons. \`/concerns ${ref}\` shows the full record.`;
  const why =
    placement.route === "deputy"
      ? "Every concern lead has recused from it, so it is with you as the deputy."
      : "A concern lead has recused from it, so it is handled here in direct messages, not in the triage channel.";
  return `${why} \`/concerns ${ref}\` shows the full record.`;
}

/** The card for a concern: in the triage channel, or in a handler's direct messages. Never names a confidential reporter. */
export function triageCard(concern: ConcernRecord, context: CardContext): SlackMessage {
  const ref = reference(concern);
  const placement = context.placement ?? { kind: "channel" };
  const signposts = concern.signposts.map((kind) => SIGNPOST_NAMES[kind]).join(", ");
  const thread =
    concern.reporter.mode === "anonymous" && (context.messageCount > 0 || concern.threadBlocked)
      ? `Anonymous conversation: ${context.messageCount} message${context.messageCount === 1 ? "" : "s"}${concern.threadBlocked ? " · blocked" : ""}`
      : undefined;
  const latest = latestElements(context.latest);
  const source = sourceText(concern);
  const blocks = [
    Blocks.Section({
      text: `${Md.bold(`${ref} · ${STATUS_LABELS[concern.status]}`)}\n${escapeMrkdwn(impactAndBody(concern))}`,
    }),
    Blocks.Section().fields(
      `${Md.bold("Objective")}\n${escapeMrkdwn(objectiveText(concern))}`,
      `${Md.bold("Raised by")}\n${reporterText(concern.reporter, "staff")}`,
      `${Md.bold("Raised on")}\n${londonDateLabel(concern.createdAt)}`,
      `${Md.bold("Support")}\n${raisedByText(concern)}`,
      `${Md.bold("Assigned to")}\n${concern.assigneeId ? `<@${concern.assigneeId}>` : "Nobody yet"}`,
    ),
    Blocks.Section({ text: `${Md.bold("What happened")}\n${excerpt(concern.whatHappened, 2000)}` }),
    source ? Blocks.Section({ text: source }) : undefined,
    signposts ? Blocks.Context().elements(`The reporter was shown where else to go: ${signposts}.`) : undefined,
    latest.length > 0 || thread ? Blocks.Context().elements(...latest, ...(thread ? [thread] : [])) : undefined,
    Blocks.Actions().elements(buttons(concern)),
    Blocks.Context().elements(footer(concern, placement)),
  ];
  const text = `${ref}: ${STATUS_LABELS[concern.status].toLowerCase()} CCG autonomy concern (${classification(concern)})`;
  return toSlackMessage(Message({ text }).blocks(blocks.filter((block) => block !== undefined)));
}

/** What the triage channel keeps of a card once the concern is handled in direct messages: its reference only. */
export function cardStub(concern: Pick<ConcernRecord, "number">): SlackMessage {
  const ref = reference(concern);
  const text = `${ref}: handled in direct messages`;
  return toSlackMessage(
    Message({ text }).blocks(
      Blocks.Section({ text: `${Md.bold(ref)} is being handled in direct messages, away from this channel.` }),
    ),
  );
}
