import { Blocks, Elements, Md, Modal } from "slack-block-builder";
import { CONCERN_INPUTS, VIEWS } from "../../../../slack/ids";
import type { ConcernRecord } from "../../domain";
import { excerpt, reference } from "./text";
import type { ModalView } from "./view";

export type LeadModalAction = "note" | "resolve" | "reopen" | "reply";

const WORDING: Record<
  LeadModalAction,
  { title: string; label: string; hint: string; submit: string; optional: boolean }
> = {
  note: {
    title: "Add a note",
    label: "Note",
    hint: "For the concern leads and the audit trail only; the reporter does not see it.",
    submit: "Add note",
    optional: false,
  },
  resolve: {
    title: "Resolve",
    label: "What was done",
    hint: "Optional. The reporter sees this with the news that it is resolved.",
    submit: "Resolve",
    optional: true,
  },
  reopen: {
    title: "Reopen",
    label: "Why it is reopened",
    hint: "Optional. The reporter sees this.",
    submit: "Reopen",
    optional: true,
  },
  reply: {
    title: "Reply anonymously",
    label: "Your reply",
    hint: "The reporter reads it with their receipt code. Nobody learns who they are.",
    submit: "Send reply",
    optional: false,
  },
};

/** A lead's note, resolution, reopening or reply; private_metadata carries the concern and the action. */
export function leadActionModal(concern: ConcernRecord, action: LeadModalAction, metadata: string): ModalView {
  const wording = WORDING[action];
  return Modal({
    title: wording.title,
    submit: wording.submit,
    close: "Cancel",
    callbackId: VIEWS.concernLeadAction,
    privateMetaData: metadata,
  })
    .blocks(
      Blocks.Section({ text: `${Md.bold(reference(concern))}\n${excerpt(concern.whatHappened, 500)}` }),
      Blocks.Input({ label: wording.label, blockId: CONCERN_INPUTS.leadText.block, hint: wording.hint })
        .optional(wording.optional)
        .element(Elements.TextInput({ actionId: CONCERN_INPUTS.leadText.action, multiline: true, maxLength: 3000 })),
    )
    .buildToObject() as ModalView;
}
