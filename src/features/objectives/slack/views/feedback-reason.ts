import type { ModalView } from "@slack/types";
import { Bits, Blocks, Elements, Modal } from "slack-block-builder";
import { escapeMrkdwn, truncate } from "../../../../slack/format";
import { ANSWER_INPUTS, VIEWS } from "../../../../slack/ids";
import { FEEDBACK_REASONS, MAX_FEEDBACK_NOTE } from "../../domain/feedback-reasons";

/**
 * The one short modal after "Not helpful": why, if they want to say (both fields are optional, and
 * closing it is fine: the vote is already counted).
 */
export function feedbackReasonModal(question: string, metadata: string): ModalView {
  const reasons = Object.entries(FEEDBACK_REASONS).map(([value, text]) => Bits.Option({ text, value }));
  return Modal({
    title: "Not helpful",
    submit: "Send",
    close: "Skip",
    callbackId: VIEWS.answerFeedbackReason,
    privateMetaData: metadata,
  })
    .blocks(
      Blocks.Section({
        text: `Thanks for saying. What was wrong with the answer to “${truncate(escapeMrkdwn(question), 300)}”?`,
      }),
      Blocks.Input({ label: "What was wrong", blockId: ANSWER_INPUTS.reason.block })
        .optional(true)
        .element(Elements.RadioButtons({ actionId: ANSWER_INPUTS.reason.action }).options(reasons)),
      Blocks.Input({
        label: "Anything to add",
        blockId: ANSWER_INPUTS.reasonNote.block,
        hint: "Read by whoever keeps the knowledge base, with your name.",
      })
        .optional(true)
        .element(
          Elements.TextInput({
            actionId: ANSWER_INPUTS.reasonNote.action,
            multiline: true,
            maxLength: MAX_FEEDBACK_NOTE,
          }),
        ),
    )
    .buildToObject() as ModalView;
}
