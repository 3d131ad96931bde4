import { Blocks, Md, Message, Modal } from "slack-block-builder";
import { VIEWS } from "../../../../slack/ids";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import type { ConcernRecord, SubmissionResult } from "../../domain";
import { raisedByText, reference, STATUS_LABELS } from "./text";
import type { ModalView } from "./view";

type Stored = Exclude<SubmissionResult, { kind: "rate_limited" }>;

/** What the reporter is told once the concern is stored (without the receipt code). */
export function submittedText(result: Stored): string {
  const ref = Md.bold(reference(result.concern));
  switch (result.kind) {
    case "created":
      return result.concern.reporter.mode === "anonymous"
        ? `Thank you. Your concern is logged as ${ref}, anonymously: nobody, including the concern leads, can see who raised it. Keep the reference and the receipt code shown in the form: \`/concerns status ${reference(result.concern)} <receipt code>\` is how you follow it.`
        : `Thank you. Your concern is logged as ${ref} and the concern leads have been told. You will get a direct message when its status changes; \`/concerns\` lists your concerns.`;
    case "supported":
      return `This message was already logged as ${ref}, so you have been added to it: ${raisedByText(result.concern)}. The concern leads can see that.`;
    case "already_raised":
      return alreadyRaisedText(result.concern);
    case "duplicate":
      return `Your concern is logged as ${ref}.`;
  }
}

/** Said at once when someone uses the shortcut on a message they already raised (by name or confidentially). */
export function alreadyRaisedText(concern: ConcernRecord): string {
  const ref = reference(concern);
  return `You have already raised this message as part of ${Md.bold(ref)} (${STATUS_LABELS[concern.status].toLowerCase()}), so nothing more is needed. \`/concerns status ${ref}\` shows where it is.`;
}

/** Added to the confirmation when the reporter's own summary replaced the quoted message. */
function quoteNote(result: Stored): string {
  return result.kind === "created" && result.concern.quoteChoice === "replaced"
    ? " The quoted message was not stored: your own words replace it."
    : "";
}

export function submittedMessage(result: Stored): SlackMessage {
  const text = submittedText(result) + quoteNote(result);
  return toSlackMessage(Message({ text }).blocks(Blocks.Section({ text })));
}

/** The modal turns into the confirmation; an anonymous reporter's receipt code is shown here, once. */
export function submittedModal(result: Stored, receiptCode: string | null): ModalView {
  const ref = reference(result.concern);
  const receipt = receiptCode
    ? [
        Blocks.Section({ text: `${Md.bold("Your receipt code")}\n\`${receiptCode}\`` }),
        Blocks.Context().elements(
          `This is the only time it is shown and it is not stored anywhere, so please copy it now. With it you can read the leads' replies and answer them: \`/concerns status ${ref} ${receiptCode}\``,
        ),
      ]
    : [];
  return Modal({ title: "Concern logged", close: "Done", callbackId: VIEWS.concernDone })
    .blocks(Blocks.Section({ text: submittedText(result) + quoteNote(result) }), ...receipt)
    .buildToObject() as ModalView;
}

/** The modal while the message's link is looked up: opened at once so the trigger cannot expire. */
export function loadingModal(): ModalView {
  return Modal({ title: "Log a concern", close: "Cancel", callbackId: VIEWS.concernLoading })
    .blocks(Blocks.Section({ text: ":hourglass_flowing_sand: Getting the message…" }))
    .buildToObject() as ModalView;
}

/** Shown in place of the form when the concern cannot be raised from here. */
export function problemModal(text: string): ModalView {
  return Modal({ title: "Log a concern", close: "Close", callbackId: VIEWS.concernDone })
    .blocks(Blocks.Section({ text }))
    .buildToObject() as ModalView;
}
