import { Bits, Blocks, Elements, Md, Modal } from "slack-block-builder";
import { CONCERN_INPUTS, VIEWS } from "../../../../slack/ids";
import { type ConcernRecord, RECUSAL_REASON_CHOICES, RECUSAL_REASONS } from "../../domain";
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
    label: "What was done (for the reporter)",
    hint: "Optional. The reporter sees this, exactly as you type it, with the news that it is resolved. Its themes are counted in the quarterly report.",
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

function textInput(blockId: string, actionId: string, label: string, hint: string) {
  return Blocks.Input({ label, blockId, hint })
    .optional(true)
    .element(Elements.TextInput({ actionId, multiline: true, maxLength: 3000 }));
}

/** A lead's note, resolution, reopening or reply; private_metadata carries the concern and the action. */
export function leadActionModal(concern: ConcernRecord, action: LeadModalAction, metadata: string): ModalView {
  const wording = WORDING[action];
  const resolving = action === "resolve";
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
      resolving
        ? textInput(
            CONCERN_INPUTS.outcome.block,
            CONCERN_INPUTS.outcome.action,
            "What changed as a result (for the report)",
            'Optional. Listed, without any reference or date, under "What changed" in the governing body\'s quarterly report.',
          )
        : undefined,
      resolving
        ? textInput(
            CONCERN_INPUTS.publication.block,
            CONCERN_INPUTS.publication.action,
            'For publication ("you said, we did")',
            "Optional. The only words of this concern a lead may publish to staff in a round-up. Write them so that nobody could tell who raised it.",
          )
        : undefined,
    )
    .buildToObject() as ModalView;
}

/** Assign a concern to a lead handling it. */
export function assignModal(concern: ConcernRecord, metadata: string): ModalView {
  return Modal({
    title: "Assign",
    submit: "Assign",
    close: "Cancel",
    callbackId: VIEWS.concernAssign,
    privateMetaData: metadata,
  })
    .blocks(
      Blocks.Section({ text: `${Md.bold(reference(concern))}\n${excerpt(concern.whatHappened, 500)}` }),
      Blocks.Input({
        label: "Assign to",
        blockId: CONCERN_INPUTS.assignee.block,
        hint: "A concern lead handling it: not one who has recused (the deputy, once every lead has). They are told by direct message.",
      }).element(
        Elements.UserSelect({ actionId: CONCERN_INPUTS.assignee.action, placeholder: "Choose a lead" }).initialUser(
          concern.assigneeId ?? undefined,
        ),
      ),
    )
    .buildToObject() as ModalView;
}

/** A lead steps back from a concern: what it means, said before they confirm. */
export function recuseModal(concern: ConcernRecord, metadata: string): ModalView {
  const ref = reference(concern);
  const reasons = RECUSAL_REASONS.map((reason) => Bits.Option({ text: RECUSAL_REASON_CHOICES[reason], value: reason }));
  return Modal({
    title: "Recuse myself",
    submit: "Recuse",
    close: "Cancel",
    callbackId: VIEWS.concernRecuse,
    privateMetaData: metadata,
  })
    .blocks(
      Blocks.Section({
        text: `If ${Md.bold(ref)} is about you, or you have a conflict of interest, you can step back from it. You will no longer see it anywhere: not its card, not in \`/concerns\`, App Home, the export or the report. The other concern leads are told, its card moves to their direct messages, and the recusal is recorded in the audit trail. If every lead recuses, it goes to the deputy. This cannot be undone here.`,
      }),
      Blocks.Input({ label: "Why", blockId: CONCERN_INPUTS.recuseReason.block }).element(
        Elements.RadioButtons({ actionId: CONCERN_INPUTS.recuseReason.action }).options(reasons),
      ),
    )
    .buildToObject() as ModalView;
}
