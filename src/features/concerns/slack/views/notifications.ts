import { Blocks, Md, Message } from "slack-block-builder";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import type { ConcernRecord, ConcernStatus, DueReminder } from "../../domain";
import { londonDateLabel } from "../../domain/time-labels";
import { excerpt, reference } from "./text";

function section(text: string): SlackMessage {
  return toSlackMessage(Message({ text }).blocks(Blocks.Section({ text })));
}

const CHANGE_WORDS: Record<ConcernStatus, string> = {
  new: "is new",
  acknowledged: "has been acknowledged by the concern leads",
  resolved: "has been resolved by the concern leads",
};

/** The DM a named or confidential reporter (or supporter) gets when their concern's status changes. */
export function statusChangeMessage(
  concern: ConcernRecord,
  change: { from: ConcernStatus; to: ConcernStatus },
  note: string | null,
): SlackMessage {
  const ref = Md.bold(reference(concern));
  const what = change.from === "resolved" ? "has been reopened by the concern leads" : CHANGE_WORDS[change.to];
  const said = note ? `\n${Md.blockquote(excerpt(note, 1500))}` : "";
  return section(`Your concern ${ref} ${what}.${said}\n\`/concerns status ${reference(concern)}\` shows where it is.`);
}

/** The daily nudge in the triage channel while a concern waits for acknowledgement. */
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
  if (kind === "lead_reply")
    return section(
      `<@${leadId ?? ""}> replied to the anonymous reporter of ${ref}:\n${Md.blockquote(excerpt(text, 2500))}`,
    );
  if (kind === "reporter_reply")
    return section(`The anonymous reporter of ${ref} replied:\n${Md.blockquote(excerpt(text, 2500))}`);
  return section(`Someone else raised this message too (${text}).`);
}

export function refusalMessage(reason: string): SlackMessage {
  return section(reason);
}

export function exportComment(count: number, from: Date, to: Date): string {
  return `Concerns raised from ${londonDateLabel(from)} to ${londonDateLabel(to)}: ${count}. Confidential reporters are named in this file, so please keep it among the concern leads.`;
}
