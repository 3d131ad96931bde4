import type { KnownBlock } from "@slack/types";
import { Blocks, Elements, Md, Message } from "slack-block-builder";
import { escapeMrkdwn } from "../../../../slack/format";
import { ACTIONS } from "../../../../slack/ids";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import {
  type ConcernRecord,
  type ConcernStatus,
  type DueReminder,
  type MinutesNote,
  RECUSAL_REASON_LABELS,
  type RecusalReason,
} from "../../domain";
import { londonDateLabel } from "../../domain/time-labels";
import { blocksOf, excerpt, quoted, reference, typedSection } from "./text";

function section(text: string): SlackMessage {
  return toSlackMessage(Message({ text }).blocks(Blocks.Section({ text })));
}

/**
 * A message whose second part is someone's own words, shown exactly as typed in its blocks (the
 * notification text, which Slack shows unformatted, carries them too).
 */
function withTyped(text: string, typed: string | null, after: KnownBlock[] = []): SlackMessage {
  return {
    text: typed?.trim() ? `${text} ${excerpt(typed, 1500)}` : text,
    blocks: [...blocksOf(Blocks.Section({ text })), ...(typed?.trim() ? [typedSection(typed, 1500)] : []), ...after],
  };
}

const CHANGE_WORDS: Record<ConcernStatus, string> = {
  new: "is new",
  acknowledged: "has been acknowledged by the concern leads",
  resolved: "has been resolved by the concern leads",
};

/**
 * The DM a named or confidential reporter (or supporter) gets when their concern's status changes.
 * What the lead wrote is shown exactly as typed. After the first resolution it carries the
 * check-in button (its value: the check-in ticket).
 */
export function statusChangeMessage(
  concern: ConcernRecord,
  change: { from: ConcernStatus; to: ConcernStatus },
  note: string | null,
  checkin: string | null = null,
): SlackMessage {
  const ref = reference(concern);
  const what = change.from === "resolved" ? "has been reopened by the concern leads" : CHANGE_WORDS[change.to];
  const head = `Your concern ${Md.bold(ref)} ${what}.`;
  const after = blocksOf(
    Blocks.Context().elements(`\`/concerns status ${ref}\` shows where it is.`),
    ...(checkin ? checkinBlocks(checkin) : []),
  );
  return withTyped(note?.trim() ? `${head} They wrote:` : head, note, after);
}

/** "Two quick questions": the check-in offered once a concern is resolved. */
export function checkinBlocks(ticket: string) {
  return [
    Blocks.Section({
      text: "Two quick questions: was the response clear, and would you raise a concern again? Your answers are counted in the concern leads' quarterly report and are never linked to you or to this concern.",
    }).accessory(Elements.Button({ text: "Answer", actionId: ACTIONS.concernCheckinOpen, value: ticket })),
  ];
}

/** The daily nudge while a concern waits for acknowledgement. */
export function reminderMessage(reminder: DueReminder, mention: string | null): SlackMessage {
  const ref = Md.bold(reference(reminder.concern));
  const days = `${reminder.workingDaysWaiting} working day${reminder.workingDaysWaiting === 1 ? "" : "s"}`;
  const who = mention ? `${mention} ` : "";
  return section(
    `:alarm_clock: ${who}${ref} has waited ${days} for acknowledgement (raised ${londonDateLabel(reminder.concern.createdAt)}). Please acknowledge it on its card.`,
  );
}

/** Posted in the card's thread when a lead replies to, or hears from, an anonymous reporter. */
export function threadNoteMessage(
  kind: "lead_reply" | "reporter_reply" | "supporter",
  concern: ConcernRecord,
  text: string,
  leadId?: string,
): SlackMessage {
  const ref = reference(concern);
  if (kind === "lead_reply") return withTyped(`<@${leadId ?? ""}> replied to the anonymous reporter of ${ref}:`, text);
  if (kind === "reporter_reply") return withTyped(`The anonymous reporter of ${ref} replied:`, text);
  return section(`Someone else raised this message too (${text}).`);
}

/** To each person now handling a concern a lead recused from. */
export function recusalNotice(
  concern: ConcernRecord,
  leadId: string,
  reason: RecusalReason,
  toDeputy: boolean,
): SlackMessage {
  const ref = Md.bold(reference(concern));
  const recused = `<@${leadId}> has recused themselves from ${ref}: ${RECUSAL_REASON_LABELS[reason]}.`;
  return section(
    toDeputy
      ? `${recused} Every concern lead has now recused from it, so it comes to you as the deputy. Its card is in your direct messages; please acknowledge and resolve it there.`
      : `${recused} They no longer see it. Its card is now in your direct messages, and the triage channel keeps only its reference.`,
  );
}

export function assignedMessage(concern: ConcernRecord, by: string): SlackMessage {
  const ref = Md.bold(reference(concern));
  return section(`<@${by}> has assigned ${ref} to you. \`/concerns ${reference(concern)}\` shows the full record.`);
}

/** "The 10 December 2012 meeting (<link|title>) discussed ... — related to CON-0003?" */
export function minutesNoteMessage(note: MinutesNote): SlackMessage {
  const { minutes } = note;
  const when = minutes.meetingDate
    ? `The ${londonDateLabel(new Date(`${minutes.meetingDate}T12:00:00Z`))} meeting`
    : "Newly published minutes";
  const title = escapeMrkdwn(minutes.title);
  const link = /^https?:\/\//.test(minutes.url) ? `<${minutes.url}|${title}>` : `_${title}_`;
  const objective = note.concern.objective === "not_sure" ? "" : ` objective ${note.concern.objective} and`;
  const items = note.items.slice(0, 3).map((item) => quoted(excerpt(item, 400)));
  const more = note.items.length > 3 ? `\n_…and ${note.items.length - 3} more items._` : "";
  return section(
    `:page_facing_up: ${when} (${link}) discussed${objective} CCG autonomy:\n${items.join("\n")}${more}\nRelated to ${Md.bold(reference(note.concern))}?`,
  );
}

export function refusalMessage(reason: string): SlackMessage {
  return section(reason);
}

export function exportComment(count: number, from: Date, to: Date): string {
  return `Concerns raised from ${londonDateLabel(from)} to ${londonDateLabel(to)}: ${count}. Confidential reporters are named in this file, so please keep it among the concern leads.`;
}

const UNREACHABLE_WHY: Record<string, string> = {
  channel_not_found: "it no longer exists, or the bot cannot see it",
  is_archived: "it has been archived",
  not_in_channel: "the bot is not a member of it",
};

/** A lead's DM when a concern's card cannot reach the triage channel: what is wrong and what waits. */
export function triageChannelUnreachable(concern: ConcernRecord, channel: string, code: string): SlackMessage {
  const why = UNREACHABLE_WHY[code] ?? "Slack refused the post";
  const ref = reference(concern);
  return section(
    `A new concern, ${Md.bold(ref)}, is waiting, but its card cannot be posted to the triage channel (${escapeMrkdwn(channel)}): ${why}. ` +
      "Invite the bot to the channel (`/invite @localism-bot`) or set CONCERN_TRIAGE_CHANNEL to a channel it is in; " +
      `the card is posted as soon as the channel can be reached. Meanwhile \`/concerns ${ref}\` shows it.`,
  );
}

const UNDELIVERED_WHY: Record<string, string> = {
  user_not_found: "their Slack account could not be found",
  account_inactive: "their Slack account has been deactivated",
  user_disabled: "their Slack account has been disabled",
  cannot_dm_bot: "the bot cannot message that account",
  channel_not_found: "Slack could not open a conversation with them",
};

/**
 * For the leads, under the card: a reporter, supporter or lead could not be told something by DM.
 * It names nobody (the leads can see who raised it on the card, if anyone may).
 */
export function messageUndelivered(
  concern: ConcernRecord,
  role: "reporter" | "supporter" | "lead",
  code: string,
  about: "confirmation" | null = null,
): SlackMessage {
  const why = UNDELIVERED_WHY[code] ?? `Slack kept refusing the message (${escapeMrkdwn(code)})`;
  const who =
    role === "reporter"
      ? "The person who raised"
      : role === "supporter"
        ? "Someone who supported"
        : "A concern lead handling";
  const told = about === "confirmation" ? "sent the confirmation that it was logged" : "told of its latest change";
  return section(
    `:warning: ${who} ${Md.bold(reference(concern))} could not be ${told} by direct message: ${why}. ` +
      "Please let them know another way if you can.",
  );
}

/** To each lead by DM: a note or reminder that Slack kept refusing under the concern's card. */
export function notePostFailed(concern: ConcernRecord, what: string, code: string): SlackMessage {
  const ref = reference(concern);
  return section(
    `:warning: ${what} about ${Md.bold(ref)} could not be posted under its card (Slack answered ${escapeMrkdwn(code)}). \`/concerns ${ref}\` shows the concern.`,
  );
}
